import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bcubed } from '../../analyses/events/bcubed.js';
import { averageLinkClusters } from '../../analyses/events/cluster.js';
import { groupEvents } from '../../analyses/events/compute.js';
import { dateRange } from '../../analyses/events/section.js';
import { smoothVectors } from '../../analyses/events/smooth.js';
import { sparseDot } from '../../analyses/similarity/cosine.js';
import { buildVectors } from '../../analyses/similarity/vectors.js';
import { candidatePairs } from '../../analyses/similarity/candidates.js';
import { docTerms } from '../../analyses/similarity/features.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { nonProseSentences } from '../../src/text/non-prose.js';
import type { Article } from '../../src/corpus/article.js';

const sampleFile = fileURLToPath(new URL('../../data/sample/articles.jsonl', import.meta.url));

describe('bcubed', () => {
  it('scores a perfect clustering 1', () => {
    const m = new Map([['a', '1'], ['b', '1'], ['c', '2']]);
    expect(bcubed(m, m)).toMatchObject({ precision: 1, recall: 1, f1: 1, items: 3 });
  });

  it('matches a hand-computed example with a split and a merge', () => {
    // gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}
    const gold = new Map([['a', 'G1'], ['b', 'G1'], ['c', 'G1'], ['d', 'G2'], ['e', 'G2']]);
    const pred = new Map([['a', 'P1'], ['b', 'P1'], ['c', 'P2'], ['d', 'P2'], ['e', 'P2']]);
    // precision: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 → (1+1+1/3+2/3+2/3)/5 = 11/15
    // recall:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → (2/3+2/3+1/3+1+1)/5 = 11/15
    const s = bcubed(pred, gold);
    expect(s.precision).toBeCloseTo(11 / 15, 10);
    expect(s.recall).toBeCloseTo(11 / 15, 10);
    expect(s.f1).toBeCloseTo(11 / 15, 10);
  });

  it('puts everything in one cluster: recall 1, precision the share of the largest gold group per item', () => {
    const gold = new Map([['a', '1'], ['b', '1'], ['c', '2'], ['d', '3']]);
    const pred = new Map([['a', 'x'], ['b', 'x'], ['c', 'x'], ['d', 'x']]);
    const s = bcubed(pred, gold);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeCloseTo((2 / 4 + 2 / 4 + 1 / 4 + 1 / 4) / 4, 10);
  });

  it('ignores items missing from the gold labels', () => {
    expect(bcubed(new Map([['a', '1'], ['z', '1']]), new Map([['a', 'g']])).items).toBe(1);
  });
});

