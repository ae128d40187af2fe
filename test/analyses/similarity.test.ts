import { describe, expect, it } from 'vitest';
import { similarity as mlSimilarity } from 'ml-distance';
import { compile } from 'vega-lite';
import { allPairs, candidatePairs } from '../../analyses/similarity/candidates.js';
import { sparseDot, toDense } from '../../analyses/similarity/cosine.js';
import { buildVectors, nameSkeleton } from '../../analyses/similarity/vectors.js';
import { nearest, similarPairs, type DocTerms } from '../../analyses/similarity/index.js';
import { heatmapSpec } from '../../analyses/similarity/charts.js';
import type { CorpusIndex } from '../../analyses/types.js';
import type { Article } from '../../src/corpus/article.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import { applyEventAssignments } from '../../src/pipeline/run.js';
import { computeSimilarity, corpusSimilarity } from '../../analyses/similarity/compute.js';
import { similarityAnalysis, type SimilarityOptions } from '../../analyses/similarity/index.js';
import { events } from '../../analyses/events/index.js';
import { DotScratch } from '../../analyses/similarity/dot-scratch.js';
import type { SparseVector } from '../../analyses/similarity/types.js';

const doc = (terms: Record<string, number>, names: Record<string, number> = {}): DocTerms => ({ terms, names });

/** A deterministic pseudo-random corpus: topics share vocabulary, so some pairs are close. */
function syntheticCorpus(n: number, seed = 7): DocTerms[] {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => {
    const topic = i % 25;
    const terms: Record<string, number> = {};
    for (let k = 0; k < 40; k++) {
      const word = rand() < 0.6 ? `t${topic}w${Math.floor(rand() * 30)}` : `common${Math.floor(rand() * 400)}`;
      terms[word] = (terms[word] ?? 0) + 1;
    }
    return doc(terms);
  });
}

describe('similarity vectors', () => {
  it('sparse cosine equals ml-distance cosine on the densified vectors', () => {
    const space = buildVectors([doc({ flood: 3, river: 2, town: 1 }), doc({ flood: 1, river: 1, vote: 4 }), doc({ gas: 2, deal: 2 })]);
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]] as const) {
      const dense = (i: number) => toDense(space.vectors[i], space.vocab.length);
      expect(sparseDot(space.vectors[a], space.vectors[b])).toBeCloseTo(mlSimilarity.cosine(dense(a), dense(b)), 10);
    }
  });

  it('vectors are L2-normalised and an article is identical to itself', () => {
    const space = buildVectors([doc({ a: 1, b: 5 }), doc({ b: 1, c: 2 })]);
    for (const v of space.vectors) expect(sparseDot(v, v)).toBeCloseTo(1, 10);
  });

  it('spelling variants of a name share one dimension', () => {
    expect(nameSkeleton('Aurel Kastrovich')).toBe(nameSkeleton('Aurel Kastrovych'));
    expect(nameSkeleton('Orlesk')).toBe(nameSkeleton('Orlisk'));
    expect(nameSkeleton('Oren Halvik')).not.toBe(nameSkeleton('Lidia Varenko'));
    const space = buildVectors([doc({ Orlesk: 2 }, { 'Aurel Kastrovich': 1 }), doc({ Orlisk: 2 }, { 'Aurel Kastrovych': 1 })]);
    expect(sparseDot(space.vectors[0], space.vectors[1])).toBeCloseTo(1, 10);
  });

  it('shows a name as writers spell it, not in the capitals of a dateline that used it first', () => {
    const space = buildVectors([
      doc({ OSTRELKA: 1, NATO: 1 }, { OSTRELKA: 1, Ostrelka: 2 }),
      doc({ Ostrelka: 2, NATO: 1 }, { Ostrelka: 1 }),
    ]);
    // One dimension for the term and one for the name mention, both shown as "Ostrelka"; an acronym has no other spelling.
    expect(space.display.filter((d) => /ostrelka/i.test(d))).toEqual(['Ostrelka', 'Ostrelka']);
    expect(space.display).toContain('NATO');
  });

  it('a term only one outlet uses weighs less than a shared one', () => {
    const docs = [doc({ flood: 1, klaxon: 1 }), doc({ flood: 1, klaxon: 1 }), doc({ flood: 1 }), doc({ gas: 1 })];
    const space = buildVectors(docs, {}, ['Klaxon', 'Klaxon', 'Wire', 'Wire']);
    const weight = (name: string) => space.vectors[0].weights[space.vectors[0].ids.indexOf(space.vocab.indexOf(name))];
    expect(weight('klaxon')).toBeLessThan(weight('flood'));
  });

  it('damps a block an outlet repeats on its pages in its own articles, also when a few others use its words', () => {
    // The Post's pages carry another story's quote block, which two Wire articles on that story share.
    const block = { auditor: 1, pier: 1, piling: 1, gantry: 1, inquiry: 1, commission: 1, inspection: 1, rusted: 1 };
    const topics = Array.from({ length: 8 }, (_, t) => ({ [`place${t}`]: 2, [`deed${t}`]: 2, [`thing${t}`]: 1 }));
    const docs = [
      ...topics.map((topic) => doc({ ...topic, ...block })),
      ...topics.map((topic) => doc(topic)),
      doc(block),
      doc(block),
      ...syntheticCorpus(200),
    ];
    const outlets = [...topics.map(() => 'Post'), ...topics.map(() => 'Wire'), 'Wire', 'Wire', ...syntheticCorpus(200).map((_, i) => `Other ${i % 9}`)];
    const cosine = (space: ReturnType<typeof buildVectors>, a: number, b: number) => sparseDot(space.vectors[a], space.vectors[b]);
    const blind = buildVectors(docs);
    for (let t = 1; t < topics.length; t++) expect(cosine(blind, 0, t)).toBeGreaterThan(0.3); // the block alone links them
    const space = buildVectors(docs, {}, outlets);
    for (let t = 1; t < topics.length; t++) {
      expect(cosine(space, 0, t)).toBeLessThan(0.1);
      expect(cosine(space, t, t + topics.length)).toBeGreaterThan(cosine(blind, t, t + topics.length));
    }
    // The Wire's own articles on the quoted story keep the block's words at full weight.
    expect(cosine(space, 16, 17)).toBeCloseTo(cosine(blind, 16, 17), 10);
  });
});

