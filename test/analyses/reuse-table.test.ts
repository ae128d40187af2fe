import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByKey } from '../../analyses/reuse/radix-sort.js';
import { hasSignature, reuseTable } from '../../analyses/reuse/reuse-table.js';
import { packReuseDoc } from '../../analyses/reuse/reuse-codec.js';
import { reuseFingerprint } from '../../analyses/reuse/fingerprints.js';
import { SENTENCE_SIG, type ReuseDoc } from '../../analyses/reuse/types.js';
import { analyzeDoc } from '../../src/text/analyze.js';

describe('sortByKey', () => {
  it('sorts keys ascending and keeps entries with equal keys in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 0xffffffff })), fc.nat()), { maxLength: 300 }), (entries) => {
        const keys = Uint32Array.from(entries, ([k]) => k);
        const refs = Uint32Array.from(entries, (_, i) => i);
        sortByKey(keys, refs);
        const expected = entries.map(([k], i) => [k, i]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect([...keys]).toEqual(expected.map(([k]) => k));
        expect([...refs]).toEqual(expected.map(([, i]) => i));
      }),
    );
  });
});

describe('reuseTable', () => {
  const texts = {
    b: 'The council approved the new budget on Tuesday evening. Critics said the plan cut too much from schools. "We will appeal," one said.',
    a: 'Heavy rain swelled the river on Friday. Officials ordered residents to leave. Boats reached the villages cut off by the water.',
  };
  const prints = Object.entries(texts).map(([id, text]) => ({
    id,
    outlet: id === 'a' ? 'One' : 'Two',
    date: id === 'a' ? '2025-06-06' : 'not a date',
    print: reuseFingerprint(analyzeDoc({ id, outlet: 'X', title: '', text })),
  }));

  it('puts articles in order of id and every sentence span, hash and signature where the layout says', () => {
    const table = reuseTable(prints);
    expect(table.ids).toEqual(['a', 'b']);
    expect(Number.isNaN(table.time[1])).toBe(true);
    expect(table.outlet[0]).not.toBe(table.outlet[1]);
    const byId = new Map(prints.map((p) => [p.id, p.print]));
    table.ids.forEach((id, d) => {
      const doc = byId.get(id)!;
      expect(table.first[d + 1] - table.first[d]).toBe(doc.sentences.length);
      doc.sentences.forEach((s, k) => {
        const t = table.first[d] + k;
        expect(table.docOf[t]).toBe(d);
        expect([table.start[t], table.end[t], table.words[t], table.values[table.at[t]]]).toEqual([s.start, s.end, s.words, s.hash]);
        expect(hasSignature(table, t)).toBe(s.sig.length === SENTENCE_SIG);
        expect([...table.values.subarray(table.at[t] + 1, table.at[t + 1])]).toEqual(s.sig);
      });
      expect([...table.docSig.subarray(table.docSigAt[d], table.docSigAt[d + 1])]).toEqual(doc.sig);
    });
  });

  it('reads packed fingerprints into exactly the table their plain forms make', () => {
    const packed = prints.map((p) => ({ ...p, print: packReuseDoc(p.print) }));
    expect(reuseTable(packed)).toEqual(reuseTable(prints));
  });

  it('refuses a packed fingerprint whose hashes do not match its spans', () => {
    const doc: ReuseDoc = { sentences: [{ start: 0, end: 9, words: 2, hash: 1, sig: Array.from({ length: SENTENCE_SIG }, (_, i) => i) }], sig: [] };
    const packed = packReuseDoc(doc);
    const truncated = { ...packed, hashes: packReuseDoc({ ...doc, sentences: [{ ...doc.sentences[0], words: 0, sig: [] }] }).hashes };
    expect(() => reuseTable([{ id: 'x', print: truncated }])).toThrow(/should hold 13 hash values/);
  });
});
