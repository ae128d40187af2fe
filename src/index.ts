/**
 * framelens's public API: named re-exports only, grouped by layer in the order data flows.
 * Notebooks import from here (`framelens`) or from one analysis (`framelens/analyses/<name>`).
 */

// 1. Corpus: read any supported input into Articles; write the normalized corpus.
export type { Article, Span, Origin } from './corpus/article.js';
export type { Diagnostic, Severity } from './corpus/diagnostics.js';
export type { CorpusReadResult, ReadOptions, Reject, InputFormat } from './corpus/types.js';
export { FramelensError, formatDiagnostic } from './corpus/diagnostics.js';
export { readCorpus } from './corpus/read-corpus.js';
export { writeCorpusJsonl, writeRejects } from './corpus/write-corpus.js';
export { canonicalOutlet, loadOutletAliases } from './corpus/outlets.js';
export { summarizeCorpus as corpusInfo } from './corpus/corpus-info.js';

// 2. Text layer: one NLP pass per article.
export type { AnalyzedDoc, Token, Sentence, Paragraph, Quote, QuoteIssue, Mention, MentionType } from './text/types.js';
export { analyzeDoc, analyzeDocs, type AnalyzeOptions } from './text/analyze.js';
export { findQuotes } from './text/quotes.js';
export { buildAliasIndex } from './text/aliases.js';
export { loadLexicon, loadLexicons, compileLexicon } from './text/lexicon.js';
export { quotes, mentions, loadedLanguage, attributions, sources, type QuoteRow } from './api/per-doc.js';

// 3. Analyses over plain data.
export { termCounts, frequencyRows, keyness, kwic, distinctiveChart, scatterChart } from '../analyses/terms/index.js';
export { variantPreferences as variants, discoverVariants, loadVariantSets, preferenceChart } from '../analyses/variants/index.js';
export { similarity, similarPairs, nearest } from '../analyses/similarity/index.js';
export { groupArticles as events, bcubed } from '../analyses/events/index.js';
export { findReuseInArticles as reuse } from '../analyses/reuse/index.js';
export { ANALYSES, ANALYSIS_IDS, type AnalysisId } from '../analyses/index.js';
export type { Analysis, AnalysisContext, CorpusIndex, DocMeta, Highlight, Section } from '../analyses/types.js';

// 4. The whole pipeline, and views of its result.
export { runPipeline, type PipelineOptions, type PipelineResult } from './pipeline/run.js';
export { runPipelineParallel, type ParallelOptions } from './pipeline/run-parallel.js';
export { summaryOf, chartsOf, highlightsOf } from './api/results.js';

// 5. Outputs: charts, reports, notebook display.
export { renderSvg, renderPng } from './report/render-svg.js';
export { writeReport, type WriteReportOptions } from './report/write-report.js';
export { formatRows, type RowFormat } from './cli/output.js';
export { showChart, showTable, tableHtml, vegaLiteBundle } from './api/notebook.js';
