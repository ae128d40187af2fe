/**
 * The whole corpus's reuse fingerprints in a few flat typed arrays (the ReuseTable), which
 * reuse detection (find.ts, sentence-matches.ts) reads instead of one object and two arrays per
 * sentence: at 20k articles that is about a million sentences, and objects cost several times
 * the values they hold. Built from plain ReuseDocs (findReuse) or straight from the packed
 * strings perDoc returns (the analysis's summarize), decoding base64 into the table in place.
 *
 * Articles are put in order of id, so which article is `a` in a passage, and everything after,
 * does not depend on the order the inputs came in.
 *
 * Per sentence s (articles' sentences one after another, article d's from first[d]):
 *   start[s], end[s], words[s]   its span and word count
 *   values[at[s]]                its hash, followed by its SENTENCE_SIG MinHash values when it
 *                                has a full signature (at[s + 1] - at[s] = 1 + SENTENCE_SIG),
 *                                the same layout as a packed doc's `hashes`.
 */
import { base64Uint32Count, decodeUint32Into, isPackedReuseDoc, packedSentences, readPackedSpans, type PackedReuseDoc } from './reuse-codec.js';
import { SENTENCE_SIG, type ReuseDoc } from './types.js';
import * as messages from './messages.js';

/** One article for reuse detection, its fingerprint plain or packed (as perDoc returns it). */
export interface FingerprintInput {
  id: string;
  outlet?: string;
  date?: string;
  print: ReuseDoc | PackedReuseDoc;
}

/** Fingerprints of a corpus in flat arrays (see the file header). */
export interface ReuseTable {
  ids: string[];
  /** Per article: its outlet's number (equal outlets, equal numbers), -1 when it has none. */
  outlet: Int32Array;
  /** Per article: publication time in ms, NaN when unknown or unparseable. */
  time: Float64Array;
  /** Article d's sentences are first[d] … first[d + 1] - 1. */
  first: Uint32Array;
  /** Article of each sentence. */
  docOf: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  words: Uint32Array;
  /** Sentence s's hash and signature start at values[at[s]] (at has one more entry than sentences). */
  at: Uint32Array;
  values: Uint32Array;
  /** Article d's MinHash signature is docSig[docSigAt[d] … docSigAt[d + 1]). */
  docSigAt: Uint32Array;
  docSig: Uint32Array;
}

/**
 * True when sentence s has a full MinHash signature (a sentence without words has none). A plain
 * ReuseDoc's longer signature keeps its first SENTENCE_SIG values (reuseFingerprint makes exactly
 * that many); a shorter one counts as none.
 */
export function hasSignature(table: ReuseTable, s: number): boolean {
  return table.at[s + 1] - table.at[s] === 1 + SENTENCE_SIG;
}

/** Sizes of one article's part of the table. */
function sizeOf(print: ReuseDoc | PackedReuseDoc): { sentences: number; values: number; docSig: number } {
  if (isPackedReuseDoc(print)) {
    return { sentences: packedSentences(print.spans), values: base64Uint32Count(print.hashes), docSig: base64Uint32Count(print.sig) };
  }
  let values = 0;
  for (const s of print.sentences) values += s.sig.length >= SENTENCE_SIG ? 1 + SENTENCE_SIG : 1;
  return { sentences: print.sentences.length, values, docSig: print.sig.length };
}

/** The table of these articles (ordered by id; ids are expected to be unique). */
export function reuseTable(inputs: readonly FingerprintInput[]): ReuseTable {
  const docs = [...inputs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const n = docs.length;
  const sizes = docs.map((d) => sizeOf(d.print));
  const total = sizes.reduce((t, z) => ({ sentences: t.sentences + z.sentences, values: t.values + z.values, docSig: t.docSig + z.docSig }), {
    sentences: 0,
    values: 0,
    docSig: 0,
  });
  const outletNumbers = new Map<string, number>();
  const table: ReuseTable = {
    ids: docs.map((d) => d.id),
    outlet: Int32Array.from(docs, (d) => (d.outlet === undefined ? -1 : outletNumbers.get(d.outlet) ?? outletNumbers.set(d.outlet, outletNumbers.size).size - 1)),
    time: Float64Array.from(docs, (d) => (d.date ? Date.parse(d.date) : NaN)),
    first: new Uint32Array(n + 1),
    docOf: new Uint32Array(total.sentences),
    start: new Uint32Array(total.sentences),
    end: new Uint32Array(total.sentences),
    words: new Uint32Array(total.sentences),
    at: new Uint32Array(total.sentences + 1),
    values: new Uint32Array(total.values),
    docSigAt: new Uint32Array(n + 1),
    docSig: new Uint32Array(total.docSig),
  };
  let s = 0;
  let value = 0;
  let sig = 0;
  docs.forEach((d, i) => {
    table.first[i] = s;
    table.docSigAt[i] = sig;
    const valueFrom = value;
    if (isPackedReuseDoc(d.print)) {
      readPackedSpans(d.print.spans, (start, end, words) => {
        setSentence(table, s++, i, start, end, words, value);
        value += words > 0 ? 1 + SENTENCE_SIG : 1;
      });
      const written = decodeUint32Into(d.print.hashes, table.values, valueFrom);
      if (written !== value - valueFrom) throw new Error(messages.packedLength(d.id, value - valueFrom, written));
      sig += decodeUint32Into(d.print.sig, table.docSig, sig);
    } else {
      for (const p of d.print.sentences) {
        setSentence(table, s++, i, p.start, p.end, p.words, value);
        table.values[value++] = p.hash;
        if (p.sig.length >= SENTENCE_SIG) for (let k = 0; k < SENTENCE_SIG; k++) table.values[value++] = p.sig[k];
      }
      table.docSig.set(d.print.sig, sig);
      sig += d.print.sig.length;
    }
  });
  table.first[n] = s;
  table.at[s] = value;
  table.docSigAt[n] = sig;
  return table;
}

function setSentence(table: ReuseTable, s: number, doc: number, start: number, end: number, words: number, at: number): void {
  table.docOf[s] = doc;
  table.start[s] = start;
  table.end[s] = end;
  table.words[s] = words;
  table.at[s] = at;
}
