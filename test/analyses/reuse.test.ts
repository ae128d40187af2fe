import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignRuns } from '../../analyses/reuse/align.js';
import { findReuse } from '../../analyses/reuse/find.js';
import { reuseFingerprint } from '../../analyses/reuse/fingerprints.js';
import { fnv1a, minhash, minhashJaccard, shingleHashes } from '../../analyses/reuse/hash.js';
import { packReuseDoc, withSpanText } from '../../analyses/reuse/index.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import type { Article } from '../../src/corpus/article.js';

const sampleFile = fileURLToPath(new URL('../../data/sample/articles.jsonl', import.meta.url));
const plantedFile = fileURLToPath(new URL('../../data/sample/planted.json', import.meta.url));

describe('hashing', () => {
  it('MinHash agreement estimates Jaccard: identical sets agree fully, disjoint sets hardly at all', () => {
    const a = shingleHashes('the river rose overnight and flooded the valley'.split(' '), 2);
    const b = shingleHashes('a gas deal was signed by the energy minister today'.split(' '), 2);
    expect(minhashJaccard(minhash(a, 64), minhash(a, 64))).toBe(1);
    expect(minhashJaccard(minhash(a, 64), minhash(b, 64))).toBeLessThan(0.1);
    expect(fnv1a('x')).toBe(fnv1a('x'));
  });
});

describe('alignRuns', () => {
  it('chains consecutive matches, bridges a one-sentence gap and drops isolated matches', () => {
    const runs = alignRuns(
      [
        { a: 0, b: 3, score: 1 },
        { a: 1, b: 4, score: 1 },
        { a: 3, b: 5, score: 0.7 }, // a skips one sentence
        { a: 9, b: 0, score: 1 }, // isolated
      ],
      1,
      2,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0].map((m) => [m.a, m.b])).toEqual([[0, 3], [1, 4], [3, 5]]);
  });

  it('does not let two runs overlap on either side', () => {
    const runs = alignRuns(
      [
        { a: 0, b: 0, score: 1 },
        { a: 1, b: 1, score: 1 },
        { a: 0, b: 5, score: 1 },
        { a: 1, b: 6, score: 1 },
      ],
      1,
      2,
    );
    expect(runs).toHaveLength(1);
  });
});

describe('findReuse', () => {
  const wire =
    'Heavy rain swelled the Ambrel river on Friday morning. Officials in Ardel ordered about two thousand residents to leave their homes. ' +
    'Rescue teams used boats to reach villages cut off by the water. The regional governor said more rain was expected over the weekend.';
  const articles: Article[] = [
    { id: 'wire', outlet: 'Wire', title: 'Floods', text: wire, date: '2025-06-06' },
    {
      id: 'reprint',
      outlet: 'Daily',
      title: 'Our flood story',
      text: 'Our own introduction sentence comes first here today. ' + wire.replace('on Friday morning', 'on Friday'),
      date: '2025-06-07',
    },
    { id: 'other', outlet: 'Daily', title: 'Gas', text: 'The energy minister signed a gas contract with a foreign supplier for three years at a fixed price per unit.' },
  ];
  const inputs = articles.map((a) => ({ id: a.id, outlet: a.outlet, date: a.date, print: reuseFingerprint(analyzeDoc(a)) }));

  it('finds the reprinted passage with char spans on both sides and names the earlier article', () => {
    const summary = withSpanText(findReuse(inputs), (id) => articles.find((a) => a.id === id)?.text);
    expect(summary.passages).toHaveLength(1);
    const p = summary.passages[0];
    expect([p.a, p.b]).toEqual(['reprint', 'wire']); // side a is the id that sorts first
    expect(p.sentences).toBe(4);
    expect(p.identical).toBe(3); // one sentence was edited, still matched as near-identical
    expect(p.earlier).toBe('wire');
    expect(p.bSpan).toMatchObject({ start: 0, end: wire.length });
    expect(p.aSpan.text?.startsWith('Heavy rain swelled')).toBe(true);
    expect(p.aSpan.text?.endsWith('over the weekend.')).toBe(true);
  });

  it('finds the same passage from packed fingerprints as from plain ones', () => {
    const packed = inputs.map((d) => ({ ...d, print: packReuseDoc(d.print) }));
    expect(findReuse(packed)).toEqual(findReuse(inputs));
  });

  it('treats a sentence held by more than maxPosting articles as boilerplate', () => {
    const copies = ['one', 'two', 'three'].map((id) => ({ id, outlet: id, print: reuseFingerprint(analyzeDoc({ id, outlet: id, title: '', text: wire })) }));
    expect(findReuse(copies, { maxPosting: 2 }).passages).toHaveLength(0);
    expect(findReuse(copies, { maxPosting: 3 }).passages.map((p) => [p.a, p.b])).toEqual([['one', 'three'], ['one', 'two'], ['three', 'two']]);
  });

  it('finds nothing among no articles', () => {
    expect(findReuse([])).toEqual({ passages: [], pairs: [] });
  });

  it('ignores reuse inside one outlet unless asked', () => {
    const same = inputs.map((d) => ({ ...d, outlet: 'One' }));
    expect(findReuse(same).passages).toHaveLength(0);
    expect(findReuse(same, { sameOutlet: true }).passages).toHaveLength(1);
  });
});

