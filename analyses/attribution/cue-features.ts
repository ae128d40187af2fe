/**
 * Context features of one token for the cue classifier (cue-model.ts). Shared by the runtime
 * extractor and the training script (scripts/train-attribution.mjs), so both see the same names.
 * Features use only general English words (lower-case lemmas, never proper names: capitalized
 * words and PROPN tokens become shape placeholders), POS tags, quote marks and position.
 */
import type { Token } from '../../src/text/types.js';

/** The token fields features read (a subset of the text layer's Token). */
export type FeatureToken = Pick<Token, 'start' | 'end' | 'text' | 'lemma' | 'pos' | 'sentence'>;

const OPEN_QUOTES = new Set(['“', '‘', '«', '‹', '„', '‚', '``']);
const CLOSE_QUOTES = new Set(['”', '’', '»', '›', "''"]);
const SYMMETRIC_QUOTES = new Set(['"', "'"]);

/** True for a token that is only a quote mark. */
export function isQuoteMark(text: string): boolean {
  return OPEN_QUOTES.has(text) || CLOSE_QUOTES.has(text) || SYMMETRIC_QUOTES.has(text);
}

/**
 * Per token, whether it lies inside quote marks. Curly marks open and close. A straight mark
 * opens when a word follows it with no space and space or a bracket precedes it, and closes in
 * the mirror case (so apostrophes in "the Clintons' plan" do not flip the state). A quote left
 * open at a paragraph break is closed there: news style reopens it in the next paragraph.
 */
export function insideQuotes(tokens: readonly FeatureToken[], text?: string): boolean[] {
  const inside: boolean[] = new Array(tokens.length).fill(false);
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (open && text && i > 0 && text.slice(tokens[i - 1].end, t.start).includes('\n')) open = false;
    const mark = t.text;
    if (OPEN_QUOTES.has(mark)) open = true;
    else if (CLOSE_QUOTES.has(mark)) open = false;
    else if (SYMMETRIC_QUOTES.has(mark)) {
      const before = text ? text[t.start - 1] ?? ' ' : ' ';
      const after = text ? text[t.end] ?? ' ' : ' ';
      const opens = /[\s([{\u2014\u2013-]/.test(before) && /\S/.test(after);
      const closes = /\S/.test(before) && /[\s.,;:!?)\]}\u2014\u2013-]/.test(after);
      if (opens && !closes) open = true;
      else if (closes && !opens) open = false;
      else if (opens && closes) open = !open;
    } else inside[i] = open;
  }
  return inside;
}

/** Report verbs frequent enough that a second cue after them is usually inside their content. */
const STRONG_CUES = new Set(['say', 'tell', 'accord', 'write', 'add', 'report', 'claim', 'argue', 'note', 'state', 'announce', 'explain']);

/** Placeholder or lemma for a token: only general lower-case words keep their lemma. */
export function wordOf(token: FeatureToken, sentenceInitial: boolean): string {
  const { text, pos } = token;
  if (isQuoteMark(text)) return '<Q>';
  if (pos === 'PUNCT' || pos === 'SYM') return /^[-–—]+$/.test(text) ? '<DASH>' : text.length <= 2 ? text : '<P>';
  if (pos === 'NUM' || /\d/.test(text)) return '<NUM>';
  if (pos === 'PROPN') return '<NAME>';
  if (/^[A-Z]/.test(text) && !sentenceInitial) return '<CAP>';
  const lemma = token.lemma.toLowerCase();
  return /^[a-z][a-z'-]*$/.test(lemma) ? lemma : '<X>';
}

/** Views of a token list that features need; build once per document. */
export interface FeatureContext {
  tokens: readonly FeatureToken[];
  words: string[];
  inside: boolean[];
  /** Per token, whether its lemma is a known cue word (report-verbs.json, cue-words.json). */
  lexical: boolean[];
  /** First token index of each token's sentence, and one past its last. */
  sentenceStart: number[];
  sentenceEnd: number[];
}

/**
 * `text` (the article text) lets quote marks be read in context; without it straight marks
 * toggle. `cueWords` (lower-case lemmas of the cue lexicons) lets rare cue verbs share weight.
 */
export function featureContext(tokens: readonly FeatureToken[], text?: string, cueWords: ReadonlySet<string> = new Set()): FeatureContext {
  const sentenceStart: number[] = new Array(tokens.length);
  const sentenceEnd: number[] = new Array(tokens.length);
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].sentence !== tokens[from].sentence) {
      for (let j = from; j < i; j++) {
        sentenceStart[j] = from;
        sentenceEnd[j] = i;
      }
      from = i;
    }
  }
  const words = tokens.map((t, i) => wordOf(t, i === sentenceStart[i] || isQuoteMark(tokens[i - 1]?.text ?? '')));
  const lexical = tokens.map((t) => t.pos !== 'PROPN' && cueWords.has(t.lemma.toLowerCase()));
  return { tokens, words, inside: insideQuotes(tokens, text), lexical, sentenceStart, sentenceEnd };
}

