/**
 * The pipeline, in one direction:
 *   1. analyze: one text-layer pass per article (AnalyzedDoc, dropped right after use)
 *   2. perDoc: every selected analysis keeps its compact per-article result
 *   3. index: article metadata (outlet, event, date, words)
 *   4. events: the `events` analysis (when selected) assigns events to articles that have none
 *   5. summarize: every other analysis aggregates per outlet / per event
 * Steps 1–2 are independent per article (run-parallel.ts runs them on worker threads).
 */
import type { Article } from '../corpus/article.js';
import { analyzeDoc } from '../text/analyze.js';
import { checkLexiconFiles } from '../text/lexicon.js';
import { ANALYSES, ANALYSIS_IDS } from '../../analyses/index.js';
import type { AnalysisContext, AnyAnalysis, CorpusIndex } from '../../analyses/types.js';
import { buildCorpusIndex, refreshEvents } from './corpus-index.js';

export interface PipelineOptions {
  /** Analyses to run; default: all registered. */
  analyses?: string[];
  /** Extra lexicon files (`--lexicon`). */
  lexiconFiles?: string[];
  /** Per-analysis options keyed by analysis id. */
  options?: AnalysisContext['options'];
  /** Called after each article with the number done so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface PipelineResult {
  articles: Article[];
  index: CorpusIndex;
  /** Per-article results: analysis id → doc id → result. */
  perDoc: Map<string, Map<string, unknown>>;
  /** Summaries by analysis id. */
  summaries: Map<string, unknown>;
  /** The analyses that ran, in registry order. */
  analyses: AnyAnalysis[];
  context: AnalysisContext;
}

export function selectAnalyses(ids?: readonly string[]): AnyAnalysis[] {
  const registry = ANALYSES as Record<string, AnyAnalysis>;
  const wanted: readonly string[] = ids ?? ANALYSIS_IDS;
  for (const id of wanted) {
    if (!registry[id]) throw new Error(`framelens: unknown analysis '${id}' (known: ${ANALYSIS_IDS.join(', ')})`);
  }
  return ANALYSIS_IDS.filter((id) => wanted.includes(id)).map((id) => registry[id as string]);
}

export function createContext(articles: Article[], options: PipelineOptions = {}): AnalysisContext {
  checkLexiconFiles(options.lexiconFiles ?? []);
  return {
    lexiconFiles: options.lexiconFiles ?? [],
    options: options.options ?? {},
    outlets: [...new Set(articles.map((a) => a.outlet))],
  };
}

/** Per-article output of steps 1–2: word count and one compact result per analysis. */
export interface ArticleResult {
  words: number;
  results: Record<string, unknown>;
}

/** Runs the per-article steps 1–2 for one article. Pure: same article, same output. */
export function analyzeArticle(article: Article, analyses: AnyAnalysis[], context: AnalysisContext): ArticleResult {
  const doc = analyzeDoc(article, { outlets: context.outlets });
  const results: Record<string, unknown> = {};
  for (const analysis of analyses) results[analysis.id] = analysis.perDoc(doc, context);
  return { words: doc.words, results };
}

/** Steps 3–5 from per-article results. */
export function summarizeCorpus(
  articles: Article[],
  perArticle: ArticleResult[],
  analyses: AnyAnalysis[],
  context: AnalysisContext,
): PipelineResult {
  const words = articles.map((_, i) => perArticle[i].words);
  const perDoc = new Map<string, Map<string, unknown>>();
  for (const analysis of analyses) {
    // Analyses that kept the very same result objects (events and similarity share DocTerms) get
    // one map, so a summary can reuse what an earlier one built from it (as in summarize-parallel.ts).
    const same = [...perDoc.keys()].find((id) => perArticle.every((r) => r.results[id] === r.results[analysis.id]));
    perDoc.set(analysis.id, same ? perDoc.get(same)! : new Map(articles.map((a, i) => [a.id, perArticle[i].results[analysis.id]])));
  }
  return summarizeMaps(articles, words, perDoc, analyses, context);
}

/**
 * Steps 3–5 from per-analysis maps (doc id → result, in article order). `afterEach` runs once an
 * analysis has summarised (the parallel pipeline drops that analysis's parsed results there).
 */
export function summarizeMaps(
  articles: Article[],
  words: ArrayLike<number>,
  perDoc: Map<string, Map<string, unknown>>,
  analyses: AnyAnalysis[],
  context: AnalysisContext,
  afterEach?: (analysis: AnyAnalysis) => void,
): PipelineResult {
  const index = buildCorpusIndex(articles, new Map(articles.map((a, i) => [a.id, words[i]])));
  const summaries = new Map<string, unknown>();
  for (const analysis of analyses) {
    const summary = analysis.summarize(perDoc.get(analysis.id)!, index, context);
    summaries.set(analysis.id, summary);
    afterEach?.(analysis);
    applyEventAssignments(analysis, summary, index);
  }
  return { articles, index, perDoc, summaries, analyses, context };
}

/**
 * Step 4: an analysis that groups events (`assignEvents`) gives an event to every article that
 * has none; the analyses after it see those events in the index.
 */
export function applyEventAssignments(analysis: AnyAnalysis, summary: unknown, index: CorpusIndex): void {
  if (!analysis.assignEvents) return;
  const { events, labels } = analysis.assignEvents(summary, index);
  for (const doc of index.docs) if (!doc.eventGiven && events.has(doc.id)) doc.event = events.get(doc.id);
  for (const [id, label] of labels) index.eventLabels.set(id, label);
  refreshEvents(index);
}

/** Runs the whole pipeline in this thread. */
export function runPipeline(articles: Article[], options: PipelineOptions = {}): PipelineResult {
  const analyses = selectAnalyses(options.analyses);
  const context = createContext(articles, options);
  const perArticle = articles.map((article, i) => {
    const result = analyzeArticle(article, analyses, context);
    options.onProgress?.(i + 1, articles.length);
    return result;
  });
  return summarizeCorpus(articles, perArticle, analyses, context);
}
