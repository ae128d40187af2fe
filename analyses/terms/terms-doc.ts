/**
 * Turns what callers have (an AnalyzedDoc from the text layer, a plain Article, or an already
 * compact TermsDoc) into the TermsDoc token stream that counting and KWIC work on; and an
 * AnalyzedDoc straight into the packed stream the terms analysis stores (terms-codec.ts).
 */
import type { Article } from '../../src/corpus/article.js';
import type { AnalyzedDoc, Token } from '../../src/text/types.js';
import { simpleTermsDoc } from './simple-tokens.js';
import { TermsDocPacker, type PackedTermsDoc } from './terms-codec.js';
import { isStopWord, STOP_WORDS } from './stop-words.js';
import type { TermsDoc, TermsDocWithMeta } from './types.js';

/** Any document the terms functions accept. */
export type TermsInput = AnalyzedDoc | Article | TermsDocWithMeta;

const NUMBER_TYPES = new Set(['number', 'decade', 'ordinal', 'time', 'date', 'currency']);
const WORD_TYPES = new Set(['word', 'hashtag', 'mention', 'abbreviation']);

// wink token types: word-like ones count as words, number-like ones as numbers, the rest
// (punctuation, symbols, urls, emails, emoji) break n-grams and are not terms.
function kindOf(token: Token, lower: string, plain: boolean): string {
  const type = token.type;
  // the commonest types first: comparing to them costs less than a set lookup
  if (type === 'punctuation') return 'p';
  if (type !== 'word' && !WORD_TYPES.has(type)) return NUMBER_TYPES.has(type) ? 'n' : 'p';
  // a plain token holds no typographic apostrophe, the one thing isStopWord folds
  return token.stop || (plain ? STOP_WORDS.has(lower) : isStopWord(lower)) ? 's' : 'w';
}

const HYPHENS = new Set(['-', '‐', '‑']);

/** Last token of a hyphenated compound starting at i ("foreign-backed", "anti-war"), or i itself. */
function compoundEnd(tokens: Token[], i: number): number {
  let j = i;
  // offsets first: most tokens have a space after them, and that settles it without a lookup
  while (
    j + 2 < tokens.length &&
    tokens[j + 1].start === tokens[j].end &&
    tokens[j + 2].start === tokens[j + 1].end &&
    HYPHENS.has(tokens[j + 1].text) &&
    WORD_TYPES.has(tokens[j].type) &&
    WORD_TYPES.has(tokens[j + 2].type)
  ) {
    j += 2;
  }
  return j;
}

// What one look at a token's characters tells: PLAIN, it holds no ASCII capital and nothing
// above ASCII (most tokens), so it is its own lower case; SPACED, it holds a space. Calling
// toLowerCase and includes on every token cost a call each and, for the text layer's mostly
// two-byte strings, a new string per token even when nothing changed.
const PLAIN = 1;
const SPACED = 2;

function scanToken(s: string): number {
  let flags = PLAIN;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65) {
      if (c <= 90 || c > 127) flags &= ~PLAIN;
    } else if (c === 32) {
      flags |= SPACED;
    }
  }
  return flags;
}

const lowerCase = (s: string) => (scanToken(s) & PLAIN ? s : s.toLowerCase());

/**
 * What the token walk reports each term token to: its text, offset, kind, lower-cased form,
 * lemma (when it differs), whether a sentence starts with it and whether its text holds a
 * space. A TermsDocPacker is one.
 */
interface TermTokenSink {
  add(text: string, start: number, kind: string, lower: string, lemma: string | undefined, sentenceStart: boolean, spaced: boolean): void;
}

/**
 * Walks the term tokens of an analyzed document in order, the one place that decides them.
 * Hyphenated compounds that wink splits ("foreign - backed") are joined back into one word, as
 * framing terms often are compounds ("pro-life", "foreign-backed"); their lemma keeps the
 * leading parts and lemmatizes the last ("foreign-back").
 */
function walkTermTokens(doc: AnalyzedDoc, sink: TermTokenSink): void {
  const tokens = doc.tokens;
  let sentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const sentenceStart = token.sentence !== sentence;
    sentence = token.sentence;
    const last = compoundEnd(tokens, i);
    const text = last === i ? token.text : doc.article.text.slice(token.start, tokens[last].end);
    const flags = scanToken(text);
    const plain = (flags & PLAIN) !== 0;
    const lower = plain ? text : text.toLowerCase();
    // A lemma that is the token's text or its lower case lower-cases to `lower`: no need to.
    const lemma =
      last !== i
        ? `${text.slice(0, tokens[last].start - token.start).toLowerCase()}${tokens[last].lemma.toLowerCase()}`
        : token.lemma === text || token.lemma === lower
          ? lower
          : lowerCase(token.lemma);
    sink.add(text, token.start, last === i ? kindOf(token, lower, plain) : 'w', lower, lemma && lemma !== lower ? lemma : undefined, sentenceStart, (flags & SPACED) !== 0);
    i = last;
  }
}

/** The compact token stream of an analyzed document (see walkTermTokens for compounds). */
export function termsDocFromAnalyzed(doc: AnalyzedDoc): TermsDoc {
  const out: TermsDoc = { words: doc.words, text: [], start: [], lemma: {}, kind: '', sentences: [] };
  const kinds: string[] = [];
  walkTermTokens(doc, {
    add(text, start, kind, _lower, lemma, sentenceStart) {
      const index = out.text.length;
      if (sentenceStart) out.sentences.push(index);
      if (lemma !== undefined) out.lemma[index] = lemma;
      out.text.push(text);
      out.start.push(start);
      kinds.push(kind);
    },
  });
  out.kind = kinds.join('');
  return out;
}

/**
 * The token stream of an analyzed document packed as the terms analysis stores it: the same as
 * `packTermsDoc(termsDocFromAnalyzed(doc))`, without building the TermsDoc in between.
 */
export function packedTermsDocFromAnalyzed(doc: AnalyzedDoc): PackedTermsDoc {
  // Token texts are exact slices of the article text (Token.text), as the packer's source asks.
  const packer = new TermsDocPacker(doc.article.text);
  walkTermTokens(doc, packer);
  return packer.packed(doc.words);
}

export function isAnalyzedDoc(input: TermsInput): input is AnalyzedDoc {
  return 'tokens' in input && 'article' in input;
}

export function isTermsDoc(input: TermsInput): input is TermsDocWithMeta {
  return 'kind' in input && Array.isArray((input as TermsDocWithMeta).start);
}

/** Normalizes any accepted input to a TermsDoc with its metadata (Articles use the simple tokenizer). */
export function toTermsDoc(input: TermsInput): TermsDocWithMeta {
  if (isTermsDoc(input)) return input;
  if (isAnalyzedDoc(input)) {
    const { id, outlet, event, text } = input.article;
    return { ...termsDocFromAnalyzed(input), id, outlet, event, source: text };
  }
  const { id, outlet, event, text } = input;
  return { ...simpleTermsDoc(text), id, outlet, event, source: text };
}

/** Lower-cased surface (or lemma) of token i. */
export function formOf(doc: TermsDoc, i: number, lemma: boolean): string {
  return (lemma && doc.lemma[i]) || doc.text[i].toLowerCase();
}

/** End offset of token i. */
export function endOf(doc: TermsDoc, i: number): number {
  return doc.start[i] + doc.text[i].length;
}
