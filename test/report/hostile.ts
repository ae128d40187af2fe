/** The hostile corpus (test/fixtures/hostile/articles.jsonl), parsed as-is. */
import { readFileSync } from 'node:fs';
import type { Article } from '../../src/corpus/article.js';

export const HOSTILE_FILE = new URL('../fixtures/hostile/articles.jsonl', import.meta.url);

export function hostileArticles(): Article[] {
  return readFileSync(HOSTILE_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Article);
}
