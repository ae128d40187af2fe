/**
 * The packed TermsDoc (what the terms analysis stores per article): exact round trips through
 * JSON and the result line for any tokens, offsets, lemmas and sentences; the same summary from
 * packed and plain documents; and a packed size well under the plain JSON.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import { decodePart, encodePart } from '../../src/pipeline/result-line.js';
import { packTermsDoc, summarizeTerms, terms, termsDocFromAnalyzed, unpackTermsDoc, type PackedTermsDoc, type TermsDoc } from '../../analyses/terms/index.js';
import { readDigits, TermsDocPacker, writeDigits } from '../../analyses/terms/terms-codec.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const readSample = (): Article[] => readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const context = { lexiconFiles: [], options: {}, outlets: [] };

/** Through the result line as the pipeline stores a part: JSON, UTF-8 bytes, back. */
function stored(packed: PackedTermsDoc): PackedTermsDoc {
  const part = decodePart(Buffer.from(encodePart(packed), 'utf8'));
  if (!('value' in part)) throw new Error('expected a value');
  return part.value as PackedTermsDoc;
}

// Tokens as odd as text gets: any code point, tabs, quotes, spaces, lone surrogates, letters whose
// lower case is longer ("İ"), empty strings.
const token = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('the', ',', '"', '\t', 'a b', '\\', 'İstanbul', 'ΣΑΣ', '\uD83D', '\uDE00', '😀', '“quoted”', '', ')(', 'z'.repeat(40)),
);

/** Any TermsDoc that keeps the invariants (one kind and start per token, ascending sentence starts). */
const termsDocs = fc
  .array(fc.record({ text: token, kind: fc.constantFrom('w', 's', 'n', 'p'), gap: fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: -5, max: 5000 })) }), { maxLength: 40 })
  .chain((tokens) =>
    fc.record({
      words: fc.nat(),
      tokens: fc.constant(tokens),
      sentences: fc.subarray(tokens.map((_, i) => i)),
      lemma: fc.dictionary(fc.constantFrom(...tokens.map((_, i) => String(i)), '0'), fc.oneof(token, fc.constantFrom('be', 'say'))),
    }),
  )
  .map(({ words, tokens, sentences, lemma }): TermsDoc => {
    const start: number[] = [];
    let end = 0;
    for (const t of tokens) {
      start.push(end + t.gap);
      end = start[start.length - 1] + t.text.length;
    }
    const lemmas: Record<number, string> = {};
    for (const [k, v] of Object.entries(lemma)) if (Number(k) < tokens.length) lemmas[Number(k)] = v;
    return { words, text: tokens.map((t) => t.text), start, lemma: lemmas, kind: tokens.map((t) => t.kind).join(''), sentences };
  });

