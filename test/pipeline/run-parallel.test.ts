import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/corpus/article.js';
// The compiled library (`npm test` builds first): worker threads run dist/, so the jobs: 1 path
// must run the same build for outputs to be comparable while sources are being edited.
import { runPipelineParallel, type ParallelResult } from '../../dist/src/pipeline/run-parallel.js';
import { runPipeline } from '../../dist/src/pipeline/run.js';
import { writeReport } from '../../dist/src/report/write-report.js';
import { sampleArticles, stableJson, tempDir } from './helpers.js';

let articles: Article[];
let dir: string;
const open: ParallelResult[] = [];

beforeAll(async () => {
  articles = await sampleArticles();
  dir = tempDir('pipeline');
});
afterAll(() => {
  for (const r of open) r.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(input: Article[], options: Parameters<typeof runPipelineParallel>[1]) {
  const result = await runPipelineParallel(input, { batchSize: 8, ...options });
  open.push(result);
  return result;
}

const output = (r: { summaries: unknown; perDoc: unknown; index: unknown }) =>
  stableJson({ summaries: r.summaries, perDoc: r.perDoc, index: r.index });

function filesOf(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(root, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      // vega numbers SVG gradient ids per process, not per chart: the one difference two renders in one process may show.
      else files.set(rel, readFileSync(join(root, rel), 'utf8').replace(/gradient_\d+/g, 'gradient_N'));
    }
  };
  walk('');
  return files;
}

/** Writes both results as reports and expects the same files with the same bytes. */
async function expectSameReports(first: ParallelResult, second: ParallelResult, name: string): Promise<void> {
  await writeReport(first, join(dir, `${name}-a`));
  await writeReport(second, join(dir, `${name}-b`));
  const a = filesOf(join(dir, `${name}-a`));
  const b = filesOf(join(dir, `${name}-b`));
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [path, text] of a) expect(b.get(path), path).toBe(text);
}

function packsIn(cache: string): string[] {
  const root = join(cache, 'packs');
  try {
    return readdirSync(root).flatMap((ctx) => readdirSync(join(root, ctx)).map((f) => join(root, ctx, f)));
  } catch {
    return [];
  }
}

