/**
 * Pipeline messages: every user-facing text the pipeline produces, as functions.
 */

export const messages = {
  analysisFailed: (analysis: string, doc: string, reason: string) =>
    `Analysis ${analysis} failed on article ${doc} and left it out: ${reason}`,
  moreFailures: (analysis: string, count: number) => `Analysis ${analysis} failed on ${count} more articles`,
  interrupted: () => 'interrupted; no output written',
  badJobs: (value: string) => `--jobs must be a positive integer, got '${value}'`,
  unknownAnalysis: (id: string, known: readonly string[]) => `framelens: unknown analysis '${id}' (known: ${known.join(', ')})`,
  readOnly: () => 'framelens: per-article results of a pipeline run are read-only',
  storeClosed: () => 'framelens: the results of this pipeline run were closed',
};