describe('packed TermsDoc', () => {
  it('gives back exactly the TermsDoc it packed, through JSON and the result line, for any tokens', () => {
    fc.assert(
      fc.property(termsDocs, (doc) => {
        expect(unpackTermsDoc(stored(packTermsDoc(doc)))).toEqual(doc);
      }),
      { numRuns: 500 },
    );
  });

  it('packs tokens cut from a source text the same as tokens on their own, whatever lies between them', () => {
    // the source repeats the filler between tokens: spaces mostly, so that tokens one space apart occur
    const filler = fc.array(fc.constantFrom(' ', ' ', ' ', '\n', 'x', '\u00a0'), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(termsDocs, filler, (doc, fill) => {
        let source = '';
        for (let i = 0; i < doc.text.length; i++) {
          if (doc.start[i] < source.length) return; // overlapping tokens are cut from no text
          while (source.length < doc.start[i]) source += fill[source.length % fill.length];
          source += doc.text[i];
        }
        const packer = new TermsDocPacker(source);
        const sentences = new Set(doc.sentences);
        for (let i = 0; i < doc.text.length; i++) {
          packer.add(doc.text[i], doc.start[i], doc.kind[i], doc.text[i].toLowerCase(), doc.lemma[i], sentences.has(i));
        }
        expect(packer.packed(doc.words)).toEqual(packTermsDoc(doc));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps number lists exact for any integer, small, large or negative', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(40), fc.integer())), (values) => {
        expect(readDigits(writeDigits(values))).toEqual(values);
      }),
    );
    expect(writeDigits([0, 9, 10, 35, 36, -1])).toBe('09az(10)(-1)');
  });

  it('packs an empty document and a document of odd tokens', () => {
    const empty: TermsDoc = { words: 0, text: [], start: [], lemma: {}, kind: '', sentences: [] };
    expect(unpackTermsDoc(stored(packTermsDoc(empty)))).toEqual(empty);
    const odd: TermsDoc = {
      words: 4,
      text: ['İstanbul', '\t', '"', 'naïve', 'a b', 'Children'],
      start: [3, 12, 13, 14, 30, 34],
      lemma: { 0: 'istanbul', 3: 'naive', 5: 'child' },
      kind: 'wppwws',
      sentences: [0, 4],
    };
    const packed = packTermsDoc(odd);
    expect(packed.kinds).toBe('WppwWs');
    expect(packed.spaced).toEqual({ 4: 'a b' });
    expect(unpackTermsDoc(stored(packed))).toEqual(odd);
  });

  it('refuses a TermsDoc whose token arrays, kinds or sentence starts do not line up', () => {
    const doc: TermsDoc = { words: 1, text: ['a', 'b'], start: [0, 2], lemma: {}, kind: 'ww', sentences: [0] };
    expect(() => packTermsDoc({ ...doc, kind: 'w' })).toThrow(/one kind and one start per token/);
    expect(() => packTermsDoc({ ...doc, kind: 'wW' })).toThrow(/lower-case/);
    expect(() => packTermsDoc({ ...doc, sentences: [1, 0] })).toThrow(/ascending/);
    expect(() => packTermsDoc({ ...doc, sentences: [2] })).toThrow(/ascending/);
    expect(() => unpackTermsDoc({ ...packTermsDoc(doc), gaps: '1(2' })).toThrow(/damaged/);
    expect(() => unpackTermsDoc({ ...packTermsDoc(doc), text: 'a b c' })).toThrow(/3 token texts for 2 kinds/);
  });

  describe('on the sample corpus', () => {
    const articles = readSample();
    const analyzed = articles.map((a) => analyzeDoc(a));
    const index = buildCorpusIndex(articles, new Map(analyzed.map((d) => [d.article.id, d.words])));

    it('is what perDoc returns, and unpacks to the token stream of the analyzed article', () => {
      for (const d of analyzed) {
        const packed = terms.perDoc(d, context);
        expect(packed).toEqual(packTermsDoc(termsDocFromAnalyzed(d)));
        expect(packed.spaced).toBeUndefined();
        expect(unpackTermsDoc(stored(packed))).toEqual(termsDocFromAnalyzed(d));
      }
    });

    it('takes less than half the JSON of the plain token stream', () => {
      const plain = analyzed.reduce((n, d) => n + JSON.stringify(termsDocFromAnalyzed(d)).length, 0);
      const packed = analyzed.reduce((n, d) => n + encodePart(terms.perDoc(d, context)).length, 0);
      expect(packed / plain).toBeLessThan(0.5);
    });

    it('gives the same summary, KWIC lines included, from packed and from plain documents', () => {
      const plain = new Map(analyzed.map((d) => [d.article.id, termsDocFromAnalyzed(d)]));
      const packed = new Map(analyzed.map((d) => [d.article.id, stored(terms.perDoc(d, context))]));
      for (const options of [{}, { ngram: 3, lemma: true, stopWords: true, numbers: true }]) {
        const expected = JSON.stringify(summarizeTerms(plain, index, options));
        expect(JSON.stringify(terms.summarize(packed, index, { ...context, options: { terms: options } }))).toBe(expected);
      }
    });
  });
});
