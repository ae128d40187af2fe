/**
 * Terms analysis: keyness statistics against hand-computed values, their symmetry and
 * monotonicity, n-gram counting rules, the summary, charts and the planted distinctive words of
 * the sample corpus.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import {
  distinctiveChart,
  frequencyRows,
  keyness,
  logLikelihood,
  logOddsDirichlet,
  logRatio,
  scatterChart,
  simpleTermsDoc,
  summarizeTerms,
  termCounts,
  termsDocFromAnalyzed,
  terms,
} from '../../analyses/terms/index.js';
import type { TermsDoc } from '../../analyses/terms/index.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const PLANTED = new URL('../../data/sample/planted.json', import.meta.url);
const readSample = (): Article[] => readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const article = (id: string, outlet: string, text: string, event?: string): Article => ({ id, outlet, title: id, text, event });

describe('keyness statistics', () => {
  // Group A: 10 tokens, x 4, y 1. Group B: 10 tokens, x 1, y 5. Prior α0 = 10, so
  // α_x = 10 · 5/20 = 2.5 and α_y = 10 · 6/20 = 3. Values worked out by hand from the formulas
  // (δ = ln(6.5/13.5) − ln(3.5/16.5), σ² = 1/6.5 + 1/3.5, G² = 2(4 ln(4/2.5) + ln(1/2.5))).
  const counts = { A: { tokens: 10, counts: { x: 4, y: 1 } }, B: { tokens: 10, counts: { x: 1, y: 5 } } };

  it('matches hand-computed log-odds z, G² and log ratio for an over-used term', () => {
    const [a] = keyness(counts, { prior: 10, minCount: 1 });
    const x = a.top.find((t) => t.term === 'x')!;
    expect(x.delta).toBeCloseTo(0.81970990, 7);
    expect(x.z).toBeCloseTo(1.23637690, 7);
    expect(x.g2).toBeCloseTo(1.92744757, 7);
    expect(x.logRatio).toBeCloseTo(2, 10);
    expect(x).toMatchObject({ count: 4, otherCount: 1, rate: 4000, otherRate: 1000 });
  });

  it('matches hand-computed values for an under-used term, listed in bottom with a negative z', () => {
    const [a] = keyness(counts, { prior: 10, minCount: 1 });
    expect(a.top.map((t) => t.term)).toEqual(['x']);
    const y = a.bottom[0];
    expect(y.term).toBe('y');
    expect(y.z).toBeCloseTo(-1.60168746, 7);
    expect(y.g2).toBeCloseTo(2.91103166, 7);
    expect(y.logRatio).toBeCloseTo(Math.log2(1 / 5), 10);
  });

  it('uses the pooled token count as the default prior strength', () => {
    const [withDefault] = keyness(counts, { minCount: 1 });
    const [explicit] = keyness(counts, { minCount: 1, prior: 20 });
    expect(withDefault.top[0].z).toBe(explicit.top[0].z);
  });

  it('gives zero G² and zero log ratio when rates are equal', () => {
    expect(logLikelihood(5, 100, 10, 200)).toBeCloseTo(0, 12);
    expect(logRatio(5, 100, 10, 200)).toBeCloseTo(0, 12);
    expect(logOddsDirichlet(5, 100, 5, 100, 1, 10).z).toBe(0);
  });

  const twoGroups = fc.record({
    a: fc.dictionary(fc.constantFrom('w1', 'w2', 'w3', 'w4', 'w5'), fc.integer({ min: 0, max: 50 }), { minKeys: 1 }),
    b: fc.dictionary(fc.constantFrom('w1', 'w2', 'w3', 'w4', 'w5'), fc.integer({ min: 0, max: 50 }), { minKeys: 1 }),
    extraA: fc.integer({ min: 1, max: 200 }),
    extraB: fc.integer({ min: 1, max: 200 }),
  });
  const total = (c: Record<string, number>) => Object.values(c).reduce((s, v) => s + v, 0);

  it('negates z and log ratio and keeps G² when two groups are swapped', () => {
    fc.assert(
      fc.property(twoGroups, ({ a, b, extraA, extraB }) => {
        const A = { tokens: total(a) + extraA, counts: a };
        const B = { tokens: total(b) + extraB, counts: b };
        const [ab] = keyness({ A, B }, { minCount: 1 });
        const [ba] = keyness({ B, A }, { minCount: 1 });
        const all = (g: typeof ab) => new Map([...g.top, ...g.bottom].map((t) => [t.term, t]));
        const x = all(ab);
        const y = all(ba);
        expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
        for (const [term, t] of x) {
          expect(y.get(term)!.z).toBeCloseTo(-t.z, 9);
          expect(y.get(term)!.logRatio).toBeCloseTo(-t.logRatio, 9);
          expect(y.get(term)!.g2).toBeCloseTo(t.g2, 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('raises the log-odds δ whenever a group uses a term more, and z too once the term is over-used', () => {
    // z = δ/σ and σ shrinks as counts grow, so for an under-used term (δ < 0) more uses can
    // make z more negative; the property users rely on is monotone δ, and monotone z above 0.
    const counts = fc.integer({ min: 0, max: 500 });
    fc.assert(
      fc.property(counts, counts, fc.integer({ min: 1, max: 50 }), fc.double({ min: 0.01, max: 50, noNaN: true }), (y1, y2, more, alphaW) => {
        const n1 = 1000;
        const n2 = 1500;
        const alpha0 = 200;
        const before = logOddsDirichlet(y1, n1, y2, n2, alphaW, alpha0);
        const after = logOddsDirichlet(y1 + more, n1, y2, n2, alphaW, alpha0);
        expect(after.delta).toBeGreaterThan(before.delta);
        if (before.delta >= 0) expect(after.z).toBeGreaterThan(before.z);
      }),
      { numRuns: 300 },
    );
  });

  it('raises an over-used term’s z, G² and log ratio when the group uses it more (pooled prior)', () => {
    fc.assert(
      fc.property(twoGroups, fc.integer({ min: 1, max: 20 }), ({ a, b, extraA, extraB }, more) => {
        const term = 'w1';
        const tokensA = total(a) + extraA + more;
        const B = { tokens: total(b) + extraB, counts: { ...b, [term]: (b[term] ?? 0) + 1 } };
        const score = (countsA: Record<string, number>) => {
          const [g] = keyness({ A: { tokens: tokensA, counts: countsA }, B }, { minCount: 1 });
          return [...g.top, ...g.bottom].find((t) => t.term === term);
        };
        const before = score(a);
        fc.pre(before !== undefined && before.z > 0);
        const after = score({ ...a, [term]: (a[term] ?? 0) + more })!;
        expect(after.z).toBeGreaterThan(before!.z);
        expect(after.g2).toBeGreaterThan(before!.g2);
        expect(after.logRatio).toBeGreaterThan(before!.logRatio);
      }),
      { numRuns: 300 },
    );
  });

  it('compares every group with a named reference group, and skips the reference itself', () => {
    const groups = {
      A: { tokens: 100, counts: { peace: 10, war: 1 } },
      B: { tokens: 100, counts: { peace: 1, war: 10 } },
      C: { tokens: 100, counts: { peace: 5, war: 5 } },
    };
    const scored = keyness(groups, { reference: 'B', minCount: 1 });
    expect(scored.map((g) => g.group)).toEqual(['A', 'C']);
    expect(scored[0].top[0]).toMatchObject({ term: 'peace', count: 10, otherCount: 1 });
    expect(() => keyness(groups, { reference: 'Z' })).toThrow(/reference group 'Z'/);
  });

  it('compares every group with a background corpus when one is given', () => {
    const [a] = keyness({ A: { tokens: 50, counts: { flood: 8, rain: 1 } } }, { background: { tokens: 1000, counts: { flood: 2, rain: 40 } }, minCount: 1 });
    expect(a.otherTokens).toBe(1000);
    expect(a.top[0]).toMatchObject({ term: 'flood', count: 8, otherCount: 2 });
    expect(a.bottom[0]).toMatchObject({ term: 'rain', count: 1, otherCount: 40 });
  });

  it('prunes terms below the minimum count before scoring and caps each direction at limit', () => {
    const groups = { A: { tokens: 100, counts: { a: 9, b: 8, c: 7, rare: 2 } }, B: { tokens: 100, counts: { d: 9, e: 8, f: 7 } } };
    const [a] = keyness(groups, { minCount: 3, limit: 2 });
    expect(a.top.map((t) => t.term)).toEqual(['a', 'b']);
    expect(a.bottom.map((t) => t.term)).toEqual(['d', 'e']);
    expect([...a.top, ...a.bottom].some((t) => t.term === 'rare')).toBe(false);
  });
});

describe('termCounts', () => {
  it('counts n-grams inside sentences only, without stop-word edges or numbers by default', () => {
    const docs = [article('d1', 'A', 'The peace talks failed. Talks resumed in 2025 after the peace talks.')];
    const counts = termCounts(docs, { ngram: 2 }).get('A')!;
    expect(counts.counts.get('peace talks')).toBe(2);
    expect(counts.counts.get('talks')).toBe(3);
    expect(counts.counts.has('failed talks')).toBe(false); // crosses the sentence end
    expect(counts.counts.has('the peace')).toBe(false); // starts with a stop word
    expect(counts.counts.has('2025')).toBe(false);
    expect(counts.tokens).toBe(12);
  });

  it('counts an abbreviation with and without its period as one word, from the text layer and plain text', () => {
    const docs = [article('d1', 'A', 'Mr. Halvik met Dr Orsa.'), article('d2', 'B', 'Mr Halvik met Dr. Orsa in St. Ives.')];
    for (const input of [docs.map((d) => analyzeDoc(d)), docs]) {
      const counts = termCounts(input);
      expect(counts.get('A')!.counts.get('mr')).toBe(1);
      expect(counts.get('B')!.counts.get('mr')).toBe(1);
      expect(counts.get('A')!.counts.get('dr')).toBe(1);
      expect(counts.get('B')!.counts.get('dr')).toBe(1);
      expect(counts.get('B')!.counts.has('mr.')).toBe(false);
    }
    // the evidence span is the word without its period
    const doc = termsDocFromAnalyzed(analyzeDoc(docs[0]));
    const i = doc.text.indexOf('Mr');
    expect(docs[0].text.slice(doc.start[i], doc.start[i] + doc.text[i].length)).toBe('Mr');
  });

  it('keeps stop words and numbers when asked, and lets stop words sit inside longer n-grams', () => {
    const docs = [article('d1', 'A', 'The rule of law held in 2025.')];
    const kept = termCounts(docs, { ngram: 3, stopWords: true, numbers: true }).get('A')!;
    expect(kept.counts.get('the')).toBe(1);
    expect(kept.counts.get('in 2025')).toBe(1);
    const dropped = termCounts(docs, { ngram: 3 }).get('A')!;
    expect(dropped.counts.get('rule of law')).toBe(1);
    expect(dropped.counts.has('of law')).toBe(false);
  });

  it('groups by outlet, event, event and outlet, or any field through a function', () => {
    const docs = [
      { ...article('d1', 'A', 'Floods hit the north.', 'flood'), meta: { lean: 'left' } },
      { ...article('d2', 'B', 'Floods and more floods.', 'flood'), meta: { lean: 'right' } },
      { ...article('d3', 'B', 'Talks stall.'), meta: { lean: 'right' } },
    ];
    expect([...termCounts(docs, { by: 'event' }).keys()]).toEqual(['flood']);
    expect([...termCounts(docs, { by: 'event-outlet' }).keys()]).toEqual(['flood | A', 'flood | B']);
    const byLean = termCounts(docs, { by: (_, input) => (input as Article).meta?.lean as string });
    expect(byLean.get('right')!.counts.get('floods')).toBe(2);
    expect(byLean.get('right')!.docs).toBe(2);
    expect(byLean.get('right')!.docFreq.get('floods')).toBe(1);
  });

  it('lists frequencies with counts, rates per 10k tokens and document counts side by side', () => {
    const group = termCounts([article('d1', 'A', 'Storm, storm, storm and rain.')]).get('A')!;
    expect(frequencyRows(group)[0]).toEqual({ term: 'storm', count: 3, rate: 6000, docs: 1 });
  });

  it('rejects an n-gram range outside 1..5', () => {
    expect(() => termCounts([], { ngram: 0 })).toThrow(/n-gram range/);
    expect(() => termCounts([], { ngram: 2, minNgram: 3 })).toThrow(/n-gram range/);
  });
});

describe('token streams', () => {
  it('keeps exact offsets from the simple tokenizer', () => {
    const text = 'Kyiv’s mayor, in 2025: “well-known” facts.';
    const doc = simpleTermsDoc(text);
    doc.text.forEach((t, i) => expect(text.slice(doc.start[i], doc.start[i] + t.length)).toBe(t));
    expect(doc.text).toContain('well-known');
  });

  it('joins hyphenated compounds that the text layer splits, with exact offsets and a lemma', () => {
    const text = 'Foreign-backed militants attacked. Anti-war groups marched.';
    const doc = termsDocFromAnalyzed(analyzeDoc(article('d', 'A', text)));
    const i = doc.text.indexOf('Foreign-backed');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(text.slice(doc.start[i], doc.start[i] + doc.text[i].length)).toBe('Foreign-backed');
    expect(doc.text).toContain('Anti-war');
    expect(doc.lemma[doc.text.indexOf('militants')]).toBe('militant');
  });
});

describe('terms on the sample corpus', () => {
  const articles = readSample();
  const analyzed = articles.map((a) => analyzeDoc(a));
  const planted = JSON.parse(readFileSync(PLANTED, 'utf8')).distinctiveWords as Record<string, string[]>;

  it('ranks every planted distinctive word of each outlet in its top 10 by z and by G²', () => {
    const scored = keyness(termCounts(analyzed, { by: 'outlet' }));
    expect(scored.map((g) => g.group).sort()).toEqual(Object.keys(planted).sort());
    for (const g of scored) {
      const byZ = g.top.slice(0, 10).map((t) => t.term);
      const byG2 = [...g.top].sort((a, b) => b.g2 - a.g2).slice(0, 10).map((t) => t.term);
      for (const word of planted[g.group]) {
        expect(byZ, `${word} in ${g.group} by z`).toContain(word);
        expect(byG2, `${word} in ${g.group} by G²`).toContain(word);
      }
    }
  });

  it('summarizes per outlet, per event and per outlet within an event, with KWIC lines that point at the term', () => {
    const perDoc = new Map(analyzed.map((d) => [d.article.id, terms.perDoc(d, { lexiconFiles: [], options: {}, outlets: [] })]));
    const index = buildCorpusIndex(articles, new Map(analyzed.map((d) => [d.article.id, d.words])));
    const summary = summarizeTerms(perDoc, index);
    expect(summary.outlets).toHaveLength(5);
    expect(summary.events.length).toBe(6);
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const outlet of summary.outlets) {
      expect(outlet.top.length).toBeGreaterThan(0);
      expect(outlet.top.length).toBeLessThanOrEqual(50);
      for (const [term, lines] of Object.entries(outlet.examples)) {
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          const source = byId.get(line.doc)!;
          expect(source.outlet).toBe(outlet.group);
          expect(source.text.slice(line.start, line.end).toLowerCase()).toBe(term);
        }
      }
    }
    const clash = summary.events.find((e) => e.event === 'border-clash')!;
    expect(clash.outlets.length).toBe(5);
    expect(clash.outlets.some((o) => o.top.length > 0)).toBe(true);
    expect(summary.scatter?.points.length).toBeGreaterThan(20);
  });

  it('builds charts that vega-lite compiles', () => {
    const perDoc = new Map<string, TermsDoc>(analyzed.map((d) => [d.article.id, termsDocFromAnalyzed(d)]));
    const index = buildCorpusIndex(articles, new Map(analyzed.map((d) => [d.article.id, d.words])));
    const summary = summarizeTerms(perDoc, index);
    const charts = terms.charts!(summary, index);
    expect(Object.keys(charts).sort()).toEqual(['distinctive', 'scatter']);
    for (const spec of [distinctiveChart(summary, index), scatterChart(summary)!]) {
      expect(() => compile(spec as never)).not.toThrow();
    }
  });
});
