/**
 * Writers for the normalized corpus (JSONL, one Article per line, fields in a fixed order) and
 * the rejects file (JSONL, one reject per line). Both are written atomically.
 * Flow: readCorpus → writeCorpusJsonl / writeRejects → files the next command reads.
 */
import type { Article } from './article.js';
import type { Reject } from './types.js';
import { writeFileAtomic } from './write-atomic.js';

/** One Article as a JSONL line, fields in the documented order; absent optional fields omitted. */
export function articleJsonLine(article: Article): string {
  const { id, outlet, title, text, date, url, event, meta } = article;
  return JSON.stringify({ id, outlet, title, text, date, url, event, meta });
}

export function formatCorpusJsonl(articles: Article[]): string {
  return articles.map((a) => articleJsonLine(a) + '\n').join('');
}

export function writeCorpusJsonl(path: string, articles: Article[]): void {
  writeFileAtomic(path, formatCorpusJsonl(articles));
}

/** Rejects as JSONL: `{file, line?, record?, reason, ruleId, text?}` where `text` is the raw (capped) record. */
export function writeRejects(path: string, rejects: Reject[]): void {
  const lines = rejects.map((r) => JSON.stringify({ file: r.origin.file, line: r.origin.line, record: r.origin.record, reason: r.reason, ruleId: r.ruleId, text: r.record }) + '\n');
  writeFileAtomic(path, lines.join(''));
}