describe('average-link clustering', () => {
  const docs = [
    { terms: { flood: 2, river: 2, ardel: 1 }, names: {} },
    { terms: { flood: 1, river: 1, ardel: 2 }, names: {} },
    { terms: { gas: 2, deal: 2, price: 1 }, names: {} },
    { terms: { gas: 1, deal: 1, price: 2 }, names: {} },
    { terms: { parade: 3 }, names: {} },
  ];

  it('merges similar articles and leaves an unrelated one alone', () => {
    const space = buildVectors(docs);
    const clusters = averageLinkClusters({ vectors: space.vectors, edges: candidatePairs(space) }, 0.3);
    expect(clusters).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('never links dated articles further apart than the window', () => {
    const space = buildVectors(docs);
    const days = Float64Array.from([0, 30, 0, 1, 0]);
    const clusters = averageLinkClusters({ vectors: space.vectors, edges: candidatePairs(space), days }, 0.3, 3);
    expect(clusters).toContainEqual([0]);
    expect(clusters).toContainEqual([1]);
    expect(clusters).toContainEqual([2, 3]);
  });

  it('lets next-day coverage join but makes a follow-up two days later need far stronger content', () => {
    const pair = [
      { terms: { flood: 2, river: 2, ardel: 1, rescue: 1 }, names: {} },
      { terms: { flood: 1, river: 1, ardel: 2, dam: 1 }, names: {} },
    ];
    const space = buildVectors(pair);
    const edges = candidatePairs(space);
    const cosine = edges[0].score;
    const at = (gap: number) => averageLinkClusters({ vectors: space.vectors, edges, days: Float64Array.from([0, gap]) }, cosine * 0.9, { windowDays: 3, slackDays: 1, decayDays: 1 });
    expect(at(1)).toEqual([[0, 1]]);
    expect(at(2)).toEqual([[0], [1]]);
    // without the decay only the hard window applies
    expect(averageLinkClusters({ vectors: space.vectors, edges, days: Float64Array.from([0, 2]) }, cosine * 0.9, 3)).toEqual([[0, 1]]);
  });

  describe('groups with no common day', () => {
    // Hand-made unit vectors (4 terms): a0 and b0 are dated day 0, b1 day 1. cos(a0, b1) = 0.32,
    // cos(b0, b1) = 0.36, cos(a0, b0) = 0 (no candidate edge).
    const vector = (...weights: number[]) => ({ ids: Int32Array.from(weights.keys()), weights: Float64Array.from(weights) });
    const a0 = vector(0, 0.4, 0, Math.sqrt(1 - 0.16));
    const b0 = vector(0.6, 0, 0.8, 0);
    const b1 = vector(0.6, 0.8, 0, 0);
    const dates = (bridgeThreshold: number) => ({ windowDays: 3, slackDays: 1, decayDays: 1, bridgeThreshold });

    it('merge across days only on a link of at least the bridge threshold; within a day the threshold is enough', () => {
      const edges = [{ i: 0, j: 1, score: sparseDot(a0, b1) }];
      const input = (days: number[]) => ({ vectors: [a0, b1], edges, days: Float64Array.from(days) });
      expect(averageLinkClusters(input([0, 1]), 0.15, dates(0.35))).toEqual([[0], [1]]);
      expect(averageLinkClusters(input([0, 1]), 0.15, dates(0.3))).toEqual([[0, 1]]);
      expect(averageLinkClusters(input([0, 1]), 0.15, dates(0))).toEqual([[0, 1]]);
      expect(averageLinkClusters(input([0, 0]), 0.15, dates(0.35))).toEqual([[0, 1]]);
      expect(averageLinkClusters({ vectors: [a0, b1], edges }, 0.15, dates(0.35))).toEqual([[0, 1]]); // undated
    });

    it('score a link held back as a bridge again once a merge gives its group a common day', () => {
      // b0 and b1 bridge days 0 and 1 on a strong link; a0's link to b1 alone is a weak bridge,
      // but once b1's group holds day 0 too, a0 joins on the average link (0.32 + 0) / 2 = 0.16.
      const input = {
        vectors: [a0, b0, b1],
        edges: [
          { i: 0, j: 2, score: sparseDot(a0, b1) },
          { i: 1, j: 2, score: sparseDot(b0, b1) },
        ],
        days: Float64Array.from([0, 0, 1]),
      };
      expect(averageLinkClusters(input, 0.15, dates(0.35))).toEqual([[0, 1, 2]]);
      expect(averageLinkClusters(input, 0.17, dates(0.35))).toEqual([[1, 2], [0]]);
      expect(averageLinkClusters(input, 0.15, dates(0.4))).toEqual([[0], [1], [2]]);
    });
  });
});

describe('undated articles between dated groups', () => {
  // u is undated; a is dated day 0 and b day 30 (or 1). cos(a, u) = cos(a, b) = 0.9, cos(u, b) = 1.
  const a = { ids: Int32Array.from([0, 1]), weights: Float64Array.from([0.9, Math.sqrt(1 - 0.81)]) };
  const u = { ids: Int32Array.from([0]), weights: Float64Array.from([1]) };
  const b = { ids: Int32Array.from([0]), weights: Float64Array.from([1]) };
  const edges = [
    { i: 0, j: 1, score: sparseDot(a, u) },
    { i: 0, j: 2, score: sparseDot(a, b) },
    { i: 1, j: 2, score: sparseDot(u, b) },
  ];
  const dates = { windowDays: 3, slackDays: 1, decayDays: 1, bridgeThreshold: 0.3 };

  it('join a dated group on content alone but never bridge dated articles a month apart', () => {
    // u and b merge first (link 1); counting the undated pair (u, a) as affinity 1 gave the pair's
    // link to a 0.9 × 1/2 = 0.45 and joined day 0 to day 30 through u.
    const input = { vectors: [a, u, b], edges, days: Float64Array.from([0, NaN, 30]) };
    expect(averageLinkClusters(input, 0.3, dates)).toEqual([[1, 2], [0]]);
  });

  it('leave next-day coverage and groups without dates linked as before', () => {
    expect(averageLinkClusters({ vectors: [a, u, b], edges, days: Float64Array.from([0, NaN, 1]) }, 0.3, dates)).toEqual([[0, 1, 2]]);
    expect(averageLinkClusters({ vectors: [a, u, b], edges }, 0.3, dates)).toEqual([[0, 1, 2]]);
  });

  it('let lone articles attach to a group without dates in one round only from days that fit together', () => {
    // Two undated articles group (cosine 1); lone x and y (cosine 0.3 to each, 0.09 to each
    // other) both clearly prefer that group. Decided on the group as it stood, both joined,
    // putting day 0 and day 30 together.
    const e0 = { ids: Int32Array.from([0]), weights: Float64Array.from([1]) };
    const x = { ids: Int32Array.from([0, 1]), weights: Float64Array.from([0.3, Math.sqrt(0.91)]) };
    const y = { ids: Int32Array.from([0, 2]), weights: Float64Array.from([0.3, Math.sqrt(0.91)]) };
    const vectors = [e0, e0, x, y];
    const pairs = [[0, 1], [0, 2], [1, 2], [0, 3], [1, 3], [2, 3]].map(([i, j]) => ({ i, j, score: sparseDot(vectors[i], vectors[j]) }));
    const attach = { minScore: 0.08, ratio: 3 };
    const at = (dayOfY: number) => averageLinkClusters({ vectors, edges: pairs, days: Float64Array.from([NaN, NaN, 0, dayOfY]) }, 0.6, dates, attach);
    expect(at(30)).toEqual([[0, 1, 2], [3]]);
    expect(at(1)).toEqual([[0, 1, 2, 3]]);
  });
});

describe('lone articles after clustering', () => {
  // a1, a2 report one event; a3 covers it in words of its own, sharing only a little with them;
  // b1, b2 are another event; c1 and c2 are one more story told in two unlike ways; z is alone.
  const docs = [
    { terms: { flood: 3, river: 3, ardel: 2, rescue: 1 }, names: {} },
    { terms: { flood: 2, river: 3, ardel: 3, evacuate: 1 }, names: {} },
    { terms: { flood: 1, insurance: 3, claim: 3, premium: 2, farmer: 2 }, names: {} },
    { terms: { gas: 3, deal: 3, price: 2 }, names: {} },
    { terms: { gas: 2, deal: 3, price: 3, minister: 1 }, names: {} },
    { terms: { ferry: 1, strike: 3, union: 3, wage: 2 }, names: {} },
    { terms: { ferry: 1, harbour: 3, queue: 3, tourist: 2 }, names: {} },
    { terms: { parade: 3, band: 2 }, names: {} },
  ];
  const space = buildVectors(docs);
  const edges = candidatePairs(space, { minScore: 0.01 });
  const threshold = 0.3;
  const attach = { minScore: 0.01, ratio: 2 };

  it('lets a lone article join the group it clearly prefers, and pairs two that prefer each other', () => {
    expect(averageLinkClusters({ vectors: space.vectors, edges }, threshold)).toContainEqual([2]);
    const clusters = averageLinkClusters({ vectors: space.vectors, edges }, threshold, {}, attach);
    expect(clusters).toEqual([[0, 1, 2], [3, 4], [5, 6], [7]]);
  });

  it('leaves a lone article alone when its link is under the floor or not clearly better than the runner-up', () => {
    expect(averageLinkClusters({ vectors: space.vectors, edges }, threshold, {}, { ...attach, minScore: 0.5 })).toContainEqual([2]);
    // a lone article that links to two groups equally (under the threshold)
    const between = buildVectors([
      { terms: { flood: 3, river: 3, ardel: 2 }, names: {} },
      { terms: { flood: 2, river: 3, ardel: 3 }, names: {} },
      { terms: { gas: 3, deal: 3, price: 2 }, names: {} },
      { terms: { gas: 2, deal: 3, price: 3 }, names: {} },
      { terms: { flood: 1, river: 1, gas: 1, deal: 1, parade: 3, band: 3 }, names: {} },
    ]);
    const clusters = averageLinkClusters({ vectors: between.vectors, edges: candidatePairs(between, { minScore: 0.01 }) }, threshold, {}, attach);
    expect(clusters).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('is off in groupEvents by default and on with attachLoners', () => {
    const inputs = docs.map((terms, k) => ({ id: `d${k}`, terms }));
    const alone = (options = {}) => Object.values(groupEvents(inputs, { minScore: 0.01, smoothNeighbors: 0, threshold, ...options }).grouped).filter((e, _, all) => all.indexOf(e) === all.lastIndexOf(e)).length;
    expect(alone()).toBe(4);
    expect(alone({ attachLoners: true, attachMinScore: attach.minScore, attachRatio: attach.ratio })).toBe(1);
  });

  it('takes no partner outside the date window and does nothing unless asked', () => {
    const days = Float64Array.from([0, 0, 9, 0, 0, 0, 0, 0]);
    expect(averageLinkClusters({ vectors: space.vectors, edges, days }, threshold, { windowDays: 3 }, attach)).toContainEqual([2]);
  });
});

describe('neighbour smoothing', () => {
  // a and b word one event differently; c (a wire story) shares words with both; d is elsewhere.
  const docs = [
    { terms: { approval: 2, rating: 2, slump: 1 }, names: {} },
    { terms: { poll: 2, number: 2, fall: 1 }, names: {} },
    { terms: { approval: 1, rating: 1, poll: 1, number: 1, president: 2 }, names: {} },
    { terms: { harbour: 2, ferry: 2, strike: 1 }, names: {} },
  ];
  const space = buildVectors(docs);
  const edges = candidatePairs(space, { minScore: 0.01 });
  const options = { neighbors: 2, weight: 0.3, neighborMinScore: 0.01, windowDays: 3, dimensions: space.vocab.length, minScore: 0.01 };

  it('brings together two articles that share no words but share a close neighbour', () => {
    expect(sparseDot(space.vectors[0], space.vectors[1])).toBe(0);
    expect(edges.some((e) => e.i === 0 && e.j === 1)).toBe(false);
    const smooth = smoothVectors(space.vectors, edges, undefined, options);
    const pair = smooth.edges.find((e) => e.i === 0 && e.j === 1);
    expect(pair?.score).toBeGreaterThan(0.05);
    // every pair is scored exactly on the smoothed, still normalised, vectors
    for (const v of smooth.vectors) expect(sparseDot(v, v)).toBeCloseTo(1, 10);
    for (const e of smooth.edges) expect(e.score).toBeCloseTo(sparseDot(smooth.vectors[e.i], smooth.vectors[e.j]), 12);
    expect(smooth.edges.some((e) => e.i === 3 || e.j === 3)).toBe(false);
  });

  it('takes no neighbour from outside the date window and changes nothing with zero neighbours', () => {
    const far = smoothVectors(space.vectors, edges, Float64Array.from([0, 10, 20, 0]), options);
    expect(far.vectors).toEqual(space.vectors);
    expect(smoothVectors(space.vectors, edges, undefined, { ...options, neighbors: 0 }).vectors).toEqual(space.vectors);
  });
});

describe('docTerms', () => {
  it('counts headline words even when the body never uses them', () => {
    const terms = docTerms(analyzeDoc({ id: 'h', outlet: 'Wire', title: 'Senators reject pipeline permit', text: 'The vote ended late on Tuesday in the capital.' }));
    expect(Object.keys(terms.terms)).toEqual(expect.arrayContaining(['t:pipeline', 't:permit']));
  });

  it('keeps the most frequent body terms and bigrams with exactly their counts, ties in key order', () => {
    // The definition, by strings: content tokens count by lower-cased lemma, proper nouns by
    // their capitalised written form, and two content tokens in a row (stop words between them
    // allowed) of one sentence count as the bigram "a b"; credit lines and lists count nothing.
    const content = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);
    const articles = readFileSync(sampleFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Article);
    for (const article of articles.slice(0, 6)) {
      const doc = analyzeDoc(article);
      const counts = new Map<string, number>();
      const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
      let previous: { key: string; sentence: number } | undefined;
      const nonProse = nonProseSentences(doc);
      for (const t of doc.tokens) {
        if (nonProse[t.sentence]) continue;
        const kept = !t.stop && content.has(t.pos) && (t.type === 'word' || t.type === 'number') && (t.lemma.length > 2 || (t.lemma.length === 2 && !/^\d\d$/.test(t.lemma)));
        if (!kept) {
          if (t.type === 'punctuation' || !t.stop) previous = undefined;
          continue;
        }
        const key = t.pos === 'PROPN' ? t.text.charAt(0).toUpperCase() + t.text.slice(1).toLowerCase() : t.lemma.toLowerCase();
        add(key);
        if (previous && previous.sentence === t.sentence) add(`${previous.key} ${key}`);
        previous = { key, sentence: t.sentence };
      }
      const byCount = ([a, x]: [string, number], [b, y]: [string, number]) => y - x || (a < b ? -1 : 1);
      const expected = [...counts].sort(byCount).slice(0, 40);
      // (an object lists integer-like keys such as "2022" first, whatever the order they were added in)
      const body = Object.entries(docTerms(doc, { maxTerms: 40 }).terms).filter(([key]) => !key.startsWith('t:')).sort(byCount);
      expect(body).toEqual(expected);
      expect(body.some(([key, n]) => key.includes(' ') && n > 1)).toBe(true);
    }
  });
});

describe('groupEvents', () => {
  const article = (id: string, outlet: string, title: string, text: string, event?: string): Article => ({ id, outlet, title, text, event });
  const articles = [
    article('a1', 'Wire', 'River floods Ardel', 'The Ambrel river flooded Ardel province. Rescuers evacuated families from Ostrelka as the river rose.'),
    article('a2', 'Daily', 'Floods hit Ardel', 'Floodwater from the Ambrel river covered Ostrelka. Families in Ardel province were evacuated by rescuers.', 'flood'),
    article('b1', 'Wire', 'Gas deal signed', 'Kestria signed a gas contract with Corvagas. The gas price is fixed for three years, the energy minister said.'),
    article('b2', 'Daily', 'Corvagas contract', 'The energy minister defended the Corvagas gas contract and its fixed price for three winters.'),
  ];
  const inputs = articles.map((a) => ({ id: a.id, terms: docTerms(analyzeDoc(a)), outlet: a.outlet, title: a.title, event: a.event }));

  it('gives ungrouped articles the given id of their group and new ids to new groups, with labels', () => {
    const result = groupEvents(inputs);
    expect(result.assignment.a1).toBe('flood');
    expect(result.assignment.a2).toBe('flood');
    expect(result.assignment.b1).toBe(result.assignment.b2);
    expect(result.assignment.b1).toMatch(/^e\d+-/);
    expect(result.labels[result.assignment.b1]).toBeTruthy();
    const gas = result.events.find((e) => e.id === result.assignment.b1)!;
    expect(gas).toMatchObject({ size: 2, outlets: ['Wire', 'Daily'], given: false });
    expect(result.agreement?.items).toBe(1);
  });

  it('links each grouped article to its closest fellow member, with the shared terms behind the cosine', () => {
    const lone = article('c1', 'Wire', 'Chess final', 'The chess final in Pellan ended in a draw after six hours of play.');
    const result = groupEvents([...inputs, { id: lone.id, terms: docTerms(analyzeDoc(lone)), outlet: lone.outlet, title: lone.title }]);
    expect(result.links.a1).toMatchObject({ doc: 'a2' });
    expect(result.links.a2.doc).toBe('a1');
    expect(result.links.a1.score).toBe(result.links.a2.score);
    expect(result.links.a1.score).toBeGreaterThan(0);
    expect(result.links.a1.shared).toEqual(expect.arrayContaining(['Ostrelka', 'Ardel']));
    expect(result.links.b1.shared).toEqual(expect.arrayContaining(['Corvagas']));
    expect(result.links.b1.shared).not.toContain('Ostrelka');
    expect(result.links.c1).toBeUndefined();
  });
});

describe.skipIf(!existsSync(sampleFile))('sample corpus', () => {
  const articles: Article[] = existsSync(sampleFile)
    ? readFileSync(sampleFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article)
    : [];

  it('recovers the planted events exactly when the given event ids are ignored', () => {
    const outlets = [...new Set(articles.map((a) => a.outlet))];
    const result = groupEvents(
      articles.map((a) => ({ id: a.id, terms: docTerms(analyzeDoc(a, { outlets })), outlet: a.outlet, title: a.title, date: a.date })),
    );
    const gold = new Map(articles.map((a) => [a.id, a.event!]));
    const score = bcubed(new Map(Object.entries(result.grouped)), gold);
    expect(score.f1).toBe(1);
    expect(result.events).toHaveLength(new Set(gold.values()).size);
  });
});

describe('events table dates', () => {
  it('shows an event’s dates by day, also when an article’s date carries a time', () => {
    expect(dateRange('2025-06-09', '2025-06-10T05:30:00.000Z')).toBe('2025-06-09 – 2025-06-10');
    expect(dateRange('2025-06-10T01:00:00Z', '2025-06-10T23:00:00Z')).toBe('2025-06-10');
    expect(dateRange(undefined, undefined)).toBe('');
  });
});
