/**
 * AnalyzedDoc: the result of the single NLP pass over one article (src/text/analyze.ts).
 * Every analysis reads these; none re-tokenizes. All offsets are UTF-16 indices into
 * `article.text`, `[start, end)`.
 */
import type { Article, Span } from '../corpus/article.js';

export interface Token {
  start: number;
  end: number;
  /** Surface form, exactly `article.text.slice(start, end)`. */
  text: string;
  /** Lower-cased normal form (wink `normal`). */
  norm: string;
  lemma: string;
  /** Universal POS tag from wink (NOUN, VERB, PROPN, PUNCT, …). */
  pos: string;
  stop: boolean;
  /** True when wink marks the token as inside a negation scope. */
  negated: boolean;
  /** Index into AnalyzedDoc.sentences. */
  sentence: number;
  /** wink token type: word, number, punctuation, email, url, emoji, … */
  type: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token index range `[tokenStart, tokenEnd)`. */
  tokenStart: number;
  tokenEnd: number;
  /** Index into AnalyzedDoc.paragraphs. */
  paragraph: number;
}

export interface Paragraph {
  start: number;
  end: number;
}

export type QuoteMark = '"' | "'" | '“' | '”' | '‘' | '’' | '«' | '»' | '‹' | '›' | '„' | '‚' | '``' | "''";

export interface Quote {
  /** Content inside the marks. */
  start: number;
  end: number;
  text: string;
  /** Including the marks. */
  outerStart: number;
  outerEnd: number;
  open: string;
  close: string;
  /** Words in the content. */
  words: number;
  /** Sentence holding the opening mark. */
  sentence: number;
  /** True when the quote is part of a larger sentence; false when it is a whole sentence or more. */
  embedded: boolean;
  /** Nesting depth: 0 for top-level quotes, 1 for a quote inside a quote, … */
  depth: number;
  /** Number of paragraphs the quote spans (1 for most). */
  paragraphs: number;
}

/** An opening or closing mark that found no partner; reported, never fatal. */
export interface QuoteIssue {
  offset: number;
  mark: string;
  reason: string;
  /** `text:unclosed-quote`, `text:unmatched-close`, `text:empty-quote` or `text:stray-mark` (see src/text/messages.ts). */
  ruleId: string;
}

export type MentionType = 'person' | 'organization' | 'place' | 'media' | 'unknown';

export interface Mention {
  /** Whole mention including title or role ("German Foreign Minister Johann Wadephul"). */
  start: number;
  end: number;
  text: string;
  /** The name proper ("Johann Wadephul"). */
  name: Span;
  /** Title or role before the name, when present ("German Foreign Minister"). */
  title?: Span;
  type: MentionType;
  /** Corpus-wide alias key: the longest known form of the name ("Sergey Lavrov" for "Lavrov"). */
  key: string;
  /**
   * Token index range `[tokenStart, tokenEnd)` of the whole mention. A mention cut at a seam of
   * glued words ends inside its last token.
   */
  tokenStart: number;
  tokenEnd: number;
}

export interface AnalyzedDoc {
  article: Article;
  tokens: Token[];
  sentences: Sentence[];
  paragraphs: Paragraph[];
  quotes: Quote[];
  quoteIssues: QuoteIssue[];
  mentions: Mention[];
  /** Count of word tokens (not punctuation), the denominator of per-1k rates. */
  words: number;
}
