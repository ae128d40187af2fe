/**
 * Token features for the learned loaded-language model: what the word is (its lemma, only for
 * general English words — the weights file never holds names), its part of speech and shape,
 * its neighbours, lexicon hits around it, whether it sits in a scare quote or a headline, and
 * subjectivity cues of its sentence. Shared by the runtime (model.ts) and the training script
 * (scripts/train-loaded.mjs), so both see exactly the same features. The runtime scores every
 * token with token-scores.ts, a table-driven copy of tokenFeatures + scoreProbability: a feature
 * added here must be added there too (test/analyses/loaded-scores.test.ts checks they agree).
 */
import type { AnalyzedDoc, Token } from '../../src/text/types.js';
import { tokenWordIds, wordText } from '../../src/text/word-ids.js';
import type { LexiconHit } from './lexicons.js';
import type { ClassifiedQuote } from './quote-classes.js';
import { GENERAL, POLARITY_BUCKETS, polarityCode, withPolarity, wordFacts } from './word-facts.js';
import { firstStartingAt } from '../../src/text/first-starting-at.js';

/** Per-token context computed once per document. */
export interface TokenContext {
  doc: AnalyzedDoc;
  /** Lexicon category (and `category/subcategory`) covering each token, or undefined. */
  lex: Array<string[] | undefined>;
  /** Class of the innermost quote holding each token, with its word count. */
  quote: Array<{ cls: string; words: number } | undefined>;
  /** End offset of the headline when the text starts with the article's title, else 0. */
  headlineEnd: number;
  /** Sentence-level cue features per sentence. */
  sentenceCues: string[][];
  /** Document-level features (density of lexicon hits and of strongly polar words). */
  docCue: string[];
  /** Polarity bucket of each token (polarity.ts), looked up once per document. */
  polarity: Array<string | undefined>;
  /** The same buckets as codes (word-facts.ts polarityCode: 0 neutral, else POLARITY_BUCKETS index + 1), for the fast scorer. */
  polarityCodes: Uint8Array;
  /** Lemma of each token that may become a feature (isGeneralWord), else undefined. */
  lemma: Array<string | undefined>;
  /** Word id (src/text/word-ids.ts) of each token's `lemma` above, -1 where that is undefined. */
  lemmaId: Int32Array;
  /** Facts of each token's written form (word-facts.ts: GENERAL, SUFFIX, …), for the fast scorer (token-scores.ts). */
  facts: Int32Array;
}

const PERSONAL = new Set(['i', 'we', 'you', 'our', 'us', 'my', 'your']);
// The longest of them: longer words (most tokens) skip the look-up.
const PERSONAL_LENGTH = Math.max(...[...PERSONAL].map((word) => word.length));
// The codes of the strongly polar buckets ('neg2', 'pos2'), counted by the polar cues.
const STRONG_NEGATIVE = POLARITY_BUCKETS.indexOf('neg2') + 1;
const STRONG_POSITIVE = POLARITY_BUCKETS.indexOf('pos2') + 1;
// Bits of a sentence's marks: '!', '?' and a personal word seen in it.
const EXCLAIM = 1;
const QUESTION = 2;
const PERSONAL_WORD = 4;
// Cue names by count bucket, built once: the scorer looks each one up in the weights.
const bucketed = (name: string) => [0, 1, 2, 3].map((b) => `${name}${b}`);
const SENT_LEX = bucketed('sent=lex');
const SENT_POLAR = bucketed('sent=polar');
const DOC_LEX_DENSITY = bucketed('doc=lexdensity');
const DOC_POLAR_DENSITY = bucketed('doc=polardensity');

/** A token's lemma in lower case (falls back to its normal form when the tagger left none). */
export function lemmaOf(token: Token): string {
  return (token.lemma ?? token.norm ?? token.text).toLowerCase();
}

/**
 * True when a token's lemma may become a feature: a word (also when tagged as a proper noun,
 * since wink tags title-case headline words so). The training script keeps only lemmas written
 * in lower case mid-sentence in several documents, so names never reach the weights file.
 */
