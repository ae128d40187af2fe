import { describe, expect, it } from 'vitest';
import { sameResults } from '../../src/pipeline/summarize-parallel.js';
import type { ResultStoreSnapshot } from '../../src/pipeline/result-store.js';
// The compiled pipeline: its worker threads run dist/ (see run-parallel.test.ts).
import { runPipelineParallel } from '../../dist/src/pipeline/run-parallel.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import { sampleArticles, stableJson } from './helpers.js';

/** A snapshot of `parts[article][analysis]` = [start, length] (length -1: no result). */
function snapshot(parts: Array<Array<[number, number]>>): ResultStoreSnapshot {
  const analysisCount = parts[0].length;
  return {
    size: parts.length,
    analysisCount,
    fds: [],
    segmentOf: new Int16Array(parts.length),
    wordCounts: new Int32Array(parts.length),
    starts: Float64Array.from(parts.flat(), ([start]) => start),
    lengths: Int32Array.from(parts.flat(), ([, length]) => length),
  };
}

describe('sameResults', () => {
  it('maps an analysis whose results are the same bytes as an earlier one’s for every article to that one', () => {
    const same = sameResults(
      snapshot([
        [[10, 5], [15, 3], [10, 5], [15, 3]],
        [[40, 7], [47, 2], [40, 7], [47, 2]],
      ]),
    );
    expect(same).toEqual([0, 1, 0, 1]);
  });

  it('keeps analyses apart when one article differs, and treats two missing results as the same', () => {
    const same = sameResults(
      snapshot([
        [[10, 5], [10, 5], [0, -1]],
        [[40, 7], [47, 7], [0, -1]],
        [[0, -1], [0, -1], [0, -1]],
      ]),
    );
    expect(same).toEqual([0, 1, 2]);
    expect(sameResults(snapshot([[[0, -1], [0, -1]]]))).toEqual([0, 0]);
  });
});

describe('summaries on worker threads', () => {
  it('give the same summaries with one summary at a time as with two, and as with one thread', async () => {
    const articles = await sampleArticles();
    const outputs: string[] = [];
    for (const options of [{ jobs: 2 }, { jobs: 2, summaryJobs: 1 }, { jobs: 1 }]) {
      const result = await runPipelineParallel(articles, { ...options, cache: false, summaryThreadsFrom: 0, batchSize: 8 });
      outputs.push(stableJson({ summaries: result.summaries, index: result.index }));
      result.close();
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    expect(JSON.parse(outputs[0]).summaries.map.map(([id]: [string]) => id)).toContain('similarity');
  });
});

describe('summaries that declare they read no events', () => {
  it('are the same bytes whether the events are grouped yet or not, so they can run beside the grouping', async () => {
    // The sample's articles without their given ids: every event comes from the grouping.
    const articles = (await sampleArticles()).map(({ event: _event, ...a }) => a);
    const result = runPipeline(articles);
    const words = new Map(result.index.docs.map((d) => [d.id, d.words]));
    const before = buildCorpusIndex(articles, words);
    const summary = (id: string, index: typeof before) => stableJson(result.analyses.find((a) => a.id === id)!.summarize(result.perDoc.get(id)!, index, result.context));
    const flagged = result.analyses.filter((a) => a.independentOfEvents).map((a) => a.id);
    expect(flagged).toContain('reuse');
    expect(result.index.events.length).toBeGreaterThan(1);
    for (const id of flagged) expect(summary(id, before), id).toBe(summary(id, result.index));
    // The check can tell: a summary that reads events differs.
    expect(summary('terms', before)).not.toBe(summary('terms', result.index));
  });
});
