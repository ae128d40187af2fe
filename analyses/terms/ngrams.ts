/**
 * N-gram enumeration over a TermsDoc: the one place that decides what a "term" is.
 * N-grams are runs of word/number tokens inside one sentence (punctuation breaks them); with
 * stop words off, an n-gram may hold stop words inside ("rule of law") but not start or end
 * with one; with numbers off, no n-gram holds a number.
 */
import { formOf } from './terms-doc.js';
import type { CountOptions, TermsDoc } from './types.js';

export type NgramOptions = Pick<CountOptions, 'ngram' | 'minNgram' | 'lemma' | 'stopWords' | 'numbers'>;

/** Validated n-gram range. Throws on a bad range (a programmer or option error). */
export function ngramRange(options: NgramOptions): [number, number] {
  const max = options.ngram ?? 1;
  const min = options.minNgram ?? 1;
  if (!Number.isInteger(max) || !Number.isInteger(min) || min < 1 || max < min || max > 5) {
    throw new Error(`framelens: n-gram range must satisfy 1 ≤ minNgram ≤ ngram ≤ 5, got ${min}..${max}`);
  }
  return [min, max];
}

/** Calls `visit(term, firstToken, lastToken)` for every n-gram occurrence, in text order. */
export function forEachNgram(doc: TermsDoc, options: NgramOptions, visit: (term: string, first: number, last: number) => void): void {
  const [min, max] = ngramRange(options);
  const lemma = options.lemma ?? false;
  const keepStop = options.stopWords ?? false;
  const keepNumbers = options.numbers ?? false;
  const forms = doc.text.map((_, i) => formOf(doc, i, lemma));
  let nextSentence = 0;
  let runStart = 0;
  for (let i = 0; i < forms.length; i++) {
    if (doc.sentences[nextSentence] === i) {
      runStart = i;
      nextSentence++;
    }
    const kind = doc.kind[i];
    if (kind === 'p' || (kind === 'n' && !keepNumbers)) {
      runStart = i + 1;
      continue;
    }
    if (kind === 's' && !keepStop) continue; // may still sit inside a longer n-gram
    for (let n = min; n <= max; n++) {
      const first = i - n + 1;
      if (first < runStart) break;
      if (!keepStop && doc.kind[first] === 's') continue;
      visit(n === 1 ? forms[i] : forms.slice(first, i + 1).join(' '), first, i);
    }
  }
}
