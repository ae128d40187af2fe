/**
 * The counting table behind the terms summary (summarize.ts): every document's n-gram counts as
 * flat typed arrays over one interned vocabulary, and the counts of any group of documents
 * summed from them. At 20k articles this replaces a Map of term counts (and one of document
 * counts) per outlet, per event and per outlet within an event — millions of entries that cost
 * most of the summary's time and memory — by a few arrays of integers.
 *
 *   TermsDoc | PackedTermsDoc ─add─▶ postings (term id, count) per document ─build─▶ TermTable
 *     ─sumGroup─▶ SparseGroup (keyness in sparse-keyness.ts, frequent terms in frequent-terms.ts)
 *
 * Term ids follow the code-unit order of the terms (what `[...].sort()` gives), so an id order is
 * the order keyness breaks ties by. Within a document and a group, terms stay in first-seen
 * order, the insertion order of the Maps this replaces.
 */
import { forEachNgram, forEachNgramOfForms, ngramRange, type NgramOptions } from './ngrams.js';
import { CASE_BIT, isPackedTermsDoc, packedForms, type PackedTermsDoc } from './terms-codec.js';
import { TermInterner } from './term-interner.js';
import type { TermsDoc } from './types.js';

/** A growable list of 32-bit integers. */
export class IntList {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values, copied into an array of their own. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }

  /** The values without a copy: valid until the next push. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Every added document's n-gram counts over one vocabulary. */
export interface TermTable {
  /** The terms by id, in code-unit order. */
  terms: string[];
  /** Document d's postings are [docStart[d], docStart[d + 1]) of termOf/countOf, in first-seen order. */
  docStart: Int32Array;
  termOf: Int32Array;
  countOf: Int32Array;
  /** Word tokens of each document. */
  words: Float64Array;
}

/** Builds a TermTable one document at a time. */
export class TermTableBuilder {
  private readonly interner = new TermInterner();
  private count = new Int32Array(1024); // per term id: occurrences in the current document
  private readonly seen = new IntList(); // term ids of the current document, first-seen order
  private readonly docStart = new IntList();
  private readonly termOf = new IntList();
  private readonly countOf = new IntList();
  private readonly words: number[] = [];
  private readonly unigrams: boolean;
  private readonly visit = (term: string) => this.occurs(this.interner.idOf(term));

  constructor(private readonly options: NgramOptions) {
    const [min, max] = ngramRange(options);
    this.unigrams = min === 1 && max === 1 && !options.lemma;
  }

  /** Adds a document; its index is the number of documents added before it. */
  add(doc: TermsDoc | PackedTermsDoc): void {
    if (!isPackedTermsDoc(doc)) {
      forEachNgram(doc, this.options, this.visit);
    } else if (this.unigrams && !doc.spaced) {
      this.addPackedUnigrams(doc);
    } else {
      const { forms, kinds } = packedForms(doc, this.options.lemma ?? false);
      forEachNgramOfForms(forms, kinds, this.options, this.visit);
    }
    this.docStart.push(this.termOf.length);
    this.words.push(doc.words);
    const seen = this.seen.view();
    for (const id of seen) {
      this.termOf.push(id);
      this.countOf.push(this.count[id]);
      this.count[id] = 0;
    }
    this.seen.length = 0;
  }

  /** The table, with term ids renumbered into code-unit order. */
  build(): TermTable {
    const terms = this.interner.terms.slice().sort();
    const rank = new Int32Array(terms.length);
    for (let r = 0; r < terms.length; r++) rank[this.interner.idOf(terms[r])] = r;
    // views, not copies: the postings are the table's largest arrays (two integers per distinct
    // term of every document), and the builder is dropped with its lists
    const termOf = this.termOf.view();
    for (let p = 0; p < termOf.length; p++) termOf[p] = rank[termOf[p]];
    const docStart = new Int32Array(this.words.length + 1);
    docStart.set(this.docStart.view());
    docStart[this.words.length] = termOf.length;
    return { terms, docStart, termOf, countOf: this.countOf.view(), words: Float64Array.from(this.words) };
  }

