/**
 * The CLI side of `--queue`: runs the pipeline on the worker fleet (src/queue/coordinator.ts)
 * with the command's options, and reports the articles the analyzer failed on as rejects: one
 * diagnostic line each on stderr, and appended to the `--rejects` file when one is given.
 */
import { appendFileSync } from 'node:fs';
import type { Article } from '../corpus/article.js';
import { formatDiagnostic, type Diagnostic } from '../corpus/diagnostics.js';
import { runPipelineOnQueue, type ArticleFailure, type QueueRunOptions } from '../queue/coordinator.js';
import { ARTICLE_FAILED_RULE } from '../queue/messages.js';

/** Where an article came from, from the reader's `file:line` (or `file#record`) label in meta.source. */
function articleOrigin(article: Article, index: number): { file?: string; line?: number; record?: number } {
  const source = typeof article.meta?.source === 'string' ? article.meta.source : '';
  const at = /^(.*):(\d+)$/.exec(source);
  return at ? { file: at[1], line: Number(at[2]) } : { file: source || undefined, record: index };
}

/** One failure as a diagnostic pointing at the article's record. */
export function failureDiagnostic(article: Article, failure: ArticleFailure): Diagnostic {
  return { ...articleOrigin(article, failure.index), reason: failure.reason, ruleId: ARTICLE_FAILED_RULE, severity: 'error' };
}

/** A rejects-file line, in the shape writeRejects uses (`{file, line?, record?, reason, ruleId, text?}`). */
function rejectLine(article: Article, failure: ArticleFailure): string {
  return JSON.stringify({ ...articleOrigin(article, failure.index), reason: failure.reason, ruleId: ARTICLE_FAILED_RULE, text: article.id }) + '\n';
}

export interface QueueCliOptions {
  /** The `--rejects` file; failures are appended to what reading the inputs wrote there. */
  rejects?: string;
}

/** Runs on the queue; failures go to stderr, the rejects file, and the result's `diagnostics` (which the report lists). */
export async function runQueueFromCli(articles: Article[], options: QueueRunOptions, cli: QueueCliOptions) {
  const result = await runPipelineOnQueue(articles, options);
  const diagnostics = result.failures.map((failure) => failureDiagnostic(articles[failure.index], failure));
  // Errors: shown even under --quiet.
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (cli.rejects) for (const failure of result.failures) appendFileSync(cli.rejects, rejectLine(articles[failure.index], failure));
  return { ...result, diagnostics };
}
