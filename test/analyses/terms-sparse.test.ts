/**
 * The terms summary's sparse counting (term-table.ts, sparse-keyness.ts, frequentTerms): it must
 * give exactly what counting into Maps and scoring with keyness / frequencyRows give — the same
 * terms, numbers and order, ties included — for any counts, and on the sample corpus through
 * summarizeTerms.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import { docCounts, frequencyRows, frequentTerms } from '../../analyses/terms/term-counts.js';
import { keyness } from '../../analyses/terms/keyness.js';
import { KeynessVocabulary, sparseKeyness } from '../../analyses/terms/sparse-keyness.js';
import { GroupSummer, TermTableBuilder, type SparseGroup } from '../../analyses/terms/term-table.js';
import { packTermsDoc } from '../../analyses/terms/terms-codec.js';
import { summarizeTerms, termCounts, termsDocFromAnalyzed } from '../../analyses/terms/index.js';
import { isOwnName, ownNameWords } from '../../analyses/terms/own-name.js';
import type { CountOptions, GroupCounts, TermsDoc } from '../../analyses/terms/types.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const readSample = (): Article[] => readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** Groups of term counts as Maps (first-seen order) and the same groups as SparseGroups over their sorted vocabulary. */
function bothForms(groups: Array<{ name: string; tokens: number; counts: Array<[string, number]> }>) {
  const terms = [...new Set(groups.flatMap((g) => g.counts.map(([t]) => t)))].sort();
  const id = new Map(terms.map((t, i) => [t, i]));
  const maps = new Map<string, GroupCounts>();
  const sparse: SparseGroup[] = [];
  for (const g of groups) {
    const counts = new Map<string, number>();
    for (const [t, c] of g.counts) counts.set(t, (counts.get(t) ?? 0) + c);
    maps.set(g.name, { tokens: g.tokens, docs: 1, counts, docFreq: new Map([...counts.keys()].map((t) => [t, 1])) });
    const ids = Int32Array.from([...counts.keys()].map((t) => id.get(t)!));
    sparse.push({ name: g.name, docs: 1, tokens: g.tokens, ids, counts: Int32Array.from(counts.values()), docFreq: new Int32Array(ids.length).fill(1) });
  }
  return { terms, maps, sparse };
}

// Few distinct terms and small counts, so pooled counts, z-scores and frequencies tie often.
const groupsArb = fc
  .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'), { minLength: 2, maxLength: 6 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.record({
          name: fc.constant(name),
          counts: fc.array(fc.tuple(fc.constantFrom('war', 'peace', 'tax', 'vote', 'riot', 'ab', 'a\u00adb', 'Zed', 'zed', 'éclat', 'law', 'order'), fc.integer({ min: 1, max: 4 })), { maxLength: 10 }),
          extra: fc.integer({ min: 0, max: 30 }),
        }),
      ),
    ),
  )
  .map((groups) => groups.map((g) => ({ name: g.name, counts: g.counts, tokens: g.counts.reduce((s, [, c]) => s + c, 0) + g.extra })));

