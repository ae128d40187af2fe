/**
 * Step 2 of the similarity flow: DocTerms of the whole corpus → L2-normalised TF-IDF vectors.
 * Sublinear tf (1 + ln tf) keeps a long article from drowning in its own repetitions; smoothed
 * IDF (ln((1+N)/(1+df)) + 1) keeps weights finite on tiny corpora. Name-mention keys are their
 * own dimensions (`n:` + skeleton of the key), multiplied by `nameWeight`; proper nouns among the
 * terms (capitalised by features.ts) are keyed by their skeleton too (`p:`); headline occurrences add `titleWeight`
 * to the lemma's count. O(total terms) time and memory.
 */
import { TITLE_PREFIX } from './features.js';
import { nameSkeleton } from './name-skeleton.js';
import { SIMILARITY_DEFAULTS, type DocTerms, type SparseVector, type VectorOptions } from './types.js';
import { asPackedDocTerms, type PackedDocTerms } from './doc-terms-codec.js';
import { startsUpperCase } from '../../src/text/letter-case.js';

export { nameSkeleton } from './name-skeleton.js';

export interface TermSpace {
  /** Dimension names: lemmas, and `n:`-prefixed name skeletons (see nameSkeleton). */
  vocab: string[];
  /** Readable form per dimension: the lemma, or the first name key seen with that skeleton. */
  display: string[];
  /** Articles per dimension. */
  df: Int32Array;
  /** One vector per input document, same order. */
  vectors: SparseVector[];
}

const NAME_PREFIX = 'n:';
const PROPER_PREFIX = 'p:';

/** Ids and weights of all vectors, appended one vector at a time into arrays that grow by doubling. */
class FlatVectors {
  ids = new Int32Array(1 << 16);
  weights = new Float64Array(1 << 16);
  length = 0;

  /** Appends `ids` (weights 0, to be filled in); returns where they start. */
  append(ids: readonly number[]): number {
    const at = this.length;
    if (at + ids.length > this.ids.length) {
      const size = Math.max(2 * this.ids.length, at + ids.length);
      const grownIds = new Int32Array(size);
      const grownWeights = new Float64Array(size);
      grownIds.set(this.ids.subarray(0, at));
      grownWeights.set(this.weights.subarray(0, at));
      this.ids = grownIds;
      this.weights = grownWeights;
    }
    this.ids.set(ids, at);
    this.length += ids.length;
    return at;
  }

  /** Drops the room left to grow (one copy); returns the length. */
  trim(): number {
    this.ids = this.ids.slice(0, this.length);
    this.weights = this.weights.slice(0, this.length);
    return this.length;
  }
}

/** Whether a lemma could be taken for a prefixed key (a headline term, a skeleton-keyed dimension). */
function looksPrefixed(lemma: string): boolean {
  return lemma.startsWith(NAME_PREFIX) || lemma.startsWith(PROPER_PREFIX) || lemma.startsWith(TITLE_PREFIX);
}

/** Whether a dimension is a name-mention dimension. */
export function isNameDimension(dimension: string): boolean {
  return dimension.startsWith(NAME_PREFIX);
}

/**
 * Builds the term space and the normalised vectors of `docs` (keyed or packed, doc-terms-codec.ts). Each is read once, in
 * order, and not kept: a summary can pass a generator that decodes one article's at a time, so
 * the corpus's DocTerms objects (tens of KB each) are never all in memory together.
 */
