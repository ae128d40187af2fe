/**
 * Evaluation against the annotated data in ../shared/data (never copied into the project).
 * Each evaluation is one module in src/eval/ registered in src/eval/index.ts; `framelens eval
 * <name>` prints its table and fails when a metric falls below its floor (the level reached, so
 * CI catches regressions).
 */

export interface EvalOptions {
  /** Folder holding the shared data sets (default: `../shared/data` beside the package). */
  dataDir: string;
  /** Cap on documents read, for quick runs. */
  limit?: number;
}

export interface EvalResult {
  name: string;
  /** Rows of the printed table (e.g. one per split or category: P, R, F1, counts). */
  rows: Record<string, unknown>[];
  /** Headline metrics, e.g. `{ 'ptc-dev.f1': 0.41 }`. */
  metrics: Record<string, number>;
  /** Floors per metric: `eval` exits non-zero when a metric is below its floor. */
  floors: Record<string, number>;
  /** Extra lines to print (confusions, timings). */
  notes?: string[];
}

export interface Evaluation {
  name: string;
  description: string;
  /** Data folders (under dataDir) it needs; it is skipped with a message when one is absent. */
  needs: string[];
  run(options: EvalOptions): Promise<EvalResult>;
}
