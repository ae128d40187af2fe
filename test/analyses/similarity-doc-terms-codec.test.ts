import { describe, expect, it } from 'vitest';
import { buildVectors, packDocTerms, unpackDocTerms, type DocTerms } from '../../analyses/similarity/index.js';
import { similarityAnalysis } from '../../analyses/similarity/index.js';
import { events } from '../../analyses/events/index.js';
import { decodePart, encodePart } from '../../src/pipeline/result-line.js';
import { analyzeDoc } from '../../src/text/analyze.js';

/** A value as the pipeline reads it back from a result line. */
function stored<T>(value: T): T {
  const part = decodePart(Buffer.from(encodePart(value), 'utf8'));
  if (!('value' in part)) throw new Error('expected a value');
  return part.value as T;
}

const docs: DocTerms[] = [
  { terms: { ferry: 3, strike: 2, '2031': 1, 't:ferry': 1, Marlow: 2 }, names: { 'Ada Quill': 2, Quill: 1 } },
  { terms: { strike: 1, harbour: 4, '7': 2, Marlow: 1 }, names: { 'Ada Quill': 1 } },
  { terms: { harbour: 1, toll: 2 }, names: {} },
];

describe('packed DocTerms', () => {
  it('keep every key and count in enumeration order, number-like keys included, through a stored result line', () => {
    for (const doc of docs) {
      const packed = stored(packDocTerms(doc));
      expect(packed.terms).toEqual(Object.keys(doc.terms));
      expect(unpackDocTerms(packed)).toEqual(doc);
      expect(Object.keys(unpackDocTerms(packed).terms)).toEqual(Object.keys(doc.terms));
    }
  });

  it('give the same vectors as the keyed objects, dimension for dimension', () => {
    const keyed = buildVectors(docs, {}, ['Quay Daily', 'Harbor Post', 'Quay Daily']);
    const packed = buildVectors(docs.map((d) => stored(packDocTerms(d))), {}, ['Quay Daily', 'Harbor Post', 'Quay Daily']);
    expect(packed.vocab).toEqual(keyed.vocab);
    expect(packed.display).toEqual(keyed.display);
    expect([...packed.df]).toEqual([...keyed.df]);
    expect(packed.vectors.map((v) => [[...v.ids], [...v.weights]])).toEqual(keyed.vectors.map((v) => [[...v.ids], [...v.weights]]));
  });

  it('are one object for events and similarity, so the pipeline stores and decodes them once', () => {
    const doc = analyzeDoc({ id: 'a1', outlet: 'Quay Daily', title: 'Ferry strike in Marlow', text: 'The ferry crews of Marlow went on strike on Monday, the harbour office said.' });
    const context = { lexiconFiles: [], options: {}, outlets: ['Quay Daily'] };
    expect(events.perDoc(doc, context)).toBe(similarityAnalysis.perDoc(doc, context));
    expect(events.perDoc(doc, context).terms).toContain('strike');
  });
});
