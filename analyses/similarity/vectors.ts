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

/** Weighted raw counts per dimension for one document (before IDF). */
function rawCounts(doc: DocTerms, titleWeight: number, displays: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [term, count] of Object.entries(doc.terms)) {
    const isTitle = term.startsWith(TITLE_PREFIX);
    const lemma = isTitle ? term.slice(TITLE_PREFIX.length) : term;
    // Proper nouns (capitalised by features.ts) share a dimension across spellings.
    const dim = isProper(lemma) ? PROPER_PREFIX + nameSkeleton(lemma) : lemma;
    out.set(dim, (out.get(dim) ?? 0) + count * (isTitle ? titleWeight : 1));
    if (dim !== lemma && !displays.has(dim)) displays.set(dim, lemma);
  }
  for (const [key, count] of Object.entries(doc.names)) {
    const dim = NAME_PREFIX + nameSkeleton(key);
    out.set(dim, (out.get(dim) ?? 0) + count);
    displays.set(dim, key);
  }
  return out;
}

/** Builds the term space and the normalised vectors of `docs`. */
export function buildVectors(docs: readonly DocTerms[], options: VectorOptions = {}, outlets?: readonly string[]): TermSpace {
  const nameWeight = options.nameWeight ?? SIMILARITY_DEFAULTS.nameWeight;
  const outletWeight = options.outletTermWeight ?? SIMILARITY_DEFAULTS.outletTermWeight;
  const titleWeight = options.titleWeight ?? SIMILARITY_DEFAULTS.titleWeight;
  const ids = new Map<string, number>();
  const vocab: string[] = [];
  const display: string[] = [];
  const dfList: number[] = [];
  // Per dimension: the one outlet using it so far ('' once a second outlet uses it).
  const soleOutlet: Array<string> = [];
  const displays = new Map<string, string>();
  const perDoc = docs.map((doc, index) => {
    displays.clear();
    const counts = rawCounts(doc, titleWeight, displays);
    // Two typed arrays per document, not one [id, count] pair per term: millions of small
    // arrays alive until the vectors are built made garbage collection grow faster than the corpus.
    const termIds = new Int32Array(counts.size);
    const termCounts = new Float64Array(counts.size);
    let k = 0;
    for (const [term, count] of counts) {
      let id = ids.get(term);
      if (id === undefined) {
        id = vocab.length;
        ids.set(term, id);
        vocab.push(term);
        display.push(displays.get(term) ?? term);
        dfList.push(0);
        soleOutlet.push(outlets?.[index] ?? '');
      }
      dfList[id]++;
      if (soleOutlet[id] !== (outlets?.[index] ?? '')) soleOutlet[id] = '';
      termIds[k] = id;
      termCounts[k++] = count;
    }
    return { termIds, termCounts };
  });
  const n = docs.length;
  const multiOutlet = new Set(outlets ?? []).size > 1;
  const idf = dfList.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  const vectors = perDoc.map(({ termIds, termCounts }) => {
    const order = Uint32Array.from(termIds.keys()).sort((x, y) => termIds[x] - termIds[y]);
    const vIds = new Int32Array(order.length);
    const weights = new Float64Array(order.length);
    let norm = 0;
    order.forEach((at, i) => {
      const id = termIds[at];
      const count = termCounts[at];
      // A term only one outlet uses (in 2+ articles) is its house style, not the event.
      const house = soleOutlet[id] !== '' && dfList[id] > 1 && multiOutlet ? outletWeight : 1;
      const boost = (isNameDimension(vocab[id]) ? nameWeight : 1) * house;
      const w = (1 + Math.log(count)) * idf[id] * boost;
      vIds[i] = id;
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i] /= norm;
    return { ids: vIds, weights };
  });
  return { vocab, display, df: Int32Array.from(dfList), vectors };
}