describe.skipIf(!existsSync(sampleFile) || !existsSync(plantedFile))('sample corpus', () => {
  it('finds the reprinted wire story as reuse between the wire and both reprinting outlets', () => {
    const articles = readFileSync(sampleFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article);
    const planted = JSON.parse(readFileSync(plantedFile, 'utf8')).wireReprint as { original: string; reprints: Array<{ doc: string }> };
    const summary = findReuse(articles.map((a) => ({ id: a.id, outlet: a.outlet, date: a.date, print: reuseFingerprint(analyzeDoc(a)) })));
    for (const { doc } of planted.reprints) {
      const passage = summary.passages.find((p) => [p.a, p.b].includes(planted.original) && [p.a, p.b].includes(doc));
      expect(passage, `${planted.original} ↔ ${doc}`).toBeDefined();
      expect(passage!.sentences).toBeGreaterThanOrEqual(10);
      const pair = summary.pairs.find((p) => [p.a, p.b].includes(planted.original) && [p.a, p.b].includes(doc))!;
      expect(pair.nearDuplicate).toBe(true);
    }
    // Nothing else in the corpus is copied: every passage involves the wire story or its reprints.
    const wireFamily = new Set([planted.original, ...planted.reprints.map((r) => r.doc)]);
    for (const p of summary.passages) expect(wireFamily.has(p.a) && wireFamily.has(p.b)).toBe(true);
  });

  it('gives the same summary whatever the order of the articles', () => {
    const articles = readFileSync(sampleFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article);
    // The wire story twice more under other ids and outlets: passages of equal length, so ties must sort the same.
    const planted = JSON.parse(readFileSync(plantedFile, 'utf8')).wireReprint as { original: string };
    const original = articles.find((a) => a.id === planted.original)!;
    const copies = ['copy-x', 'copy-y'].map((id, k) => ({ ...original, id, outlet: `Copier ${k}`, date: undefined }));
    const inputs = [...articles, ...copies].map((a) => ({ id: a.id, outlet: a.outlet, date: a.date, print: reuseFingerprint(analyzeDoc(a)) }));
    const summary = findReuse(inputs);
    expect(summary.passages.length).toBeGreaterThan(3);
    for (const seed of [1, 2, 3]) expect(findReuse(shuffled(inputs, seed))).toEqual(summary);
    expect(findReuse([...inputs].reverse())).toEqual(summary);
  });
});

/** A copy of `items` in a pseudo-random order fixed by `seed` (Fisher–Yates with an LCG). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
