/**
 * The text layer's public API: the single NLP pass (analyzeDoc), its parts usable on their
 * own (quotes, paragraphs, mentions, aliases) and the shared lexicon matcher.
 */
export type * from './types.js';
export { analyzeDoc, analyzeDocs, type AnalyzeOptions } from './analyze.js';
export { getNlp } from './nlp.js';
export { splitParagraphs } from './paragraphs.js';
export { findQuotes, countWords, type QuoteResult } from './quotes.js';
export { findMentions, type MentionOptions } from './mentions.js';
export { buildAliasIndex, type AliasEntry, type AliasIndex, type AliasOptions } from './aliases.js';
export {
  loadLexicon, loadLexicons, compileLexicon, shippedLexicons,
  type Lexicon, type LexiconEntry, type LexiconMatch, type LexiconMatcher, type MatchOptions,
} from './lexicon.js';
