/**
 * Takes some sentences' terms out of a built TermTable (term-table.ts), in place: the terms
 * summary counts every article once while it reads them, and only then knows which sentences an
 * outlet repeats (repeated-sentences.ts). N-grams never cross a sentence boundary, so an
 * article's counts without those sentences are its counts minus theirs: only the left-out
 * sentences are read again, not the articles.
 *
 *   TermTable + (document index → n-grams of its left-out sentences) ─apply─▶ the same TermTable, patched
 *
 * Postings only shrink (a count goes down, or to zero and the posting goes), so the arrays are
 * compacted front to back without a copy; the remaining terms keep their first-seen order.
 */
import { forEachNgramOfForms, ngramInput, type NgramOptions } from './ngrams.js';
import { CASE_BIT, isPackedTermsDoc, LOWER_A, termsDocOf, type PackedTermsDoc } from './terms-codec.js';
import { termId, type TermTable } from './term-table.js';
import type { TermsDoc } from './types.js';
import { getOrAdd } from '../../src/get-or-add.js';

export class TablePatch {
  private readonly removed = new Map<number, { counts: Map<number, number>; tokens: number }>();
  // term → id: left-out sentences repeat, so their terms do too (a binary search each cost more)
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly table: TermTable,
    private readonly options: NgramOptions,
  ) {}

  /**
   * Takes sentences (indices, ascending) of document d out of its counts, and their word and
   * number tokens off its word count; returns how many tokens that was.
   */
  leaveOut(d: number, doc: TermsDoc | PackedTermsDoc, sentences: readonly number[]): number {
    const { terms } = this.table;
    const counts = new Map<number, number>();
    const tokens = forEachSentenceNgram(doc, sentences, this.options, (term) => {
      const id = getOrAdd(this.ids, term, () => termId(terms, term));
      if (id < 0) throw new Error(`framelens: '${term}' is in a sentence of a document that did not count it`);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    });
    this.removed.set(d, { counts, tokens });
    return tokens;
  }

  /** The table with every left-out sentence taken out (the same object, its arrays shortened). */
  apply(): TermTable {
    const table = this.table;
    if (!this.removed.size) return table;
    const { docStart, termOf, countOf, words } = table;
    const documents = words.length;
    let write = 0;
    for (let d = 0; d < documents; d++) {
      const from = docStart[d];
      const to = docStart[d + 1];
      docStart[d] = write;
      const removed = this.removed.get(d);
      if (!removed) {
        // copyWithin is memmove: safe with write ≤ from
        if (write !== from) {
          termOf.copyWithin(write, from, to);
          countOf.copyWithin(write, from, to);
        }
        write += to - from;
        continue;
      }
      for (let p = from; p < to; p++) {
        const left = countOf[p] - (removed.counts.get(termOf[p]) ?? 0);
        if (left < 0) throw new Error('framelens: a left-out sentence holds a term more often than its document');
        if (left === 0) continue;
        termOf[write] = termOf[p];
        countOf[write++] = left;
      }
      words[d] = Math.max(0, words[d] - removed.tokens);
    }
    docStart[documents] = write;
    table.termOf = termOf.subarray(0, write);
    table.countOf = countOf.subarray(0, write);
    return table;
  }
}

const PUNCTUATION = 0x70; // p

/**
 * Every n-gram of the given sentences of a document (forEachNgramOfForms on their tokens);
 * returns their word and number tokens (kinds w, s, n). A packed document without lemmas is read
 * where its sentences are, its other tokens skipped; otherwise it is unpacked.
 */
export function forEachSentenceNgram(doc: TermsDoc | PackedTermsDoc, sentences: readonly number[], options: NgramOptions, visit: (term: string) => void): number {
  let words = 0;
  const count = (kinds: string) => {
    for (let t = 0; t < kinds.length; t++) if ((kinds.charCodeAt(t) | CASE_BIT) !== PUNCTUATION) words++;
  };
  if (isPackedTermsDoc(doc) && !options.lemma && !doc.spaced) {
    const { text, kinds } = doc;
    const wanted = new Set(sentences);
    const last = Math.max(...sentences);
    let sentence = -1;
    let start = 0;
    let forms: string[] = [];
    let first = 0;
    const flush = (end: number) => {
      if (!forms.length) return;
      const sentenceKinds = kinds.slice(first, end);
      count(sentenceKinds);
      forEachNgramOfForms(forms, sentenceKinds, options, visit);
      forms = [];
    };
    for (let t = 0; t < kinds.length; t++) {
      let end = text.indexOf(' ', start);
      if (end < 0) end = text.length;
      if (kinds.charCodeAt(t) < LOWER_A) {
        flush(t);
        if (++sentence > last) return words;
        first = t;
      }
      if (wanted.has(sentence)) forms.push(text.slice(start, end).toLowerCase());
      start = end + 1;
    }
    flush(kinds.length);
    return words;
  }
  const plain = termsDocOf(doc);
  const { forms, kinds } = ngramInput(plain, options.lemma ?? false);
  for (const s of sentences) {
    const from = plain.sentences[s];
    const to = s + 1 < plain.sentences.length ? plain.sentences[s + 1] : forms.length;
    count(kinds.slice(from, to));
    forEachNgramOfForms(forms.slice(from, to), kinds.slice(from, to), options, visit);
  }
  return words;
}
