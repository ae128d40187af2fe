import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignRuns } from '../../analyses/reuse/align.js';
import { findReuse } from '../../analyses/reuse/find.js';
import { reuseFingerprint } from '../../analyses/reuse/fingerprints.js';
import { fnv1a, minhash, minhashJaccard, shingleHashes } from '../../analyses/reuse/hash.js';
import { withSpanText } from '../../analyses/reuse/index.js';
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
    expect([p.a, p.b]).toEqual(['wire', 'reprint']);
    expect(p.sentences).toBe(4);
    expect(p.identical).toBe(3); // one sentence was edited, still matched as near-identical
    expect(p.earlier).toBe('wire');
    expect(p.aSpan).toMatchObject({ start: 0, end: wire.length });
    expect(p.bSpan.text?.startsWith('Heavy rain swelled')).toBe(true);
    expect(p.bSpan.text?.endsWith('over the weekend.')).toBe(true);
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
});
