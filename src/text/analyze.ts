/**
 * The text layer's entry point: one wink-nlp pass per article → AnalyzedDoc. Every analysis
 * reads the result; none re-tokenizes.
 *
 * 1. read: one `nlp.readDoc(article.text)` with the shared instance (nlp.ts)
 * 2. tokens: every wink property in one walk (wink-tokens.ts) into tokens with offsets, found by
 *    aligning values to the text (doc-tokens.ts, align-tokens.ts); whitespace tokens are dropped
 * 3. paragraphs (paragraphs.ts) and sentences: wink's, cut at paragraph boundaries (sentences.ts),
 *    built in the same walk
 * 4. quotes (quotes.ts) and name mentions (mentions.ts)
 * 5. word ids of each token's text and lemma, kept beside the doc for the analyses (word-ids.ts)
 */
import type { Article } from '../corpus/article.js';
import { DocTokens } from './doc-tokens.js';
import { findMentions } from './mentions.js';
import { getNlp, readDocIsolated } from './nlp.js';
import { splitParagraphs } from './paragraphs.js';
import { findQuotes } from './quotes.js';
import { readTokens } from './wink-tokens.js';
import { setTokenWordIds } from './word-ids.js';
import type { AnalyzedDoc } from './types.js';

export interface AnalyzeOptions {
  /** The corpus's outlet names, recognised as media mentions on top of outlets.json. Default none. */
  outlets?: readonly string[];
  /** Find name mentions (default true). Analyses that never read them can skip the cost. */
  mentions?: boolean;
  /** Find quotations (default true). Callers that only read tokens (a headline's words) can skip the cost. */
  quotes?: boolean;
}

/** Runs the text layer on one article. */
export function analyzeDoc(article: Article, options: AnalyzeOptions = {}): AnalyzedDoc {
  const text = article.text ?? '';
  const { doc, release } = readDocIsolated(text);
  const paragraphs = splitParagraphs(text);
  const built = new DocTokens(text, paragraphs);
  readTokens(getNlp(), doc, built);
  release();
  const { tokens, sentences, hints, words } = built;
  setTokenWordIds(tokens, built.wordIds());

  const { quotes, issues } = options.quotes === false ? { quotes: [], issues: [] } : findQuotes(text, sentences, paragraphs);
  const mentions = options.mentions === false ? [] : findMentions({ tokens, text, hints }, { outlets: options.outlets });
  return { article, tokens, sentences, paragraphs, quotes, quoteIssues: issues, mentions, words };
}

/** Runs the text layer on each article, in order. */
export function analyzeDocs(articles: readonly Article[], options: AnalyzeOptions = {}): AnalyzedDoc[] {
  return articles.map((article) => analyzeDoc(article, options));
}
