/**
 * Step 2 of the similarity flow: DocTerms of the whole corpus → L2-normalised TF-IDF vectors.
 * Sublinear tf (1 + ln tf) keeps a long article from drowning in its own repetitions; smoothed
 * IDF (ln((1+N)/(1+df)) + 1) keeps weights finite on tiny corpora. Name-mention keys are their
 * own dimensions (`n:` + skeleton of the key), multiplied by `nameWeight`; proper nouns among the
 * terms (capitalised by features.ts) are keyed by their skeleton too (`p:`); headline occurrences add `titleWeight`
 * to the lemma's count. O(total terms) time and memory.
 */
import { TITLE_PREFIX } from './features.js';
import { SIMILARITY_DEFAULTS, type DocTerms, type SparseVector, type VectorOptions } from './types.js';

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

function isProper(term: string): boolean {
  const c = term.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90; // the common case without allocating
  const first = term.charAt(0);
  return first !== first.toLowerCase();
}

/** Whether a dimension is a name-mention dimension. */
export function isNameDimension(dimension: string): boolean {
  return dimension.startsWith(NAME_PREFIX);
}

/**
 * Spelling-tolerant name key: lower case, accents dropped, and in words of five letters or more
 * the vowels after the first letter dropped, so transliteration variants of one name share a
 * dimension (Kastrovich / Kastrovych, Orlesk / Orlisk — outlets' spelling is itself framing,
 * but it must not split their stories into two events). Shorter words stay as they are.
 */
export function nameSkeleton(key: string): string {
  return key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length >= 5 ? w[0] + w.slice(1).replace(/[aeiouy]/g, '') : w))
    .join(' ');
}

/**
 * Builds the term space and the normalised vectors of `docs`. Each DocTerms is read once, in
 * order, and not kept: a summary can pass a generator that decodes one article's at a time, so
 * the corpus's DocTerms objects (tens of KB each) are never all in memory together.
 */
export function buildVectors(docs: Iterable<DocTerms>, options: VectorOptions = {}, outlets?: readonly string[]): TermSpace {
  const nameWeight = options.nameWeight ?? SIMILARITY_DEFAULTS.nameWeight;
  const outletWeight = options.outletTermWeight ?? SIMILARITY_DEFAULTS.outletTermWeight;
  const titleWeight = options.titleWeight ?? SIMILARITY_DEFAULTS.titleWeight;
  // String-keyed lookups go through null-prototype objects, not Maps: the keys come from
  // JSON.parse, and on 20k articles (1.3M distinct keys, 7M lookups) a Map lookup cost about
  // seven times an object's, which made them most of the time spent here.
  const ids: Record<string, number> = Object.create(null);
  const vocab: string[] = [];
  const display: string[] = [];
  const dfList: number[] = [];
  // Per dimension: the one outlet using it so far ('' once a second outlet uses it).
  const soleOutlet: Array<string> = [];
  // The document that created each dimension (a name dimension shows the last key of that document).
  const createdIn: number[] = [];
  // Most terms recur across articles: each distinct term key is resolved to its dimension once
  // (title prefix, proper-noun skeleton, vocabulary lookup), not at every occurrence; the value
  // is `id * 2 + 1` for a headline occurrence, `id * 2` otherwise.
  const termKeys: Record<string, number> = Object.create(null);
  const nameKeys: Record<string, number> = Object.create(null);
  const dimension = (dim: string, shown: string, index: number): number => {
    let id = ids[dim];
    if (id === undefined) {
      id = vocab.length;
      ids[dim] = id;
      vocab.push(dim);
      display.push(shown);
      dfList.push(0);
      soleOutlet.push(outlets?.[index] ?? '');
      createdIn.push(index);
    }
    return id;
  };
  // Per-document counts in growable dense arrays; `touched` keeps first-occurrence order and
  // `mark` (document index + 1) says which dimensions this document has touched.
  let acc = new Float64Array(1024);
  let mark = new Int32Array(1024);
  const touched: number[] = [];
  const count = (id: number, c: number, index: number) => {
    if (id >= acc.length) {
      const size = Math.max(acc.length * 2, id + 1);
      const grownAcc = new Float64Array(size);
      const grownMark = new Int32Array(size);
      grownAcc.set(acc);
      grownMark.set(mark);
      acc = grownAcc;
      mark = grownMark;
    }
    if (mark[id] !== index + 1) {
      mark[id] = index + 1;
      touched.push(id);
      acc[id] = 0;
    }
    acc[id] += c;
  };
  const perDoc: Array<{ termIds: Int32Array; termCounts: Float64Array }> = [];
  let index = 0;
  for (const doc of docs) {
    touched.length = 0;
    for (const term in doc.terms) {
      let code = termKeys[term];
      if (code === undefined) {
        const isTitle = term.startsWith(TITLE_PREFIX);
        const lemma = isTitle ? term.slice(TITLE_PREFIX.length) : term;
        // Proper nouns (capitalised by features.ts) share a dimension across spellings.
        const dim = isProper(lemma) ? PROPER_PREFIX + nameSkeleton(lemma) : lemma;
        code = dimension(dim, lemma, index) * 2 + (isTitle ? 1 : 0);
        termKeys[term] = code;
      }
      count(code >> 1, doc.terms[term] * (code & 1 ? titleWeight : 1), index);
    }
    for (const key in doc.names) {
      let id = nameKeys[key];
      if (id === undefined) nameKeys[key] = id = dimension(NAME_PREFIX + nameSkeleton(key), key, index);
      if (createdIn[id] === index) display[id] = key;
      count(id, doc.names[key], index);
    }
    // Two typed arrays per document, not one [id, count] pair per term: millions of small
    // arrays alive until the vectors are built made garbage collection grow faster than the corpus.
    // Ids ascending (a typed-array sort, no comparator), as the vectors keep them.
    const termIds = Int32Array.from(touched).sort();
    const termCounts = new Float64Array(touched.length);
    const outlet = outlets?.[index] ?? '';
    for (let k = 0; k < termIds.length; k++) {
      const id = termIds[k];
      termCounts[k] = acc[id];
      dfList[id]++;
      if (soleOutlet[id] !== outlet) soleOutlet[id] = '';
    }
    perDoc.push({ termIds, termCounts });
    index++;
  }
  const n = perDoc.length;
  const multiOutlet = new Set(outlets ?? []).size > 1;
  const idf = dfList.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  // Per dimension: name boost × house-style damping (a term only one outlet uses, in two or more
  // of its articles, is its house style, not the event).
  const boost = Float64Array.from(vocab, (dim, id) => {
    const house = soleOutlet[id] !== '' && dfList[id] > 1 && multiOutlet ? outletWeight : 1;
    return (isNameDimension(dim) ? nameWeight : 1) * house;
  });
  // The weights overwrite the counts they come from: no second array per document.
  const vectors = perDoc.map(({ termIds, termCounts: weights }) => {
    let norm = 0;
    for (let k = 0; k < termIds.length; k++) {
      const w = (1 + Math.log(weights[k])) * idf[termIds[k]] * boost[termIds[k]];
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { ids: termIds, weights };
  });
  return { vocab, display, df: Int32Array.from(dfList), vectors };
}
