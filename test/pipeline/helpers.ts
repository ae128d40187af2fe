/** Shared fixtures for the pipeline tests: the sample corpus and temp folders. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/corpus/article.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { packageRoot } from '../../src/paths.js';

export const SAMPLE = join(packageRoot(), 'data', 'sample', 'articles.jsonl');

export async function sampleArticles(): Promise<Article[]> {
  return (await readCorpus(SAMPLE)).articles;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `framelens-${prefix}-`));
}

/** JSON with Maps as [key, value] lists in insertion order, so two results compare by bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v instanceof Map ? { map: [...v] } : v instanceof Set ? { set: [...v] } : v));
}
