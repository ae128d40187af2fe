/**
 * The text layer's entry point: one wink-nlp pass per article → AnalyzedDoc. Every analysis
 * reads the result; none re-tokenizes.
 *
 * 1. read: one `nlp.readDoc(article.text)` with the shared instance (nlp.ts)
 * 2. tokens: every wink property in one walk (wink-tokens.ts), offsets by aligning values to
 *    the text (align-tokens.ts); whitespace tokens are dropped
 * 3. paragraphs (paragraphs.ts) and sentences: wink's, cut at paragraph boundaries (sentences.ts)
 * 4. quotes (quotes.ts) and name mentions (mentions.ts)
 * 5. word ids of each token's text and lemma, kept beside the doc for the analyses (word-ids.ts)
 */
import type { Article } from '../corpus/article.js';
import { TokenAligner } from './align-tokens.js';
import { addMentionHint, findMentions, type MentionHints } from './mentions.js';
import { getNlp, readDocIsolated } from './nlp.js';
import { splitParagraphs } from './paragraphs.js';
import { findQuotes } from './quotes.js';
import { SentenceBuilder } from './sentences.js';
import { readTokens } from './wink-tokens.js';
import { lemmaKey, setTokenWordIds, wordId } from './word-ids.js';
import type { AnalyzedDoc, Token } from './types.js';

export interface AnalyzeOptions {
  /** The corpus's outlet names, recognised as media mentions on top of outlets.json. Default none. */
  outlets?: readonly string[];
  /** Find name mentions (default true). Analyses that never read them can skip the cost. */
  mentions?: boolean;
  /** Find quotations (default true). Callers that only read tokens (a headline's words) can skip the cost. */
  quotes?: boolean;
}

/** Token types counted in `AnalyzedDoc.words`. */
const WORD_TYPES = new Set(['word', 'number', 'decade', 'ordinal', 'hashtag', 'mention', 'email', 'url', 'time', 'date']);

/** Runs the text layer on one article. */
export function analyzeDoc(article: Article, options: AnalyzeOptions = {}): AnalyzedDoc {
  const text = article.text ?? '';
  const nlp = getNlp();
  const { doc, release } = readDocIsolated(text);
  const aligner = new TokenAligner(text);

  const paragraphs = splitParagraphs(text);
  const sentences = new SentenceBuilder(paragraphs);
  const tokens: Token[] = [];
  const hints: MentionHints = { capitals: [], starts: [] };
  const ids = idBuffers(text.length);
  let words = 0;
  readTokens(nlp, doc, (raw) => {
    const { value, type } = raw;
    if (type === 'tabCRLF' || raw.pos === 'SPACE') return;
    aligner.place(value);
    const { start, end } = aligner;
    if (end <= start) return;
    const token: Token = {
      // wink's value string is the exact slice whenever alignment found it verbatim: reuse it, allocate nothing
      start, end, text: aligner.verbatim ? value : text.slice(start, end),
      norm: raw.norm, lemma: raw.lemma ?? raw.norm, pos: raw.pos, stop: raw.stop, negated: raw.negated, sentence: 0, type,
    };
    if ((type === 'word' || (type !== 'punctuation' && WORD_TYPES.has(type))) && !isContractionTail(token, tokens[tokens.length - 1])) words++;
    sentences.add(token, tokens.length, raw.sentence);
    // wink's lexeme carries the ids of its value and lemma (wink-tokens.ts); a contraction, or a
    // token whose text is not wink's value, is numbered from its strings here
    ids.form[tokens.length] = aligner.verbatim && raw.formId >= 0 ? raw.formId : wordId(token.text);
    ids.lemma[tokens.length] = raw.lemmaId >= 0 ? raw.lemmaId : wordId(lemmaKey(token));
    tokens.push(token);
    addMentionHint(hints, tokens, tokens.length - 1);
  });
  release();
  setTokenWordIds(tokens, { form: ids.form.slice(0, tokens.length), lemma: ids.lemma.slice(0, tokens.length) });

  const { quotes, issues } = options.quotes === false ? { quotes: [], issues: [] } : findQuotes(text, sentences.sentences, paragraphs);
  const mentions = options.mentions === false ? [] : findMentions({ tokens, text, hints }, { outlets: options.outlets });
  return { article, tokens, sentences: sentences.sentences, paragraphs, quotes, quoteIssues: issues, mentions, words };
}

/** Runs the text layer on each article, in order. */
export function analyzeDocs(articles: readonly Article[], options: AnalyzeOptions = {}): AnalyzedDoc[] {
  return articles.map((article) => analyzeDoc(article, options));
}

let idScratch = { form: new Int32Array(1 << 14), lemma: new Int32Array(1 << 14) };

/** Scratch arrays for the word ids of a text's tokens (at most one token per UTF-16 unit), reused across documents. */
function idBuffers(length: number): { form: Int32Array; lemma: Int32Array } {
  if (idScratch.form.length < length) idScratch = { form: new Int32Array(length), lemma: new Int32Array(length) };
  return idScratch;
}

/** "n't", "'s", "'re" glued to the previous token are part of one written word. */
function isContractionTail(token: Token, previous: Token | undefined): boolean {
  if (!previous || previous.end !== token.start) return false;
  // Only n/N or an apostrophe can start one: skip the regex for the glued commas and full stops.
  const c = token.text.charCodeAt(0);
  if (c !== 0x27 && c !== 0x2019 && c !== 0x6e && c !== 0x4e) return false;
  return /^(?:n['’]t|['’]\p{L}{1,2})$/iu.test(token.text);
}
