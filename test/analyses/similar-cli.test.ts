/**
 * `framelens similar` end to end through commander, output written to a temporary file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRows, SAMPLE } from '../helpers/run-rows.js';
import * as similarCli from '../../src/cli/similar.js';
import type { Article } from '../../src/corpus/article.js';

const articles = readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article);
const eventOf = new Map(articles.map((a) => [a.id, a.event]));
const run = (args: string[]) => runRows(similarCli.register, ['similar', SAMPLE, ...args]);

describe('framelens similar', () => {
  it('lists each article’s nearest articles best first, with the terms behind each cosine', async () => {
    const rows = await run(['--top', '2', '-j', '1']);
    const byDoc = new Map<string, Record<string, unknown>[]>();
    for (const r of rows) byDoc.set(String(r.doc), [...(byDoc.get(String(r.doc)) ?? []), r]);
    expect(byDoc.size).toBe(articles.length);
    for (const list of byDoc.values()) {
      expect(list.map((r) => r.rank)).toEqual(list.map((_, i) => i + 1));
      expect(list.map((r) => r.score)).toEqual([...list.map((r) => r.score as number)].sort((a, b) => b - a));
      for (const r of list) expect((r.shared as string[]).length).toBeGreaterThan(0);
    }
    // On the planted corpus an article's nearest neighbour covers the same event.
    const firsts = [...byDoc.values()].map((list) => list[0]);
    const same = firsts.filter((r) => eventOf.get(String(r.doc)) === eventOf.get(String(r.similar))).length;
    expect(same / firsts.length).toBeGreaterThanOrEqual(0.9);
  });

  it('gives one article’s neighbours with --doc, the same from a warm cache, and names an unknown id', async () => {
    const doc = articles[0].id;
    const cache = mkdtempSync(join(tmpdir(), 'framelens-similar-cache-'));
    const cold = await run(['--doc', doc, '--top', '3', '--cache-dir', cache]);
    expect(cold.map((r) => r.doc)).toEqual([doc, doc, doc]);
    expect(await run(['--doc', doc, '--top', '3', '--cache-dir', cache])).toEqual(cold);
    await expect(run(['--doc', 'no-such-article'])).rejects.toThrow(/no article with id 'no-such-article'/);
  });
});