/** Feature names of token `i`. */
export function tokenFeatures(ctx: FeatureContext, i: number): string[] {
  const { tokens, words, inside, sentenceStart, sentenceEnd } = ctx;
  const s0 = sentenceStart[i];
  const s1 = sentenceEnd[i];
  const w = (k: number) => (k < s0 ? '<S>' : k >= s1 ? '</S>' : words[k]);
  const p = (k: number) => (k < s0 ? '<S>' : k >= s1 ? '</S>' : tokens[k].pos);
  const f = [
    'bias',
    `w=${w(i)}`,
    `p=${p(i)}`,
    `w-1=${w(i - 1)}`,
    `w+1=${w(i + 1)}`,
    `w-2=${w(i - 2)}`,
    `w+2=${w(i + 2)}`,
    `p-1=${p(i - 1)}`,
    `p+1=${p(i + 1)}`,
    `p-2=${p(i - 2)}`,
    `p+2=${p(i + 2)}`,
    `w-1|w=${w(i - 1)}|${w(i)}`,
    `w|w+1=${w(i)}|${w(i + 1)}`,
    `p-1|p=${p(i - 1)}|${p(i)}`,
    `p|p+1=${p(i)}|${p(i + 1)}`,
    `w|p+1=${w(i)}|${p(i + 1)}`,
    `p-1|w=${p(i - 1)}|${w(i)}`,
  ];
  if (inside[i]) f.push('inq', `inq|p=${p(i)}`);
  if (ctx.lexical[i]) f.push(`lex|p=${p(i)}`, `lex|inq=${inside[i] ? 1 : 0}`, `lex|p+1=${p(i + 1)}`, `lex|p-1=${p(i - 1)}`);
  if (i > s0 && ctx.lexical[i - 1]) f.push(`lex-1|p=${p(i)}`);
  const near = (from: number, to: number, test: (k: number) => boolean) => {
    for (let k = Math.max(s0, from); k <= Math.min(s1 - 1, to); k++) if (test(k)) return true;
    return false;
  };
  if (near(i - 3, i - 1, (k) => words[k] === '<Q>')) f.push('q-before');
  if (near(i + 1, i + 3, (k) => words[k] === '<Q>')) f.push('q-after');
  if (near(i + 1, i + 4, (k) => words[k] === 'that')) f.push('that-after');
  if (near(i - 4, i - 1, (k) => tokens[k].pos === 'PRON' || tokens[k].pos === 'PROPN')) f.push('subj-before');
  if (near(i + 1, i + 3, (k) => tokens[k].pos === 'PROPN')) f.push('name-after');
  if (i === s0) f.push('s-first');
  if (i >= s1 - 2) f.push('s-last');
  if (near(s0, i - 1, (k) => !inside[k] && STRONG_CUES.has(words[k]) && tokens[k].pos === 'VERB')) f.push('cue-verb-before');
  if (near(s0, i - 1, (k) => words[k] === 'that' && tokens[k].pos === 'SCONJ')) f.push('that-before');
  if (!near(s0, i - 1, (k) => tokens[k].pos === 'VERB')) f.push(`first-verb|p=${p(i)}`);
  if (near(s0, i - 1, (k) => tokens[k].text === ',')) f.push('comma-before');
  f.push(`w-3=${w(i - 3)}`, `w+3=${w(i + 3)}`, `w|inq=${w(i)}|${inside[i] ? 1 : 0}`);
  if (/^[a-z]{5,}$/.test(words[i])) f.push(`suf=${p(i)}|${words[i].slice(-3)}`);
  const quotedSentence = near(s0, s1 - 1, (k) => inside[k]);
  if (quotedSentence && !inside[i]) f.push('q-sentence-outside', `q-sentence-outside|w=${w(i)}`);
  return f;
}

const bucket = (p: number) => (p < 0.1 ? 0 : p < 0.3 ? 1 : p < 0.5 ? 2 : p < 0.7 ? 3 : p < 0.9 ? 4 : 5);

/**
 * Second-pass features from first-pass cue probabilities: how likely the token and its
 * neighbours are, and whether a likelier cue already stands in the sentence (PolNeAR gives each
 * token one attribution, so a cue inside another cue's content is not annotated).
 */
export function stackFeatures(ctx: FeatureContext, probabilities: readonly number[], i: number): string[] {
  const { sentenceStart, sentenceEnd, words } = ctx;
  const s0 = sentenceStart[i];
  const s1 = sentenceEnd[i];
  const b = (k: number) => (k < s0 || k >= s1 ? 'x' : String(bucket(probabilities[k])));
  let before = 0;
  let after = 0;
  for (let k = s0; k < i; k++) before = Math.max(before, probabilities[k]);
  for (let k = i + 1; k < s1; k++) after = Math.max(after, probabilities[k]);
  const own = probabilities[i];
  return [
    `s:p=${b(i)}`,
    `s:p-1=${b(i - 1)}`,
    `s:p+1=${b(i + 1)}`,
    `s:p-1|p=${b(i - 1)}|${b(i)}`,
    `s:p|p+1=${b(i)}|${b(i + 1)}`,
    `s:before=${bucket(before)}|${b(i)}`,
    `s:after=${bucket(after)}|${b(i)}`,
    `s:max=${own >= before && own >= after ? 1 : 0}|${b(i)}`,
    `s:p|w=${b(i)}|${words[i]}`,
    `s:p|inq=${b(i)}|${ctx.inside[i] ? 1 : 0}`,
  ];
}
