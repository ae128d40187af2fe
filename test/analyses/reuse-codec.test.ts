/**
 * The packed ReuseDoc (what the reuse analysis stores per article): exact round trips through
 * JSON and the result line for any spans and 32-bit hashes, the same findings from packed and
 * plain fingerprints, and a packed size well under the plain JSON.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import { decodePart, encodePart } from '../../src/pipeline/result-line.js';
import { findReuse } from '../../analyses/reuse/find.js';
import { packReuseDoc, reuse, reuseFingerprint, unpackReuseDoc, type PackedReuseDoc, type ReuseDoc } from '../../analyses/reuse/index.js';
import { DOC_SIG, SENTENCE_SIG } from '../../analyses/reuse/types.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const readSample = (): Article[] => readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const context = { lexiconFiles: [], options: {}, outlets: [] };

/** Through the result line as the pipeline stores a part: JSON, UTF-8 bytes, back. */
function stored(packed: PackedReuseDoc): PackedReuseDoc {
  const part = decodePart(Buffer.from(encodePart(packed), 'utf8'));
  if (!('value' in part)) throw new Error('expected a value');
  return part.value as PackedReuseDoc;
}

const uint32 = fc.oneof(fc.constantFrom(0, 1, 0xffffffff, 0x80000000), fc.nat({ max: 0xffffffff }));

/** Any ReuseDoc as reuseFingerprint makes them: a signature per sentence exactly when it has words. */
const reuseDocs = fc
  .record({
    sentences: fc.array(fc.record({ gap: fc.integer({ min: -3, max: 100_000 }), length: fc.nat(70_000), words: fc.oneof(fc.constant(0), fc.nat(400)), hash: uint32, sig: fc.array(uint32, { minLength: SENTENCE_SIG, maxLength: SENTENCE_SIG }) }), { maxLength: 30 }),
    sig: fc.oneof(fc.constant<number[]>([]), fc.array(uint32, { minLength: DOC_SIG, maxLength: DOC_SIG })),
  })
  .map(({ sentences, sig }): ReuseDoc => {
    let end = 0;
    return {
      sentences: sentences.map((s) => {
        const start = end + s.gap;
        end = start + s.length;
        return { start, end, words: s.words, hash: s.hash, sig: s.words > 0 ? s.sig : [] };
      }),
      sig,
    };
  });

describe('packed ReuseDoc', () => {
  it('gives back exactly the ReuseDoc it packed, through JSON and the result line', () => {
    fc.assert(
      fc.property(reuseDocs, (doc) => {
        expect(unpackReuseDoc(stored(packReuseDoc(doc)))).toEqual(doc);
      }),
      { numRuns: 300 },
    );
  });

  it('packs an article without sentences and one whose sentences have no words', () => {
    const empty: ReuseDoc = { sentences: [], sig: [] };
    expect(stored(packReuseDoc(empty))).toEqual({ spans: '', hashes: '', sig: '' });
    expect(unpackReuseDoc(stored(packReuseDoc(empty)))).toEqual(empty);
    const wordless: ReuseDoc = { sentences: [{ start: 4, end: 7, words: 0, hash: 0x811c9dc5, sig: [] }], sig: [] };
    expect(unpackReuseDoc(stored(packReuseDoc(wordless)))).toEqual(wordless);
  });

  it('refuses a sentence whose signature length does not follow its word count', () => {
    const sentence = { start: 0, end: 9, words: 2, hash: 1, sig: [1, 2, 3] };
    expect(() => packReuseDoc({ sentences: [sentence], sig: [] })).toThrow(/signature/);
    expect(() => packReuseDoc({ sentences: [{ ...sentence, words: 0 }], sig: [] })).toThrow(/signature/);
  });

  describe('on the sample corpus', () => {
    const articles = readSample();
    const analyzed = articles.map((a) => analyzeDoc(a));
    const index = buildCorpusIndex(articles, new Map(analyzed.map((d) => [d.article.id, d.words])));

    it('is what perDoc returns, and unpacks to the fingerprint of the analyzed article', () => {
      for (const d of analyzed) expect(unpackReuseDoc(stored(reuse.perDoc(d, context)))).toEqual(reuseFingerprint(d));
    });

    it('takes less than half the JSON of the plain fingerprint', () => {
      const plain = analyzed.reduce((n, d) => n + JSON.stringify(reuseFingerprint(d)).length, 0);
      const packed = analyzed.reduce((n, d) => n + encodePart(reuse.perDoc(d, context)).length, 0);
      expect(packed / plain).toBeLessThan(0.5);
    });

    it('finds the same passages and pairs from packed fingerprints as from plain ones', () => {
      const packed = new Map(analyzed.map((d) => [d.article.id, stored(reuse.perDoc(d, context))]));
      const summary = reuse.summarize(packed, index, context);
      const plain = findReuse(analyzed.map((d) => ({ id: d.article.id, outlet: d.article.outlet, date: d.article.date, print: reuseFingerprint(d) })));
      expect(summary.passages.length).toBeGreaterThan(0);
      expect({ passages: summary.passages, pairs: summary.pairs }).toEqual(plain);
    });
  });
});