export function buildVectors(docs: Iterable<DocTerms | PackedDocTerms>, options: VectorOptions = {}, outlets?: readonly string[]): TermSpace {
  const nameWeight = options.nameWeight ?? SIMILARITY_DEFAULTS.nameWeight;
  const outletWeight = options.outletTermWeight ?? SIMILARITY_DEFAULTS.outletTermWeight;
  const titleWeight = options.titleWeight ?? SIMILARITY_DEFAULTS.titleWeight;
  // String-keyed lookups go through null-prototype objects, not Maps: the keys come from
  // JSON.parse, and on 20k articles (1.3M distinct keys, 7M lookups) a Map lookup cost about
  // seven times an object's, which made them most of the time spent here. Skeleton keys are the
  // exception: strings built here, which an object would first have to internalize (a second
  // hash table), so a Map takes them in about half the time.
  const vocab: string[] = [];
  const display: string[] = [];
  const dfList: number[] = [];
  // Per dimension: the one outlet using it so far ('' once a second outlet uses it).
  const soleOutlet: Array<string> = [];
  // The document that created each dimension (a name dimension shows the last key of that document).
  const createdIn: number[] = [];
  // Most terms recur across articles: each distinct term key is resolved to its dimension once
  // (title prefix, proper-noun skeleton, vocabulary lookup), not at every occurrence; the value
  // is `id * 2 + 1` for a headline occurrence, `id * 2` otherwise. A plain lemma's dimension is
  // keyed by the lemma, which is also its body occurrences' term key, so `termKeys` finds it
  // (the first headline occurrence of a lemma enters the lemma too): only skeleton-keyed
  // dimensions, and lemmas that look like their keys, need `skeletonIds`. Most of the 1.3M
  // dimensions of 20k articles are plain lemmas, each entered in one dictionary instead of two.
  const termKeys: Record<string, number> = Object.create(null);
  const nameKeys: Record<string, number> = Object.create(null);
  const skeletonIds = new Map<string, number>();
  const newDimension = (dim: string, shown: string, index: number): number => {
    vocab.push(dim);
    display.push(shown);
    dfList.push(0);
    soleOutlet.push(outlets?.[index] ?? '');
    createdIn.push(index);
    return vocab.length - 1;
  };
  const skeletonDimension = (dim: string, shown: string, index: number): number => {
    let id = skeletonIds.get(dim);
    if (id === undefined) skeletonIds.set(dim, (id = newDimension(dim, shown, index)));
    return id;
  };
  const termCode = (term: string, index: number): number => {
    const isTitle = term.startsWith(TITLE_PREFIX);
    const lemma = isTitle ? term.slice(TITLE_PREFIX.length) : term;
    let id: number;
    // Proper nouns (capitalised by features.ts) share a dimension across spellings.
    if (startsUpperCase(lemma)) id = skeletonDimension(PROPER_PREFIX + nameSkeleton(lemma), lemma, index);
    else if (looksPrefixed(lemma)) id = skeletonDimension(lemma, lemma, index);
    else if (!isTitle) id = newDimension(lemma, lemma, index); // a new body term key is a new lemma
    else {
      const body = termKeys[lemma];
      id = body === undefined ? newDimension(lemma, lemma, index) : body >> 1;
      termKeys[lemma] = id * 2;
    }
    return id * 2 + (isTitle ? 1 : 0);
  };
  // Per-document counts in one growable dense array of (mark, count) pairs, side by side so a
  // term costs one cache miss, not two: `mark` (document index + 1) says which dimensions this
  // document has touched; `touched` keeps first-occurrence order.
  let slots = new Float64Array(2048);
  const touched: number[] = [];
  const count = (id: number, c: number, index: number) => {
    if (2 * id >= slots.length) {
      const grown = new Float64Array(Math.max(slots.length * 2, 2 * id + 2));
      grown.set(slots);
      slots = grown;
    }
    if (slots[2 * id] !== index + 1) {
      slots[2 * id] = index + 1;
      touched.push(id);
      slots[2 * id + 1] = 0;
    }
    slots[2 * id + 1] += c;
  };
  // Every document's ids and counts go into two flat arrays (grown by doubling); the vectors are
  // views into them. One pair of typed arrays per document (40k on 20k articles, 80 MB) set off
  // full garbage collections while the corpus's DocTerms were still being decoded.
  const flat = new FlatVectors();
  const starts: number[] = [];
  let index = 0;
  for (const given of docs) {
    const { terms, termCounts, names, nameCounts } = asPackedDocTerms(given);
    touched.length = 0;
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k];
      let code = termKeys[term];
      if (code === undefined) termKeys[term] = code = termCode(term, index);
      count(code >> 1, termCounts[k] * (code & 1 ? titleWeight : 1), index);
    }
    for (let k = 0; k < names.length; k++) {
      const key = names[k];
      let id = nameKeys[key];
      if (id === undefined) nameKeys[key] = id = skeletonDimension(NAME_PREFIX + nameSkeleton(key), key, index);
      if (createdIn[id] === index) display[id] = key;
      count(id, nameCounts[k], index);
    }
    // Ids ascending (a typed-array sort, no comparator), as the vectors keep them.
    const at = flat.append(touched);
    const { ids: flatIds, weights: flatCounts } = flat;
    flatIds.subarray(at, at + touched.length).sort();
    const outlet = outlets?.[index] ?? '';
    for (let k = at; k < at + touched.length; k++) {
      const id = flatIds[k];
      flatCounts[k] = slots[2 * id + 1];
      dfList[id]++;
      if (soleOutlet[id] !== outlet) soleOutlet[id] = '';
    }
    starts.push(at);
    index++;
  }
  starts.push(flat.trim());
  const n = index;
  const multiOutlet = new Set(outlets ?? []).size > 1;
  const idf = dfList.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  // Per dimension: name boost × house-style damping (a term only one outlet uses, in two or more
  // of its articles, is its house style, not the event).
  const boost = Float64Array.from(vocab, (dim, id) => {
    const house = soleOutlet[id] !== '' && dfList[id] > 1 && multiOutlet ? outletWeight : 1;
    return (isNameDimension(dim) ? nameWeight : 1) * house;
  });
  // The weights overwrite the counts they come from: no second array per document.
  const { ids: allIds, weights: allWeights } = flat;
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const w = (1 + Math.log(allWeights[k])) * idf[allIds[k]] * boost[allIds[k]];
      allWeights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = starts[i]; k < starts[i + 1]; k++) allWeights[k] /= norm;
  }
  const vectors = starts.slice(0, n).map((from, i) => ({ ids: allIds.subarray(from, starts[i + 1]), weights: allWeights.subarray(from, starts[i + 1]) }));
  return { vocab, display, df: Int32Array.from(dfList), vectors };
}
