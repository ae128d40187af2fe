/**
 * The CLI side of articles the pipeline left out because their analysis failed
 * (src/pipeline/failed-articles.ts), the same for a local run and `--queue`: each is printed on
 * stderr as an error (even under --quiet: it changes what the output covers) and appended to the
 * `--rejects` file that reading the inputs wrote, in the same line shape.
 */
import { appendFileSync } from 'node:fs';
import type { Article } from '../corpus/article.js';
import { formatDiagnostic, type Diagnostic } from '../corpus/diagnostics.js';
import type { ArticleFailure } from '../pipeline/failed-articles.js';

export interface FailedArticles {
  failures: ArticleFailure[];
  /** One diagnostic per failure, same order (failureDiagnostics). */
  diagnostics: Diagnostic[];
}

/** Prints the failures and appends them to `rejects` when given. */
export function noteFailedArticles(articles: readonly Article[], result: FailedArticles, rejects?: string): void {
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (!rejects || !result.failures.length) return;
  const lines = result.failures.map((f, k) => {
    const { file, line, record, reason, ruleId } = result.diagnostics[k];
    return JSON.stringify({ file, line, record, reason, ruleId, text: articles[f.index].id }) + '\n';
  });
  appendFileSync(rejects, lines.join(''));
}
