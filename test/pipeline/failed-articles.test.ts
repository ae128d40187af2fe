import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANALYSES } from '../../analyses/index.js';
import type { Article } from '../../src/corpus/article.js';
import { runPipelineParallel, type ParallelResult } from '../../src/pipeline/run-parallel.js';
import { sampleArticles, stableJson, tempDir } from './helpers.js';

let articles: Article[];
let victim: Article;
const open: ParallelResult[] = [];
const folders: string[] = [];

beforeAll(async () => {
  articles = await sampleArticles();
  // The last article whose outlet appears earlier: leaving it out keeps the corpus's outlets.
  victim = [...articles].reverse().find((a) => articles.findIndex((b) => b.outlet === a.outlet) < articles.indexOf(a))!;
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  open.forEach((r) => r.close());
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** Makes `analysis` throw `message` on the victim only. */
function throwOnVictim(analysis: 'terms' | 'loaded', message: string) {
  const original = ANALYSES[analysis].perDoc;
  vi.spyOn(ANALYSES[analysis], 'perDoc').mockImplementation((doc, ctx) => {
    if (doc.article.id === victim.id) throw new Error(message);
    return (original as (d: typeof doc, c: typeof ctx) => never)(doc, ctx);
  });
}

async function run(input: Article[], cache: string | false = false) {
  const result = await runPipelineParallel(input, { jobs: 1, cache });
  open.push(result);
  return result;
}

const data = (r: ParallelResult) => stableJson({ articles: r.articles, docs: r.index.docs, summaries: r.summaries, perDoc: r.perDoc });

describe('articles an analysis throws on', () => {
  it('are left out of the whole run with the error, and the rest is summarised as if they were not there', async () => {
    throwOnVictim('terms', 'boom');
    const result = await run(articles);
    const index = articles.indexOf(victim);
    expect(result.failures).toEqual([{ index, id: victim.id, reason: `article '${victim.id}' left out: analysis failed (terms: boom)`, ruleId: 'pipeline:analysis-failed' }]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'pipeline:analysis-failed', file: expect.stringContaining('articles.jsonl'), line: index + 1 })]);
    expect(result.articles).not.toContain(victim);
    expect(result.stats.articles).toBe(articles.length);
    vi.restoreAllMocks();
    expect(data(result)).toBe(data(await run(articles.filter((a) => a !== victim))));
  });

  it('name every analysis that failed, once per distinct error', async () => {
    throwOnVictim('terms', 'same');
    throwOnVictim('loaded', 'same');
    const [failure] = (await run(articles)).failures;
    expect(failure.reason).toBe(`article '${victim.id}' left out: analysis failed (terms, loaded: same)`);
  });

  it('are left out again when their failed result comes from the cache', async () => {
    const cache = tempDir('failed-cache');
    folders.push(cache);
    throwOnVictim('terms', 'cached failure');
    await run(articles, cache);
    vi.restoreAllMocks();
    const again = await run(articles, cache);
    expect(again.stats.cached).toBe(articles.length);
    expect(again.failures.map((f) => f.reason)).toEqual([expect.stringContaining('cached failure')]);
  });

  it('stop the run with a clear error when every article failed', async () => {
    vi.spyOn(ANALYSES.terms, 'perDoc').mockImplementation(() => {
      throw new Error('always');
    });
    await expect(runPipelineParallel(articles.slice(0, 3), { jobs: 1, cache: false })).rejects.toThrow(/failed on every article; first: .*terms: always/);
  });
});