describe('candidate pairs', () => {
  it('finds every all-pairs pair above 0.3 on a topical corpus without scoring all pairs', () => {
    const space = buildVectors(syntheticCorpus(400));
    const exact = allPairs(space, 0.3);
    const found = new Set(candidatePairs(space).map((p) => `${p.i}-${p.j}`));
    expect(exact.length).toBeGreaterThan(100);
    const missed = exact.filter((p) => !found.has(`${p.i}-${p.j}`));
    expect(missed.length / exact.length).toBeLessThan(0.02);
  });

  it('returns each pair once, lower index first, with the exact cosine', () => {
    const space = buildVectors(syntheticCorpus(120));
    const pairs = candidatePairs(space);
    const keys = pairs.map((p) => `${p.i}-${p.j}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of pairs.slice(0, 50)) {
      expect(p.i).toBeLessThan(p.j);
      expect(p.score).toBeCloseTo(sparseDot(space.vectors[p.i], space.vectors[p.j]), 10);
    }
  });

  it('finds the same pairs and scores when maxCandidates is too large to keep every score for reuse', () => {
    const space = buildVectors(syntheticCorpus(120));
    // 120 articles × 200,000 candidates is past the scores kept for reuse; 120 already reaches every article
    expect(candidatePairs(space, { maxCandidates: 200_000 })).toEqual(candidatePairs(space, { maxCandidates: 120 }));
  });

  it('keeps at most maxNeighbors best neighbours per article', () => {
    const space = buildVectors(syntheticCorpus(200));
    const pairs = candidatePairs(space, { maxNeighbors: 3 });
    expect(pairs.length).toBeLessThanOrEqual(200 * 3);
  });
});

describe('library', () => {
  const docs = new Map<string, DocTerms>([
    ['flood-1', doc({ flood: 3, river: 2, evacuate: 1 }, { Ostrelka: 1 })],
    ['flood-2', doc({ flood: 2, river: 1, rescue: 1 }, { Ostrelka: 2 })],
    ['gas-1', doc({ gas: 3, contract: 2, price: 1 }, { Corvagas: 1 })],
    ['gas-2', doc({ gas: 2, contract: 1, bill: 1 }, { Corvagas: 1 })],
  ]);

  it('similarPairs ranks same-story pairs first and nearest lists an article’s neighbours best first', () => {
    const pairs = similarPairs(docs);
    expect([pairs[0].a, pairs[0].b].sort().join()).toMatch(/^(flood-1,flood-2|gas-1,gas-2)$/);
    // The shared name weighs most (name mentions ×1.5), then the words both use most.
    expect(nearest(pairs, 'flood-1', 1)).toEqual([{ doc: 'flood-2', score: expect.any(Number), shared: ['Ostrelka', 'flood', 'river'] }]);
    expect(nearest(pairs, 'nobody', 3)).toEqual([]);
  });
});

describe('charts', () => {
  it('the outlet heatmap compiles with vega-lite', () => {
    const corpus = { outlets: ['A', 'B'] } as unknown as CorpusIndex;
    const spec = heatmapSpec(
      [
        { a: 'A', b: 'B', mean: 0.4, pairs: 2 },
        { a: 'B', b: 'A', mean: 0.4, pairs: 2 },
        { a: 'A', b: 'A', mean: 0.7, pairs: 1 },
      ],
      corpus,
      'test',
    );
    expect(() => compile(spec as never)).not.toThrow();
  });
});

describe('vectors and pairs shared by the events and similarity summaries', () => {
  const articles: Article[] = syntheticCorpus(60).map((_, i) => ({ id: `d${i}`, outlet: `o${i % 4}`, title: '', text: '' }));
  const terms = syntheticCorpus(60);

  /** A per-article map that counts how often each article's DocTerms is read. */
  class CountingMap extends Map<string, DocTerms> {
    reads = 0;
    override get(id: string): DocTerms | undefined {
      this.reads++;
      return super.get(id);
    }
  }
  const countingMap = () => new CountingMap(articles.map((a, i) => [a.id, terms[i]]));

  it('builds vectors and pairs once per map, corpus and vector options, reading each article once', () => {
    const perDoc = countingMap();
    const corpus = buildCorpusIndex(articles, new Map());
    const first = corpusSimilarity(perDoc, corpus);
    expect(perDoc.reads).toBe(articles.length);
    expect(corpusSimilarity(perDoc, corpus, { maxEventDocs: 5 } as SimilarityOptions)).toBe(first);
    expect(perDoc.reads).toBe(articles.length);
    // Other vector options, another corpus or another map: computed anew.
    expect(corpusSimilarity(perDoc, corpus, { nameWeight: 3 })).not.toBe(first);
    expect(corpusSimilarity(perDoc, buildCorpusIndex(articles, new Map()))).not.toBe(first);
    expect(corpusSimilarity(countingMap(), corpus)).not.toBe(first);
  });

  it('gives the same vectors and pairs as computing them from a list of DocTerms', () => {
    const c = corpusSimilarity(countingMap(), buildCorpusIndex(articles, new Map()));
    const outlets = new Map(articles.map((a) => [a.id, a.outlet]));
    const apart = computeSimilarity(articles.map((a) => a.id), (id) => terms[Number(id.slice(1))], {}, (id) => outlets.get(id));
    expect(c.ids).toEqual(apart.ids);
    expect(c.indexPairs).toEqual(apart.indexPairs);
    expect(c.space.vectors).toEqual(apart.space.vectors);
  });

  it('gives the same events and similarity summaries from one shared map as from two maps', () => {
    const ctx = { lexiconFiles: [], options: {}, outlets: ['o0', 'o1', 'o2', 'o3'] };
    const summarize = (eventsMap: Map<string, DocTerms>, similarityMap: Map<string, DocTerms>) => {
      const corpus = buildCorpusIndex(articles, new Map());
      const grouped = events.summarize(eventsMap, corpus, ctx);
      applyEventAssignments(events, grouped, corpus);
      return JSON.stringify([grouped, similarityAnalysis.summarize(similarityMap, corpus, ctx)]);
    };
    const shared = countingMap();
    const together = summarize(shared, shared);
    expect(shared.reads).toBe(articles.length);
    expect(together).toBe(summarize(countingMap(), countingMap()));
    expect(JSON.parse(together)[1].byEvent.length).toBeGreaterThan(1);
  });
});

describe('DotScratch', () => {
  /** A sparse vector over `dimensions` with about `size` ids (ascending) and positive weights. */
  function randomVector(rand: () => number, dimensions: number, size: number): SparseVector {
    const ids = Int32Array.from(new Set(Array.from({ length: size }, () => Math.floor(rand() * dimensions)))).sort();
    return { ids, weights: Float64Array.from(ids, () => rand()) };
  }

  it('gives exactly the sparse merge’s dot product, also for ids that share a filter bit', () => {
    let s = 11;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    // 300,000 dimensions: ids 65,536 apart share a filter bit, so collisions happen.
    const vectors = Array.from({ length: 40 }, () => randomVector(rand, 300_000, 2000));
    const scratch = new DotScratch(300_000);
    let shared = 0;
    for (const v of vectors) {
      scratch.load(v);
      for (const u of vectors) {
        expect(scratch.dot(u)).toBe(sparseDot(v, u));
        if (sparseDot(v, u) > 0 && v !== u) shared++;
      }
    }
    expect(shared).toBeGreaterThan(0);
    scratch.unload();
    expect(scratch.dot(vectors[0])).toBe(0);
  });
});