export function isGeneralWord(token: Token): boolean {
  return (wordFacts(token.text) & GENERAL) !== 0;
}

/** Builds the per-document context from lexicon hits and quote classes. */
export function buildTokenContext(doc: AnalyzedDoc, hits: readonly LexiconHit[], quotes: readonly ClassifiedQuote[]): TokenContext {
  const n = doc.tokens.length;
  const lex: Array<string[] | undefined> = new Array(n);
  for (const hit of hits) {
    for (let i = hit.tokenStart; i < hit.tokenEnd; i++) {
      const tags = (lex[i] ??= []);
      tags.push(hit.category, `${hit.category}/${hit.entry.subcategory ?? ''}`);
    }
  }
  // Each token's innermost quote: the quote holding it that starts last (of two starting together,
  // the later in `quotes`). Quotes in order of start, each written over the tokens it holds, leave
  // exactly that quote on each token. The tokens of one quote share one (read-only) record.
  const quote: TokenContext['quote'] = new Array(n);
  const tokens = doc.tokens;
  for (const { quote: q, cls } of [...quotes].sort((a, b) => a.quote.start - b.quote.start)) {
    const record = { cls, words: q.words };
    for (let i = firstStartingAt(tokens, q.start); i < n && tokens[i].end <= q.end; i++) quote[i] = record;
  }
  const { title, text } = doc.article;
  const headlineEnd = title && text.startsWith(title.trim()) ? title.trim().length : 0;
  const facts = new Int32Array(n);
  const polarity: Array<string | undefined> = new Array(n);
  const polarityCodes = new Uint8Array(n);
  const lemma: Array<string | undefined> = new Array(n);
  const lemmaId = new Int32Array(n).fill(-1);
  // What the sentence cues count, per sentence, gathered in the same pass over the tokens as their
  // facts (a token counts for the sentence it names; the text layer's sentences are exactly those
  // token ranges).
  const sentenceCount = doc.sentences.length;
  const marks = new Uint8Array(sentenceCount);
  const hitsIn = new Int32Array(sentenceCount);
  const polarIn = new Int32Array(sentenceCount);
  let hitCount = 0;
  let polarCount = 0;
  // The word ids key what each form decides (word-facts.ts); a lemma id's string is lemmaOf's answer.
  const ids = tokenWordIds(doc.tokens);
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i];
    const s = t.sentence;
    // Punctuation has no prior polarity in wink's sentiment lexicon (none of the punctuation tokens
    // of 3,000 article-bias-prediction articles has one): skip the look-up.
    const punctuation = t.type === 'punctuation';
    const formId = ids.form[i];
    const form = punctuation ? wordFacts(t.text, formId) : withPolarity(wordFacts(t.text, formId), t.text, formId);
    facts[i] = form;
    const code = punctuation ? 0 : polarityCode(form);
    if (code) {
      polarityCodes[i] = code;
      polarity[i] = POLARITY_BUCKETS[code - 1];
      if (code === STRONG_NEGATIVE || code === STRONG_POSITIVE) {
        polarIn[s]++;
        polarCount++;
      }
    }
    if (form & GENERAL) lemma[i] = wordText((lemmaId[i] = ids.lemma[i]));
    if (t.text === '!') marks[s] |= EXCLAIM;
    else if (t.text === '?') marks[s] |= QUESTION;
    if (!(marks[s] & PERSONAL_WORD) && t.norm.length <= PERSONAL_LENGTH && PERSONAL.has(t.norm)) marks[s] |= PERSONAL_WORD;
    if (lex[i]) {
      hitsIn[s]++;
      hitCount++;
    }
  }
  const sentenceCues = doc.sentences.map((_, s) => {
    const cues: string[] = [];
    if (marks[s] & EXCLAIM) cues.push('sent=exclaim');
    if (marks[s] & QUESTION) cues.push('sent=question');
    if (marks[s] & PERSONAL_WORD) cues.push('sent=personal');
    cues.push(SENT_LEX[Math.min(hitsIn[s], 3)], SENT_POLAR[Math.min(polarIn[s], 3)]);
    return cues;
  });
  const density = doc.words ? (1000 * hitCount) / doc.words : 0;
  const polarDensity = doc.words ? (1000 * polarCount) / doc.words : 0;
  const docCue = [
    DOC_LEX_DENSITY[density < 5 ? 0 : density < 12 ? 1 : density < 25 ? 2 : 3],
    DOC_POLAR_DENSITY[polarDensity < 5 ? 0 : polarDensity < 10 ? 1 : polarDensity < 20 ? 2 : 3],
  ];
  return { doc, lex, quote, headlineEnd, sentenceCues, docCue, polarity, polarityCodes, lemma, lemmaId, facts };
}