describe('sparse keyness', () => {
  it('gives exactly what keyness gives on Maps of counts, for any groups, limit, prior and minimum count', () => {
    fc.assert(
      fc.property(groupsArb, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.option(fc.constantFrom(1, 10, 1000), { nil: undefined }), (groups, limit, minCount, prior) => {
        const { terms, maps, sparse } = bothForms(groups);
        const vocabulary = new KeynessVocabulary(terms);
        const expected = keyness(maps, { minCount, prior, limit });
        expect(sparseKeyness(sparse, vocabulary, { minCount, prior, limit })).toEqual(expected);
        // only over-used terms, when under-used ones are not wanted
        expect(sparseKeyness(sparse, vocabulary, { minCount, prior, limit, bottom: false })).toEqual(expected.map((k) => ({ ...k, bottom: [] })));
        // against a reference group, without a limit
        const reference = groups[groups.length - 1].name;
        expect(sparseKeyness(sparse, vocabulary, { minCount, prior, reference })).toEqual(keyness(maps, { minCount, prior, reference }));
        // the vocabulary's scratch arrays are left clean for the next call
        expect(vocabulary.pooled.every((v) => v === 0) && vocabulary.flags.every((v) => v === 0) && vocabulary.referenceCount.every((v) => v === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('lists the most frequent terms as frequencyRows does, equal counts in locale order and then first seen', () => {
    fc.assert(
      fc.property(groupsArb, fc.integer({ min: -2, max: 8 }), (groups, limit) => {
        const { terms, maps, sparse } = bothForms(groups);
        for (const g of sparse) expect(frequentTerms(g, terms, limit)).toEqual(frequencyRows(maps.get(g.name)!, { limit }));
      }),
    );
  });
});

describe('term table', () => {
  const articles = readSample();
  const plain = articles.map((a) => termsDocFromAnalyzed(analyzeDoc(a)));
  const options: CountOptions[] = [{}, { ngram: 3, lemma: true, stopWords: true, numbers: true }, { ngram: 2, minNgram: 2, lemma: true }];

  it('counts every document’s n-grams as docCounts does, from plain and packed documents, in first-seen order', () => {
    for (const count of options) {
      for (const packed of [false, true]) {
        const builder = new TermTableBuilder(count);
        for (const d of plain) builder.add(packed ? packTermsDoc(d) : d);
        const table = builder.build();
        expect(table.terms).toEqual([...table.terms].sort());
        plain.forEach((d, i) => {
          const postings = [...table.termOf.subarray(table.docStart[i], table.docStart[i + 1])].map((id, k) => [table.terms[id], table.countOf[table.docStart[i] + k]]);
          expect(postings).toEqual([...docCounts(d, count)]);
        });
      }
    }
  });

  it('counts the unigrams of any packed document as docCounts does, whatever the case, script or kind of its tokens', () => {
    const token = fc.oneof(fc.string({ unit: 'binary', maxLength: 5 }), fc.constantFrom('War', 'WAR', 'war', 'İstanbul', 'ΣΑΣ', 'Éclat', 'éclat', '\uD83D', '', 'a b', 'Ab'.repeat(9)));
    const docArb = fc.array(fc.record({ text: token, kind: fc.constantFrom('w', 's', 'n', 'p', 'x'), sentence: fc.boolean() }), { maxLength: 30 }).map(
      (tokens): TermsDoc => ({
        words: tokens.length,
        text: tokens.map((t) => t.text),
        start: tokens.map((_, i) => 10 * i),
        lemma: {},
        kind: tokens.map((t) => t.kind).join(''),
        sentences: tokens.flatMap((t, i) => (t.sentence ? [i] : [])),
      }),
    );
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 5 }), fc.constantFrom<CountOptions>({}, { stopWords: true }, { numbers: true, stopWords: true }), (docs, count) => {
        const builder = new TermTableBuilder(count);
        for (const d of docs) builder.add(packTermsDoc(d));
        const table = builder.build();
        docs.forEach((d, i) => {
          const postings = [...table.termOf.subarray(table.docStart[i], table.docStart[i + 1])].map((id, k) => [table.terms[id], table.countOf[table.docStart[i] + k]]);
          expect(postings).toEqual([...docCounts(d, count)]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('sums groups of documents as termCounts does', () => {
    const builder = new TermTableBuilder({});
    plain.forEach((d) => builder.add(d));
    const table = builder.build();
    const summer = new GroupSummer(table);
    const expected = termCounts(articles.map((a, i) => ({ ...plain[i], id: a.id, outlet: a.outlet })), { by: 'outlet' });
    for (const [outlet, group] of expected) {
      const docs = articles.flatMap((a, i) => (a.outlet === outlet ? [i] : []));
      const sum = summer.sum(outlet, docs, true);
      expect({ docs: sum.docs, tokens: sum.tokens }).toEqual({ docs: group.docs, tokens: group.tokens });
      expect([...sum.ids].map((id, k) => [table.terms[id], sum.counts[k], sum.docFreq![k]])).toEqual([...group.counts].map(([t, c]) => [t, c, group.docFreq.get(t)]));
    }
  });

  it('gives the summary keyness and frequencyRows give on the counts of each outlet, event and outlet within an event', () => {
    const index = buildCorpusIndex(articles, new Map(articles.map((a, i) => [a.id, plain[i].words])));
    const perDoc = new Map(articles.map((a, i) => [a.id, packTermsDoc(plain[i])]));
    const docs = articles.map((a, i) => ({ ...plain[i], id: a.id, outlet: a.outlet, event: a.event }));
    const summary = summarizeTerms(perDoc, index, { minCount: 2, limit: 7 });
    // An outlet's own name is left out of its top terms (own-name.ts), nothing else.
    const ownOut = (outlet: string, top: Array<{ term: string }>) => top.filter((t) => !isOwnName(t.term, ownNameWords(outlet)));
    const byOutlet = termCounts(docs, { by: 'outlet' });
    const outletKeys = keyness(byOutlet, { minCount: 2, limit: 7 });
    // the summary lists outlets in the corpus index's order, termCounts in first-seen order
    expect(summary.outlets.map((o) => o.group).sort()).toEqual(outletKeys.map((k) => k.group).sort());
    for (const o of summary.outlets) {
      const k = outletKeys.find((x) => x.group === o.group)!;
      expect({ top: o.top, bottom: o.bottom, frequent: o.frequent }).toEqual({ top: ownOut(o.group, k.top), bottom: k.bottom, frequent: frequencyRows(byOutlet.get(o.group)!, { limit: 30 }) });
    }
    const eventKeys = keyness(termCounts(docs, { by: 'event' }), { minCount: 2, limit: 20 });
    expect(summary.events.length).toBeGreaterThan(1);
    for (const event of summary.events) {
      expect(event.top).toEqual(eventKeys.find((k) => k.group === event.event)!.top);
      const within = keyness(termCounts(docs.filter((d) => d.event === event.event), { by: 'outlet' }), { minCount: 2, limit: 10 });
      expect(event.outlets.map((o) => [o.group, o.top, o.bottom])).toEqual(within.map((k) => [k.group, ownOut(k.group, k.top), k.bottom]));
    }
  });
});