describe('runPipelineParallel', () => {
  it('gives byte-identical summaries, per-article results and report files for 1 and 2 jobs', async () => {
    const one = await run(articles, { jobs: 1, cache: false });
    // Summaries on worker threads too, which a corpus this small would otherwise skip.
    const two = await run(articles, { jobs: 2, cache: false, summaryThreadsFrom: 0 });
    expect(one.stats.jobs).toBe(1);
    expect(two.stats.jobs).toBe(2);
    expect(output(two)).toBe(output(one));
    expect(output(one)).toBe(output(runPipeline(articles)));
    await expectSameReports(one, two, '1-vs-2');
  });

  it('reuses every cached result on a warm run and gives the same output', async () => {
    const cache = join(dir, 'cache-warm');
    const cold = await run(articles, { jobs: 2, cache });
    expect(cold.stats).toMatchObject({ cached: 0, analyzed: articles.length, summaries_cached: false });
    const warm = await run(articles, { jobs: 2, cache });
    expect(warm.stats).toMatchObject({ cached: articles.length, analyzed: 0, summaries_cached: true });
    expect(output(warm)).toBe(output(cold));
    expect(packsIn(cache)).toHaveLength(1); // a run that analysed nothing adds no pack
    await expectSameReports(cold, warm, 'cold-vs-warm');
  });

  it('summarises again when one article changes, and when the cached summaries are damaged', async () => {
    const cache = join(dir, 'cache-summaries');
    await run(articles, { jobs: 1, cache });
    const edited = articles.map((a, i) => (i === 5 ? { ...a, title: `${a.title} (updated)` } : a));
    const changed = await run(edited, { jobs: 1, cache });
    expect(changed.stats).toMatchObject({ analyzed: 1, summaries_cached: false });
    expect(output(changed)).toBe(output(await run(edited, { jobs: 1, cache: false })));
    const runs = readdirSync(join(cache, 'summaries'));
    expect(runs).toHaveLength(2);
    for (const run of runs) writeFileSync(join(cache, 'summaries', run, 'terms.json'), '{"truncated');
    const damaged = await run(edited, { jobs: 1, cache });
    expect(damaged.stats).toMatchObject({ analyzed: 0, summaries_cached: false });
    expect(output(damaged)).toBe(output(changed));
  });

  it('analyses only the articles added since the last run', async () => {
    const cache = join(dir, 'cache-add');
    const first = articles.slice(0, 25);
    await run(first, { jobs: 1, cache });
    const more = await run(articles.slice(0, 30), { jobs: 1, cache });
    // Same outlets, so the context (and the cache folder) is the same only if no outlet is new.
    const sameContext = new Set(articles.slice(0, 30).map((a) => a.outlet)).size === new Set(first.map((a) => a.outlet)).size;
    if (sameContext) expect(more.stats).toMatchObject({ cached: 25, analyzed: 5 });
    const edited = articles.slice(0, 30).map((a, i) => (i === 3 ? { ...a, text: `${a.text} One more sentence.` } : a));
    const again = await run(edited, { jobs: 2, cache });
    expect(again.stats).toMatchObject({ cached: 29, analyzed: 1 });
    expect(output(again)).toBe(output(await run(edited, { jobs: 1, cache: false })));
  });

  it('recomputes results whose cache lines are damaged and ignores stray files', async () => {
    const cache = join(dir, 'cache-damaged');
    const expected = output(await run(articles, { jobs: 1, cache })); // before the pack it reads from is damaged
    const [pack] = packsIn(cache);
    const lines = readFileSync(pack, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^#header\t/);
    lines[1] = lines[1].replace(/"/, "'"); // a changed byte: CRC mismatch
    lines[2] = lines[2].slice(0, 60); // truncated
    writeFileSync(pack, lines.join('\n'));
    writeFileSync(join(pack, '..', 'junk.tsv'), 'not a pack\n\u0000\u0001garbage');
    const warm = await run(articles, { jobs: 1, cache });
    expect(warm.stats).toMatchObject({ cached: articles.length - 2, analyzed: 2 });
    expect(output(warm)).toBe(expected);
  });

  it('writes nothing to the cache with cache: false', async () => {
    const cache = join(dir, 'cache-off');
    await run(articles.slice(0, 5), { jobs: 1, cache: false });
    expect(packsIn(cache)).toEqual([]);
  });

  it('rejects, caches nothing and leaves no temp pack when aborted', async () => {
    const cache = join(dir, 'cache-abort');
    const controller = new AbortController();
    const pending = runPipelineParallel(articles, {
      jobs: 2,
      cache,
      batchSize: 2,
      signal: controller.signal,
      onProgress: (done) => done > 2 && controller.abort(new Error('stop')),
    });
    await expect(pending).rejects.toThrow();
    expect(packsIn(cache)).toEqual([]);
  });
});

describe('runPipelineParallel with analysis options', () => {
  const terms = ['events', 'similarity'];
  it('reuses cached per-article results when only options the summary reads change, not when perDoc reads them', async () => {
    const cache = join(dir, 'cache-options');
    const loose = await run(articles, { jobs: 1, cache, analyses: terms, options: { events: { threshold: 0.05 } } });
    const strict = await run(articles, { jobs: 1, cache, analyses: terms, options: { events: { threshold: 0.6 } } });
    expect(strict.stats).toMatchObject({ cached: articles.length, analyzed: 0, summaries_cached: false });
    const groups = (r: ParallelResult) => new Set(Object.values((r.summaries.get('events') as { grouped: Record<string, string> }).grouped)).size;
    expect(groups(strict)).toBeGreaterThan(groups(loose));
    // The same options again: the summaries come from the cache too.
    expect((await run(articles, { jobs: 1, cache, analyses: terms, options: { events: { threshold: 0.6 } } })).stats.summaries_cached).toBe(true);
    // A feature option changes every article's terms: nothing cached serves it.
    const fewer = await run(articles, { jobs: 1, cache, analyses: terms, options: { events: { maxTerms: 20 } } });
    expect(fewer.stats).toMatchObject({ cached: 0, analyzed: articles.length });
  });

  it('reads what a run of some analyses needs from the packs of a run of all of them (a report)', async () => {
    const cache = join(dir, 'cache-wider');
    const options = { events: { threshold: 0.3 } };
    await run(articles, { jobs: 1, cache });
    const subset = await run(articles, { jobs: 2, cache, analyses: terms, options });
    expect(subset.stats).toMatchObject({ cached: articles.length, analyzed: 0 });
    expect(output(subset)).toBe(output(await run(articles, { jobs: 1, cache: false, analyses: terms, options })));
    // Articles the report did not see are analysed; a per-article option the report ran without is not served.
    const extra = { ...articles[0], id: 'extra', text: `${articles[0].text} Updated later.` };
    expect((await run([...articles, extra], { jobs: 1, cache, analyses: terms })).stats).toMatchObject({ cached: articles.length, analyzed: 1 });
    expect((await run(articles, { jobs: 1, cache, analyses: terms, options: { events: { maxTerms: 20 } } })).stats.cached).toBe(0);
  });

  it('stops after the per-article pass with summaries: false', async () => {
    const result = await run(articles.slice(0, 6), { jobs: 1, cache: false, analyses: terms, summaries: false });
    expect(result.summaries.size).toBe(0);
    expect([...result.perDoc.get('similarity')!.keys()]).toEqual(articles.slice(0, 6).map((a) => a.id));
    expect(result.index.docs.map((d) => d.id)).toEqual(articles.slice(0, 6).map((a) => a.id));
  });
});

describe('runPipelineParallel with a corpus that gains an outlet', () => {
  it('re-analyses only the new article and those that could mention the new outlet, with the output of a cold run', async () => {
    const cache = join(dir, 'cache-outlets');
    await run(articles, { jobs: 1, cache });
    const quiet = { ...articles[0], id: 'new-quiet', outlet: 'Zephyr Gazette', text: `${articles[0].text} Filed late.` };
    const grown = await run([...articles, quiet], { jobs: 1, cache });
    expect(grown.stats).toMatchObject({ cached: articles.length, analyzed: 1 });

    // An outlet named like a place in the stories: articles naming it now type it as media.
    const named = { ...articles[1], id: 'new-named', outlet: 'Orlesk', text: `${articles[1].text} Filed late.` };
    const mentioning = [...articles, quiet].filter((a) => a.text.toLowerCase().includes('orlesk')).length;
    expect(mentioning).toBeGreaterThan(0);
    const input = [...articles, quiet, named];
    const again = await run(input, { jobs: 2, cache });
    expect(again.stats).toMatchObject({ analyzed: mentioning + 1, cached: articles.length + 1 - mentioning });
    expect(again.stats.cached).toBeGreaterThan(0);
    expect(output(again)).toBe(output(await run(input, { jobs: 1, cache: false })));
  });
});
