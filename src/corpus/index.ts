/**
 * The corpus layer's public API: read any supported input into Articles, canonicalize outlets,
 * write the normalized corpus. Named re-exports only.
 */
export type { Article, Origin, Span } from './article.js';
export { span } from './article.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export { Diagnostics, FramelensError, formatDiagnostic } from './diagnostics.js';
export type { ArticleField, CorpusReadResult, CorpusStats, Duplicate, InputFormat, RawRecord, ReadOptions, Reader, ReaderContext, ReaderResult, Reject } from './types.js';
export { ARTICLE_FIELDS, DEFAULT_MAX_RECORD_BYTES, INPUT_FORMATS } from './types.js';
export { readCorpus } from './read-corpus.js';
export { readJsonl } from './read-jsonl.js';
export { readJson } from './read-json.js';
export { readCsv, readTsv } from './read-csv.js';
export { readText, splitFrontMatter } from './read-text.js';
export { readHtml } from './read-html.js';
export { readPageDump, looksLikePageDump } from './read-page-dump.js';
export { BOILERPLATE, isBoilerplate } from './boilerplate.js';
export type { BoilerplateRule } from './boilerplate.js';
export { detectFormat, sniffFormat, READERS, EXTENSION_FORMATS } from './detect-format.js';
export { FIELD_ALIASES, mapFields } from './fields.js';
export { canonicalOutlet, loadOutletAliases, outletAliasesFrom, outletKey } from './outlets.js';
export type { OutletAliases, OutletEntry } from './outlets.js';
export { normalizeDate } from './normalize-date.js';
export { hashId, validateRecord } from './validate.js';
export { normalizeText } from './corpus-collector.js';
export { articleJsonLine, formatCorpusJsonl, writeCorpusJsonl, writeRejects } from './write-corpus.js';
export { writeFileAtomic } from './write-atomic.js';
export { summarizeCorpus, countWords } from './corpus-info.js';
export type { InfoRow } from './corpus-info.js';
