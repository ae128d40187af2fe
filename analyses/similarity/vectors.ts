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

/** Each document's outlet as a number (-1 when not known), and the documents per outlet. */
function outletCodesOf(outlets: readonly string[] | undefined): { ofDoc: Int32Array; docs: number[] } {
  const codes = new Map<string, number>();
  const docs: number[] = [];
  const ofDoc = Int32Array.from(outlets ?? [], (outlet) => {
    if (!outlet) return -1;
    let code = codes.get(outlet);
    if (code === undefined) codes.set(outlet, (code = docs.push(0) - 1));
    docs[code]++;
    return code;
  });
  return { ofDoc, docs };
}

/** Documents an outlet must use a term in, at least, before the term can be its house style (unless no other outlet uses it). */
const HOUSE_MIN_DOCS = 5;
/** Share of an outlet's documents that must use a term, at least, before the term can be its house style. */
const HOUSE_SHARE = 0.1;

/**
 * Per dimension, whether it is house style of the outlet that holds most of its documents: a
 * term only one outlet uses, in two or more of its articles (its name, bylines), or one outlet's
 * in more than half of the term's articles and in at least a tenth of that outlet's (≥ 5):
 * scraped furniture repeated across its pages (newsletter boxes, a video player's "playback
 * unsupported on your device", a country list in a sign-up form, another story's quote block)
 * and its spelling ("programme", "defence"). Left in, such terms pull an outlet's stories on
 * different events into one: 22 newsletter issues on 22 topics were the second largest event of
 * 20,730 ABP articles. Read off that corpus: the terms this rule picks were furniture, house
 * spelling or outlets' own names, except one outlet's India coverage ("Modi", "Delhi"), a subject
 * it carried and few others did. Needs two outlets or more.
 */
function houseStyle(ids: Int32Array, starts: number[], outlets: { ofDoc: Int32Array; docs: number[] }, voteOutlet: number[], df: number[]): Uint8Array {
  const house = new Uint8Array(df.length);
  if (outlets.docs.length < 2) return house;
  const inOutlet = new Int32Array(df.length);
  for (let i = 0; i + 1 < starts.length; i++) {
    const outlet = outlets.ofDoc[i];
    for (let k = starts[i]; k < starts[i + 1]; k++) if (voteOutlet[ids[k]] === outlet) inOutlet[ids[k]]++;
  }
  for (let id = 0; id < df.length; id++) {
    const own = inOutlet[id];
    if (voteOutlet[id] < 0 || 2 * own <= df[id]) continue;
    house[id] = own === df[id] ? Number(own >= 2) : Number(own >= Math.max(HOUSE_MIN_DOCS, HOUSE_SHARE * outlets.docs[voteOutlet[id]]));
  }
  return house;
}

/** Whether a lemma could be taken for a prefixed key (a headline term, a skeleton-keyed dimension). */
function looksPrefixed(lemma: string): boolean {
  return lemma.startsWith(NAME_PREFIX) || lemma.startsWith(PROPER_PREFIX) || lemma.startsWith(TITLE_PREFIX);
}

/** Whether a dimension is a name-mention dimension. */
export function isNameDimension(dimension: string): boolean {
  return dimension.startsWith(NAME_PREFIX);
}

/** All capitals, with at least two letters ("OSTRELKA"; an acronym such as "NATO" too, but it has no other spelling). */
function isShouted(term: string): boolean {
  return term.length > 1 && term === term.toUpperCase() && term !== term.toLowerCase();
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
  // Per dimension, a majority vote over its documents' outlets (Boyer–Moore): the only outlet
  // that can hold more than half of them, checked after the pass (houseStyle).
  const outletCodes = outletCodesOf(outlets);
  const voteOutlet: number[] = [];
  const voteCount: number[] = [];
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
    voteOutlet.push(-1);
    voteCount.push(0);
    createdIn.push(index);
    return vocab.length - 1;
  };
  const skeletonDimension = (dim: string, shown: string, index: number): number => {
    let id = skeletonIds.get(dim);
    if (id === undefined) skeletonIds.set(dim, (id = newDimension(dim, shown, index)));
    // A name first seen in capitals (a dateline's "OSTRELKA, June 3 -") is shown as others write it.
    else if (isShouted(display[id]) && !isShouted(shown)) display[id] = shown;
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
      if (createdIn[id] === index && !(isShouted(key) && !isShouted(display[id]))) display[id] = key;
      count(id, nameCounts[k], index);
    }
    // Ids ascending (a typed-array sort, no comparator), as the vectors keep them.
    const at = flat.append(touched);
    const { ids: flatIds, weights: flatCounts } = flat;
    flatIds.subarray(at, at + touched.length).sort();
    const outlet = outletCodes.ofDoc[index] ?? -1;
    for (let k = at; k < at + touched.length; k++) {
      const id = flatIds[k];
      flatCounts[k] = slots[2 * id + 1];
      dfList[id]++;
      if (voteOutlet[id] === outlet) voteCount[id]++;
      else if (voteCount[id] === 0) (voteOutlet[id] = outlet), (voteCount[id] = 1);
      else voteCount[id]--;
    }
    starts.push(at);
    index++;
  }
  starts.push(flat.trim());
  const n = index;
  const idf = dfList.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  const boost = Float64Array.from(vocab, (dim) => (isNameDimension(dim) ? nameWeight : 1));
  const { ids: allIds, weights: allWeights } = flat;
  const house = houseStyle(allIds, starts, outletCodes, voteOutlet, dfList);
  // The weights overwrite the counts they come from: no second array per document.
  for (let i = 0; i < n; i++) {
    let norm = 0;
    const outlet = outletCodes.ofDoc[i] ?? -1;
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const id = allIds[k];
      const damp = house[id] && voteOutlet[id] === outlet ? outletWeight : 1;
      const w = (1 + Math.log(allWeights[k])) * idf[id] * boost[id] * damp;
      allWeights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = starts[i]; k < starts[i + 1]; k++) allWeights[k] /= norm;
  }
  const vectors = starts.slice(0, n).map((from, i) => ({ ids: allIds.subarray(from, starts[i + 1]), weights: allWeights.subarray(from, starts[i + 1]) }));
  return { vocab, display, df: Int32Array.from(dfList), vectors };
}
