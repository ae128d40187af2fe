/**
 * Pipeline messages: every user-facing text the pipeline produces, as functions.
 */

export const messages = {
  /** `reasons`: `analysis id: error` texts (failed-articles.ts). */
  analysisFailed: (doc: string, reasons: string) => `article '${doc}' left out: analysis failed (${reasons})`,
  everyArticleFailed: (first: string) => `the analysis failed on every article; first: ${first}`,
  interrupted: () => 'interrupted; no output written',
  badJobs: (value: string) => `--jobs must be a positive integer, got '${value}'`,
  unknownAnalysis: (id: string, known: readonly string[]) => `framelens: unknown analysis '${id}' (known: ${known.join(', ')})`,
  readOnly: () => 'framelens: per-article results of a pipeline run are read-only',
  storeClosed: () => 'framelens: the results of this pipeline run were closed',
};
