/**
 * Turns per-token probabilities into marker spans: runs of flagged word tokens in one sentence,
 * bridging a single weaker token between two flagged ones ("dishonest and corrupt") and taking
 * in the noun an adjective qualifies ("brutal thugs"), because annotators mark short phrases
 * rather than single words.
 */
import type { Token } from '../../src/text/types.js';

/** Options for span decoding. */
export interface DecodeOptions {
  /** Probability at or above which a token is flagged. */
  threshold: number;
  /** A token between two flagged ones joins them when its probability is at least threshold × bridge. Default 0.5. */
  bridge?: number;
  /** An adjective run takes in the next noun when its probability is at least threshold × extend. Default 0.35. */
  extend?: number;
}

/** A decoded span as a token range, with the index of its most probable token. */
export interface TokenSpan {
  tokenStart: number;
  tokenEnd: number;
  best: number;
}

/** Decodes token probabilities (NaN or 0 for tokens never flagged) into token spans. */
export function decodeSpans(tokens: readonly Token[], p: readonly number[], options: DecodeOptions): TokenSpan[] {
  const { threshold } = options;
  const bridge = threshold * (options.bridge ?? 0.5);
  const extend = threshold * (options.extend ?? 0.35);
  const spans: TokenSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!(p[i] >= threshold)) {
      i++;
      continue;
    }
    let end = i + 1;
    let best = i;
    for (;;) {
      if (end < tokens.length && sameSentence(tokens, i, end) && p[end] >= threshold) {
        if (p[end] > p[best]) best = end;
        end++;
      } else if (end + 1 < tokens.length && sameSentence(tokens, i, end + 1) && p[end] >= bridge && p[end + 1] >= threshold) {
        if (p[end + 1] > p[best]) best = end + 1;
        end += 2;
      } else break;
    }
    if (end < tokens.length && sameSentence(tokens, i, end) && tokens[end - 1].pos === 'ADJ' && tokens[end].pos === 'NOUN' && p[end] >= extend) end++;
    const next = end;
    // A span neither starts nor ends on a function word ("a", "of"): annotators mark the loaded words.
    let start = i;
    while (start < end && isFunctionWord(tokens[start])) start++;
    while (end > start && isFunctionWord(tokens[end - 1])) end--;
    if (end > start) spans.push({ tokenStart: start, tokenEnd: end, best: best >= start && best < end ? best : start });
    i = next;
  }
  return spans;
}

const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'PRON', 'PUNCT', 'AUX', 'NUM', 'SYM', 'SPACE']);

function isFunctionWord(token: Token): boolean {
  return token.stop || FUNCTION_POS.has(token.pos) || token.type !== 'word';
}

function sameSentence(tokens: readonly Token[], a: number, b: number): boolean {
  return tokens[a].sentence === tokens[b].sentence;
}
