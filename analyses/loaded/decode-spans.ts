/**
 * Turns per-token probabilities into marker spans by hysteresis: a span grows over words whose
 * probability reaches a low join threshold, bridges a few words between two such words in one
 * sentence ("a total and utter disgrace"), takes in the noun an adjective run qualifies, and is
 * kept only when its strongest word reaches a higher seed probability (a lone word needs more
 * still). Annotators mark phrases, so one phrase-sized span beats several fragments; isolated
 * weak words are mostly noise. Sits between model.ts and detect.ts.
 */
import type { Token } from '../../src/text/types.js';

/** Options for span decoding (the weights file stores the values tuned by cross-validation). */
export interface DecodeOptions {
  /** Probability at or above which a word may join a span. */
  threshold: number;
  /** Strongest-word probability a span of two or more words needs. Default: threshold. */
  seed?: number;
  /** Probability a one-word span needs. Default: seed. */
  single?: number;
  /** Most words bridged between two joinable words of one sentence. Default 1. */
  gap?: number;
  /** Most words in one span; a bridge that would exceed it is not taken. Default 10. */
  maxWords?: number;
  /** An adjective run takes in the next noun when its probability is at least threshold × extend. Default: never. */
  extend?: number;
}

/** A decoded span as a token range, with the index of its most probable token. */
export interface TokenSpan {
  tokenStart: number;
  tokenEnd: number;
  best: number;
}

/**
 * Decodes token probabilities (0 or undefined for tokens never flagged) into token spans. `forced` marks
 * tokens that join spans whatever their probability and count as certain (lexicon hits the
 * model agrees with).
 */
export function decodeSpans(tokens: readonly Token[], p: ReadonlyArray<number | undefined>, options: DecodeOptions, forced?: ReadonlySet<number>): TokenSpan[] {
  const { threshold } = options;
  const seed = options.seed ?? threshold;
  const single = options.single ?? seed;
  const gap = options.gap ?? 1;
  const maxWords = options.maxWords ?? 10;
  const extend = options.extend === undefined ? Infinity : threshold * options.extend;
  // Each token's probability, forced ones at 1, read once: the loops below ask for most tokens several times.
  const probs = new Float64Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) probs[i] = p[i] ?? 0;
  for (const i of forced ?? []) if (i >= 0 && i < tokens.length) probs[i] = 1;
  const prob = (i: number) => probs[i];
  const joins = (i: number) => probs[i] >= threshold && tokens[i].type === 'word';
  const words = (from: number, to: number) => {
    let n = 0;
    for (let k = from; k < to; k++) if (tokens[k].type === 'word') n++;
    return n;
  };
  const spans: TokenSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!joins(i)) {
      i++;
      continue;
    }
    const sentence = tokens[i].sentence;
    let end = i + 1;
    let best = i;
    for (;;) {
      // The next joinable word within `gap` words of the span's end, in the same sentence.
      let j = end;
      let bridged = 0;
      while (j < tokens.length && tokens[j].sentence === sentence && !joins(j) && bridged <= gap) {
        if (tokens[j].type === 'word') bridged++;
        j++;
      }
      if (j >= tokens.length || tokens[j].sentence !== sentence || !joins(j) || bridged > gap || words(i, j + 1) > maxWords) break;
      if (prob(j) > prob(best)) best = j;
      end = j + 1;
    }
    if (end < tokens.length && tokens[end].sentence === sentence && tokens[end - 1].pos === 'ADJ' && tokens[end].pos === 'NOUN' && prob(end) >= extend) end++;
    const next = end;
    // A span neither starts nor ends on a function word ("a", "of"): annotators mark the loaded words.
    let start = i;
    while (start < end && isFunctionWord(tokens[start])) start++;
    while (end > start && isFunctionWord(tokens[end - 1])) end--;
    const need = words(start, end) > 1 ? seed : single;
    if (end > start && prob(best) >= need) spans.push({ tokenStart: start, tokenEnd: end, best: best >= start && best < end ? best : start });
    i = next;
  }
  return spans;
}

const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'PRON', 'PUNCT', 'AUX', 'NUM', 'SYM', 'SPACE']);

function isFunctionWord(token: Token): boolean {
  return token.stop || FUNCTION_POS.has(token.pos) || token.type !== 'word';
}