  /**
   * The unigrams of a packed document read off its text: what forEachNgramOfForms visits for n = 1
   * without lemmas (every token of a counted kind, lower-cased), without splitting the text.
   */
  private addPackedUnigrams(doc: PackedTermsDoc): void {
    const { text, kinds } = doc;
    const tokens = kinds.length;
    if (tokens === 0) return;
    const counted = countedKinds(this.options);
    let token = 0;
    let start = 0;
    for (let k = 0; k <= text.length; k++) {
      if (k < text.length && text.charCodeAt(k) !== SPACE) continue;
      if (token < tokens && counted(kinds.charCodeAt(token) | CASE_BIT)) {
        const id = this.interner.idOfAsciiLower(text, start, k);
        this.occurs(id >= 0 ? id : this.interner.idOf(text.slice(start, k).toLowerCase()));
      }
      token++;
      start = k + 1;
    }
    if (token !== tokens) packedForms(doc, false); // throws: the texts do not match the kinds
  }

  private occurs(id: number): void {
    if (id === this.count.length) {
      const grown = new Int32Array(2 * id);
      grown.set(this.count);
      this.count = grown;
    }
    if (this.count[id]++ === 0) this.seen.push(id);
  }
}

const SPACE = 0x20;

/** Kinds (lower-case char codes) whose tokens are unigrams: all but punctuation, stop words and numbers unless kept (as in ngrams.ts). */
function countedKinds(options: NgramOptions): (kind: number) => boolean {
  const stop = options.stopWords ?? false;
  const numbers = options.numbers ?? false;
  return (kind) => kind !== 0x70 && (kind !== 0x73 || stop) && (kind !== 0x6e || numbers); // p, s, n
}

/** The summed counts of a group of documents. */
export interface SparseGroup {
  name: string;
  docs: number;
  /** Word tokens (rate denominator). */
  tokens: number;
  /** Term ids in first-seen order over the group's documents (in the order they were summed). */
  ids: Int32Array;
  /** Occurrences of ids[k] in the group. */
  counts: Int32Array;
  /** Documents of the group holding ids[k] (only when asked for). */
  docFreq?: Int32Array;
}

/** Sums documents of a TermTable into groups, reusing one scratch array per table. */
export class GroupSummer {
  private readonly count: Int32Array;
  private readonly docFreq: Int32Array;
  private readonly seen = new IntList();

  constructor(private readonly table: TermTable) {
    this.count = new Int32Array(table.terms.length);
    this.docFreq = new Int32Array(table.terms.length);
  }

  /** The group of these documents (table indices, in the order their terms should be first seen). */
  sum(name: string, docs: readonly number[], withDocFreq: boolean): SparseGroup {
    const { docStart, termOf, countOf, words } = this.table;
    let tokens = 0;
    for (const d of docs) {
      tokens += words[d];
      for (let p = docStart[d]; p < docStart[d + 1]; p++) {
        const id = termOf[p];
        if (this.count[id] === 0) this.seen.push(id);
        this.count[id] += countOf[p];
        this.docFreq[id]++;
      }
    }
    const ids = this.seen.toArray();
    const counts = new Int32Array(ids.length);
    const docFreq = withDocFreq ? new Int32Array(ids.length) : undefined;
    for (let k = 0; k < ids.length; k++) {
      counts[k] = this.count[ids[k]];
      if (docFreq) docFreq[k] = this.docFreq[ids[k]];
      this.count[ids[k]] = 0;
      this.docFreq[ids[k]] = 0;
    }
    this.seen.length = 0;
    return { name, docs: docs.length, tokens, ids, counts, docFreq };
  }
}

/** The id of a term in a table's code-unit-ordered terms, or -1. */
export function termId(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid] < term) lo = mid + 1;
    else if (terms[mid] > term) hi = mid - 1;
    else return mid;
  }
  return -1;
}
