/**
 * `framelens loaded` and `framelens attributions` end to end through commander: on the cached
 * per-article pass they give the rows the library gives, and --model-file (the direct path) too.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRows, SAMPLE } from '../helpers/run-rows.js';
import * as loadedCli from '../../src/cli/loaded.js';
import * as attributionsCli from '../../src/cli/attributions.js';
import { detectLoaded, loadedResources } from '../../analyses/loaded/index.js';
import { extractAttributions } from '../../analyses/attribution/index.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import type { Article } from '../../src/corpus/article.js';

const articles = readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article);
const outlets = [...new Set(articles.map((a) => a.outlet))];
const spans = (rows: Record<string, unknown>[]) => rows.map((r) => `${r.doc}:${r.start ?? (r.cue as { start: number }).start}:${r.category ?? r.kind}`);

describe('framelens loaded', () => {
  const run = (args: string[]) => runRows(loadedCli.register, ['loaded', SAMPLE, '-j', '1', ...args]);

  it('gives the library’s markers, the same from a warm cache, filtered by --category', async () => {
    const resources = loadedResources([]);
    const expected = articles.flatMap((a) => detectLoaded(analyzeDoc(a, { outlets }), resources).markers.map((m) => `${a.id}:${m.start}:${m.category}`));
    const cache = mkdtempSync(join(tmpdir(), 'framelens-loaded-cache-'));
    const cold = await run(['--cache-dir', cache]);
    expect(spans(cold)).toEqual(expected);
    expect(await run(['--cache-dir', cache])).toEqual(cold);
    const labels = await run(['--category', 'label', '--cache-dir', cache]);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels).toEqual(cold.filter((r) => r.category === 'label'));
  });

  it('flags fewer learned spans with a higher --threshold and none with --no-model; --model-file gives the same rows', async () => {
    const all = await run([]);
    const strict = await run(['--threshold', '0.95']);
    const learned = (rows: Record<string, unknown>[]) => rows.filter((r) => r.category === 'loaded').length;
    expect(learned(strict)).toBeLessThan(learned(all));
    expect(learned(await run(['--no-model']))).toBe(0);
    expect(await run(['--model-file', 'data/models/loaded.json'])).toEqual(all);
  });
});

describe('framelens attributions', () => {
  const run = (args: string[]) => runRows(attributionsCli.register, ['attributions', SAMPLE, '-j', '1', ...args]);

  it('gives the library’s attributions, and the same with --model-file', async () => {
    const expected = articles.flatMap((a) => extractAttributions(analyzeDoc(a, { outlets }), { outlets }).map((x) => `${a.id}:${x.cue.start}:${x.kind}`));
    const rows = await run([]);
    expect(spans(rows)).toEqual(expected);
    expect(await run(['--model-file', 'data/models/attribution-cues.json'])).toEqual(rows);
  });
});
