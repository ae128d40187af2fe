/**
 * Turns what callers have (an AnalyzedDoc from the text layer, a plain Article, or an already
 * compact TermsDoc) into the TermsDoc token stream that counting and KWIC work on; and an
 * AnalyzedDoc straight into the packed stream the terms analysis stores (terms-codec.ts).
 */
import type { Article } from '../../src/corpus/article.js';
import type { AnalyzedDoc, Token } from '../../src/text/types.js';
import { tokenWordIds, WordTable, wordId, wordText } from '../../src/text/word-ids.js';
import { nonProseSentences } from '../../src/text/non-prose.js';
import { simpleTermsDoc } from './simple-tokens.js';
import { TermsDocPacker, type PackedTermsDoc } from './terms-codec.js';
import { isStopWord } from './stop-words.js';
import type { TermsDoc, TermsDocWithMeta } from './types.js';

/** Any document the terms functions accept. */
export type TermsInput = AnalyzedDoc | Article | TermsDocWithMeta;

const NUMBER_TYPES = new Set(['number', 'decade', 'ordinal', 'time', 'date', 'currency']);
const WORD_TYPES = new Set(['word', 'hashtag', 'mention', 'abbreviation']);

// wink token types: word-like ones count as words, number-like ones as numbers, the rest
// (punctuation, symbols, urls, emails, emoji) break n-grams and are not terms.
// (A stop word is one wink flags, or whose lower case isStopWord: STOP in the form's facts.)
function kindOf(token: Token, facts: number): string {
  const type = token.type;
  // the commonest types first: comparing to them costs less than a set lookup
  if (type === 'punctuation') return 'p';
  if (type !== 'word' && !WORD_TYPES.has(type)) return NUMBER_TYPES.has(type) ? 'n' : 'p';
  return token.stop || facts & STOP ? 's' : 'w';
}

const HYPHENS = new Set(['-', '‐', '‑']);

const ABBREVIATION = /^[A-Za-z]{1,4}\.$/;

/**
 * An abbreviation's letters without its period ("Mr." → "Mr"), else undefined: outlets that drop
 * the period ("Mr Johnson", British style) write the same word. Counted apart, "mr" came out as
 * the most distinctive word of all on 20,730 ABP articles (the BBC's, z = 85), a matter of
 * punctuation. The simple tokenizer already leaves the period out.
 */
function abbreviationStem(text: string): string | undefined {
  return text.charCodeAt(text.length - 1) === 46 && ABBREVIATION.test(text) ? text.slice(0, -1) : undefined;
}

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

/** Its lower case is a stop word (isStopWord): a third flag beside PLAIN and SPACED in formFacts. */
const STOP = 4;
const FACT_BITS = 3;
// Per word id of a written form: the word id of its lower case, shifted past its flags. A few
// thousand forms make up most tokens, so a lone token's scan, lower-casing and stop-word look-up
// become one array read (src/text/word-ids.ts).
const forms = new WordTable(-1);

/** `(id of the lower case) << FACT_BITS | PLAIN | SPACED | STOP` of the form `text` (word id `id`). */
function formFacts(id: number, text: string): number {
  let facts = forms.get(id);
  if (facts < 0) {
    const flags = scanToken(text);
    const lower = flags & PLAIN ? text : text.toLowerCase();
    forms.set(id, (facts = (wordId(lower) << FACT_BITS) | flags | (isStopWord(lower) ? STOP : 0)));
  }
  return facts;
}

/**
 * What the token walk reports each term token to: its text, offset, kind, lower-cased form,
 * lemma (when it differs), whether a sentence starts with it and whether its text holds a
 * space. A TermsDocPacker is one.
 */
interface TermTokenSink {
  add(text: string, start: number, kind: string, lower: string, lemma: string | undefined, sentenceStart: boolean, spaced: boolean): void;
}

/**
 * Per token, 1 when it is part of a news outlet's name ("told Fox News", "a Daily Klaxon
 * poll"): naming an outlet, itself or another, is citing a source, not word choice. Counted, an
 * outlet's brand word came out as its most distinctive term on its event pages ("Fox News says
 * “fox” 43 times"). The own-name rule of the summary (own-name.ts) still takes the brand alone.
 */
function mediaNameTokens(doc: AnalyzedDoc): Uint8Array {
  const mask = new Uint8Array(doc.tokens.length);
  for (const m of doc.mentions) if (m.type === 'media') mask.fill(1, m.tokenStart, m.tokenEnd);
  return mask;
}

/**
 * Walks the term tokens of an analyzed document in order, the one place that decides them.
 * Tokens of sentences that are not prose (credit lines, captions, page furniture, lists:
 * src/text/non-prose.ts) and of
 * outlet names are breaks, not terms. Hyphenated compounds that wink splits ("foreign - backed") are joined back into one word, as
 * framing terms often are compounds ("pro-life", "foreign-backed"); their lemma keeps the
 * leading parts and lemmatizes the last ("foreign-back").
 */
function walkTermTokens(doc: AnalyzedDoc, sink: TermTokenSink): void {
  const tokens = doc.tokens;
  const ids = tokenWordIds(tokens);
  const nonProse = nonProseSentences(doc);
  const mediaName = mediaNameTokens(doc);
  let sentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const sentenceStart = token.sentence !== sentence;
    sentence = token.sentence;
    if (nonProse[sentence] || mediaName[i]) {
      // kept in the stream (offsets, sentences) as a break that no term or n-gram spans
      const facts = formFacts(ids.form[i], token.text);
      sink.add(token.text, token.start, 'p', wordText(facts >>> FACT_BITS), undefined, sentenceStart, (facts & SPACED) !== 0);
      continue;
    }
    const last = compoundEnd(tokens, i);
    if (last === i) {
      // A lone token, by word ids: its lemma id names the lower-cased lemma, which is what the
      // string path below reports (when it differs from the lower-cased text, and is not empty).
      const stem = abbreviationStem(token.text);
      const text = stem ?? token.text;
      const facts = formFacts(stem === undefined ? ids.form[i] : wordId(stem), text);
      const lowerId = facts >>> FACT_BITS;
      const lemma = stem !== undefined || ids.lemma[i] === lowerId ? undefined : wordText(ids.lemma[i]) || undefined;
      sink.add(text, token.start, kindOf(token, facts), wordText(lowerId), lemma, sentenceStart, (facts & SPACED) !== 0);
      continue;
    }
    // A compound: a word, its text cut from the article.
    const text = doc.article.text.slice(token.start, tokens[last].end);
    const flags = scanToken(text);
    const lower = flags & PLAIN ? text : text.toLowerCase();
    const lemma = `${text.slice(0, tokens[last].start - token.start).toLowerCase()}${tokens[last].lemma.toLowerCase()}`;
    sink.add(text, token.start, 'w', lower, lemma && lemma !== lower ? lemma : undefined, sentenceStart, (flags & SPACED) !== 0);
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
