/**
 * Steps 2–3 of the text layer (analyze.ts): builds an AnalyzedDoc's tokens from wink's raw
 * tokens (wink-tokens.ts) in one pass. Each token gets its offsets by aligning wink's value to
 * the text (align-tokens.ts) and its sentence (sentences.ts); on the way the word count, the
 * word ids of each token's text and lemma (word-ids.ts) and the places where name mentions may
 * start (mentions.ts) are gathered. Whitespace tokens are dropped.
 *
 * It is a class handed to readTokens, not a closure made per document: V8 inlines a method that
 * is the same function for every document into readTokens' loop, whereas a fresh closure per
 * document stays a call per token (on re-read documents the walk took 2–10 % less time).
 */
import { TokenAligner } from './align-tokens.js';
import { isContractionTailText } from './contraction-tail.js';
import { addMentionHint, type MentionHints } from './mentions.js';
import { SentenceBuilder } from './sentences.js';
import type { RawToken, TokenSink } from './wink-tokens.js';
import { lemmaKey, wordId, type TokenWordIds } from './word-ids.js';
import type { Paragraph, Sentence, Token } from './types.js';

/** Token types counted in `AnalyzedDoc.words`. */
const WORD_TYPES = new Set(['word', 'number', 'decade', 'ordinal', 'hashtag', 'mention', 'email', 'url', 'time', 'date']);

export class DocTokens implements TokenSink {
  readonly tokens: Token[] = [];
  readonly hints: MentionHints = { capitals: [], starts: [] };
  /** Count of word tokens, contraction tails not counted again (`AnalyzedDoc.words`). */
  words = 0;
  private readonly aligner: TokenAligner;
  private readonly builder: SentenceBuilder;
  private readonly ids: TokenWordIds;

  constructor(
    private readonly text: string,
    paragraphs: readonly Paragraph[],
  ) {
    this.aligner = new TokenAligner(text);
    this.builder = new SentenceBuilder(paragraphs);
    this.ids = idBuffers(text.length);
  }

  /** The sentences of the tokens added so far. */
  get sentences(): Sentence[] {
    return this.builder.sentences;
  }

  /** Adds wink's next token (readTokens calls this for every token in order). */
  add(raw: RawToken): void {
    const { value, type } = raw;
    if (type === 'tabCRLF' || raw.pos === 'SPACE') return;
    const { aligner, tokens, ids } = this;
    aligner.place(value);
    const { start, end } = aligner;
    if (end <= start) return;
    const token: Token = {
      // wink's value string is the exact slice whenever alignment found it verbatim: reuse it, allocate nothing
      start, end, text: aligner.verbatim ? value : this.text.slice(start, end),
      norm: raw.norm, lemma: raw.lemma ?? raw.norm, pos: raw.pos, stop: raw.stop, negated: raw.negated, sentence: 0, type,
    };
    const i = tokens.length;
    if ((type === 'word' || (type !== 'punctuation' && WORD_TYPES.has(type))) && !isContractionTail(token, tokens[i - 1])) this.words++;
    this.builder.add(token, i, raw.sentence);
    // wink's lexeme carries the ids of its value and lemma (wink-tokens.ts); a contraction, or a
    // token whose text is not wink's value, is numbered from its strings here
    ids.form[i] = aligner.verbatim && raw.formId >= 0 ? raw.formId : wordId(token.text);
    ids.lemma[i] = raw.lemmaId >= 0 ? raw.lemmaId : wordId(lemmaKey(token));
    tokens.push(token);
    addMentionHint(this.hints, tokens, i);
  }

  /** The word ids of the tokens added, in token order (copied out of the scratch arrays shared by all documents). */
  wordIds(): TokenWordIds {
    const n = this.tokens.length;
    return { form: this.ids.form.slice(0, n), lemma: this.ids.lemma.slice(0, n) };
  }
}

let idScratch: TokenWordIds = { form: new Int32Array(1 << 14), lemma: new Int32Array(1 << 14) };

/**
 * Scratch arrays for the word ids of a text's tokens (at most one token per UTF-16 unit), reused
 * across documents: one document is built at a time (analyzeDoc is synchronous).
 */
function idBuffers(length: number): TokenWordIds {
  if (idScratch.form.length < length) idScratch = { form: new Int32Array(length), lemma: new Int32Array(length) };
  return idScratch;
}

/** "n't", "'s", "'re" glued to the previous token are part of one written word. */
function isContractionTail(token: Token, previous: Token | undefined): boolean {
  return previous !== undefined && previous.end === token.start && isContractionTailText(token.text);
}
