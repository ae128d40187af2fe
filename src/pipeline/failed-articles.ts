/**
 * Step 3½ of the pipeline, between the per-article pass and the summaries, shared by a local run
 * (run-parallel.ts) and a queue run (src/queue/coordinator.ts) so both treat failures alike:
 * an article an analysis (or the text layer) threw on — recorded as `!reason` in its result line
 * by analyze-line.ts, whichever thread or machine ran it — leaves the run. It becomes a failure
 * (listed with the error, an `error` diagnostic pointing at its input record) and the corpus
 * index, every summary and the report are made from the other articles. Nothing is dropped
 * silently, and one bad article never stops the report.
 */
import type { Article } from '../corpus/article.js';
import { FramelensError, type Diagnostic } from '../corpus/diagnostics.js';
import type { AnyAnalysis } from '../../analyses/types.js';
import { messages } from './messages.js';
import { ResultStore } from './result-store.js';

/** An article left out of the run because its per-article pass failed. */
export interface ArticleFailure {
  /** Position in the input. */
  index: number;
  id: string;
  reason: string;
  /** `pipeline:analysis-failed` when an analysis threw; a queue run adds `queue:analysis-failed` (its worker kept dying). */
  ruleId: string;
}

export const ANALYSIS_FAILED_RULE = 'pipeline:analysis-failed';

export interface KeptArticles {
  /** The articles summaries are made from, in input order. */
  articles: Article[];
  /** Their results, by position in `articles` (the input store itself when nothing failed). */
  store: ResultStore;
  /** Every article left out, in input order. */
  failures: ArticleFailure[];
}

/**
 * Leaves out the articles whose result line records a failure, and those in `known` (failures
 * found before any line existed). Throws when every article failed: there is nothing to report.
 */
export function leaveOutFailedArticles(
  articles: readonly Article[],
  store: ResultStore,
  analyses: readonly AnyAnalysis[],
  known: readonly ArticleFailure[] = [],
): KeptArticles {
  const failures = new Map<number, ArticleFailure>(known.map((f) => [f.index, f]));
  for (const [index, reasons] of failedParts(store, analyses)) {
    if (!failures.has(index)) failures.set(index, { index, id: articles[index].id, reason: messages.analysisFailed(articles[index].id, reasons), ruleId: ANALYSIS_FAILED_RULE });
  }
  if (!failures.size) return { articles: [...articles], store, failures: [] };
  const sorted = [...failures.values()].sort((a, b) => a.index - b.index);
  if (failures.size === articles.length) throw new FramelensError(messages.everyArticleFailed(sorted[0].reason));
  const kept = articles.map((_, i) => i).filter((i) => !failures.has(i));
  return { articles: kept.map((i) => articles[i]), store: subset(store, kept), failures: sorted };
}

/** Article index → `analysis: reason` texts, analyses in registry order; analyses that failed alike (the text layer) share one text. */
function failedParts(store: ResultStore, analyses: readonly AnyAnalysis[]): Map<number, string> {
  const byArticle = new Map<number, Map<string, string[]>>();
  // store.failures is in arrival order, which differs run to run: sort for a stable text.
  for (const f of [...store.failures].sort((a, b) => a.article - b.article || a.analysis - b.analysis)) {
    const reasons = byArticle.get(f.article) ?? new Map<string, string[]>();
    byArticle.set(f.article, reasons.set(f.reason, [...(reasons.get(f.reason) ?? []), analyses[f.analysis].id]));
  }
  return new Map([...byArticle].map(([i, reasons]) => [i, [...reasons].map(([reason, ids]) => `${ids.join(', ')}: ${reason}`).join('; ')]));
}

/** A read-only view of `store` holding only the articles at `kept`, renumbered 0… (it closes nothing). */
function subset(store: ResultStore, kept: readonly number[]): ResultStore {
  const all = store.snapshot();
  const parts = all.analysisCount;
  const view = { ...all, size: kept.length, segmentOf: new Int16Array(kept.length), wordCounts: new Int32Array(kept.length) };
  view.starts = new Float64Array(kept.length * parts);
  view.lengths = new Int32Array(kept.length * parts);
  kept.forEach((from, to) => {
    view.segmentOf[to] = all.segmentOf[from];
    view.wordCounts[to] = all.wordCounts[from];
    view.starts.set(all.starts.subarray(from * parts, (from + 1) * parts), to * parts);
    view.lengths.set(all.lengths.subarray(from * parts, (from + 1) * parts), to * parts);
  });
  return ResultStore.fromSnapshot(view);
}

/** Where an article came from, from the reader's `file:line` (or `file#record`) label in meta.source. */
function articleOrigin(article: Article, index: number): Pick<Diagnostic, 'file' | 'line' | 'record'> {
  const source = typeof article.meta?.source === 'string' ? article.meta.source : '';
  const at = /^(.*):(\d+)$/.exec(source);
  return at ? { file: at[1], line: Number(at[2]) } : { file: source || undefined, record: index };
}

/** One `error` diagnostic per failure, pointing at the article's input record. */
export function failureDiagnostics(articles: readonly Article[], failures: readonly ArticleFailure[]): Diagnostic[] {
  return failures.map((f) => ({ ...articleOrigin(articles[f.index], f.index), reason: f.reason, ruleId: f.ruleId, severity: 'error' }));
}
