/**
 * The benchmark corpus: the first `n` articles of article-bias-prediction (../shared) that have a
 * text, else the bundled sample corpus. `{name, articles}`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function abpArticles(n) {
  const abp = join(root, '../shared/data/article-bias-prediction/articles_sample.jsonl.gz');
  if (existsSync(abp)) {
    const out = [];
    for (const line of gunzipSync(readFileSync(abp)).toString('utf8').split('\n')) {
      if (out.length >= n) break;
      if (!line.trim()) continue;
      const r = JSON.parse(line);
      if (!r.content_original) continue;
      out.push({ id: `abp-${out.length}`, outlet: r.source ?? 'unknown', title: r.title ?? '', text: r.content_original });
    }
    return { name: `article-bias-prediction[0..${out.length})`, articles: out };
  }
  const lines = readFileSync(join(root, 'data/sample/articles.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  return { name: 'data/sample/articles.jsonl', articles: lines.map((l) => JSON.parse(l)) };
}
