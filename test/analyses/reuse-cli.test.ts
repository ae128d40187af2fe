/**
 * `framelens reuse` end to end through commander, on the cached per-article pass.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRows, SAMPLE } from '../helpers/run-rows.js';
import * as reuseCli from '../../src/cli/reuse.js';
import type { Article } from '../../src/corpus/article.js';

const articles = readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article);
const byId = new Map(articles.map((a) => [a.id, a]));
const run = (args: string[]) => runRows(reuseCli.register, ['reuse', SAMPLE, '-j', '1', ...args]);

describe('framelens reuse', () => {
  it('finds the reprinted wire story between outlets, with spans into both texts, the same from a warm cache', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'framelens-reuse-cache-'));
    const rows = await run(['--cache-dir', cache]);
    const wire = rows.filter((r) => [r.a, r.b].some((id) => byId.get(String(id))!.outlet === 'Lodestar Wire'));
    expect(wire.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(byId.get(String(r.a))!.outlet).not.toBe(byId.get(String(r.b))!.outlet);
      for (const [id, span] of [[r.a, r.aSpan], [r.b, r.bSpan]] as Array<[string, { start: number; end: number; text: string }]>) {
        expect(byId.get(id)!.text.slice(span.start, span.end)).toBe(span.text);
      }
    }
    expect(await run(['--cache-dir', cache])).toEqual(rows);
    expect((await run(['--pairs', '--cache-dir', cache])).length).toBeGreaterThanOrEqual(rows.length);
  });
});
