/**
 * DocTerms as the `events` and `similarity` analyses return it per article and the cache stores
 * it: the same counts in parallel arrays instead of two objects keyed by term. Decoding them is
 * on the critical path of a large run (every summary waits for the events grouping, which reads
 * every article's terms first): on 2,000 ABP articles JSON.parse took 2.1 s per 20k articles for
 * the keyed objects and 0.8 s for the arrays, and the vectors walk arrays without enumerating keys.
 * Key order is the objects' own enumeration order (Object.keys), so both forms give the same
 * vectors, dimension for dimension.
 */
import type { DocTerms } from './types.js';

export interface PackedDocTerms {
  /** The keys of DocTerms.terms, in enumeration order. */
  terms: string[];
  /** Count of each of `terms`. */
  termCounts: number[];
  /** The keys of DocTerms.names, in enumeration order. */
  names: string[];
  /** Count of each of `names`. */
  nameCounts: number[];
}

/** One packing per DocTerms object: events and similarity return the same object for an article (the pipeline keeps one map for both). */
const packed = new WeakMap<DocTerms, PackedDocTerms>();

/** The packed form of `doc` (shared: read it, do not change it). */
export function packDocTerms(doc: DocTerms): PackedDocTerms {
  let p = packed.get(doc);
  if (!p) {
    p = { terms: Object.keys(doc.terms), termCounts: Object.values(doc.terms), names: Object.keys(doc.names), nameCounts: Object.values(doc.names) };
    packed.set(doc, p);
  }
  return p;
}

/** Whether a per-article value is already packed. */
export function isPackedDocTerms(doc: DocTerms | PackedDocTerms): doc is PackedDocTerms {
  return Array.isArray(doc.terms);
}

/** Either form as the packed one. */
export function asPackedDocTerms(doc: DocTerms | PackedDocTerms): PackedDocTerms {
  return isPackedDocTerms(doc) ? doc : packDocTerms(doc);
}

/** The keyed form again (for readers that look terms up by key). */
export function unpackDocTerms(doc: PackedDocTerms): DocTerms {
  const terms: Record<string, number> = {};
  doc.terms.forEach((term, k) => (terms[term] = doc.termCounts[k]));
  const names: Record<string, number> = {};
  doc.names.forEach((name, k) => (names[name] = doc.nameCounts[k]));
  return { terms, names };
}