/** The feature names of token `i` (empty for punctuation and spaces, which are never flagged). */
export function tokenFeatures(ctx: TokenContext, i: number): string[] {
  const { tokens } = ctx.doc;
  const t = tokens[i];
  if (t.type !== 'word') return [];
  const prev = i > 0 && tokens[i - 1].sentence === t.sentence ? tokens[i - 1] : undefined;
  const next = i + 1 < tokens.length && tokens[i + 1].sentence === t.sentence ? tokens[i + 1] : undefined;
  const f: string[] = [`pos=${t.pos}`, `pos-1=${prev?.pos ?? 'START'}`, `pos+1=${next?.pos ?? 'END'}`];
  f.push(`pos=${t.pos}&pos+1=${next?.pos ?? 'END'}`, `pos-1=${prev?.pos ?? 'START'}&pos=${t.pos}`);
  const lemma = ctx.lemma[i];
  if (lemma !== undefined) {
    f.push(`lem=${lemma}`);
    const lower = t.text.toLowerCase();
    if (lower.length >= 5 && lower === t.text) f.push(`suf=${lower.slice(-3)}`);
  }
  const prevLemma = prev && ctx.lemma[i - 1];
  if (prevLemma !== undefined) f.push(`lem-1=${prevLemma}`);
  const nextLemma = next && ctx.lemma[i + 1];
  if (nextLemma !== undefined) f.push(`lem+1=${nextLemma}`);
  const polarity = ctx.polarity[i];
  if (polarity) f.push(`pol=${polarity}`, `pol=${polarity}&pos=${t.pos}`);
  const prevPolarity = prev && ctx.polarity[i - 1];
  if (prevPolarity) f.push(`pol-1=${prevPolarity}`);
  const nextPolarity = next && ctx.polarity[i + 1];
  if (nextPolarity) f.push(`pol+1=${nextPolarity}`);
  const next2Polarity = i + 2 < tokens.length && tokens[i + 2].sentence === t.sentence ? ctx.polarity[i + 2] : undefined;
  if (next2Polarity) f.push(`pol+2=${next2Polarity}`);
  if (t.stop) f.push('stop');
  if (t.negated) f.push('negated');
  if (t.text.length > 1 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text)) f.push('shape=allcaps');
  else if (/^\p{Lu}/u.test(t.text) && prev && t.pos !== 'PROPN') f.push('shape=cap-mid');
  if (t.text.includes('-')) f.push('shape=hyphen');
  if (t.text.length >= 10) f.push('shape=long');
  for (const tag of ctx.lex[i] ?? []) f.push(`lex=${tag}`);
  if (prev) for (const tag of ctx.lex[i - 1] ?? []) if (!tag.includes('/')) f.push(`lex-1=${tag}`);
  if (next) for (const tag of ctx.lex[i + 1] ?? []) if (!tag.includes('/')) f.push(`lex+1=${tag}`);
  const quote = ctx.quote[i];
  if (quote) {
    f.push(`quote=${quote.cls}`);
    if (quote.words <= 3) f.push(`quote=${quote.cls}&short`);
  }
  if (t.end <= ctx.headlineEnd) f.push('headline');
  f.push(...ctx.sentenceCues[t.sentence], ...ctx.docCue);
  return f;
}
