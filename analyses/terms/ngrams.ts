/**
 * N-gram enumeration over a TermsDoc: the one place that decides what a "term" is.
 * N-grams are runs of word/number tokens inside one sentence (punctuation breaks them); with
 * stop words off, an n-gram may hold stop words inside ("rule of law") but not start or end
 * with one; with numbers off, no n-gram holds a number.
 */
import { CASE_BIT, LOWER_A, sentenceKinds } from './terms-codec.js';
import { formOf } from './terms-doc.js';
import type { CountOptions, TermsDoc } from './types.js';

const PUNCTUATION = 0x70; // p
const NUMBER = 0x6e; // n
const STOP = 0x73; // s

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
  const { forms, kinds } = ngramInput(doc, options.lemma ?? false);
  forEachNgramOfForms(forms, kinds, options, visit);
}

/** What forEachNgramOfForms reads of a document: every token's form and the kinds with sentence starts upper-cased. */
export function ngramInput(doc: TermsDoc, lemma: boolean): { forms: string[]; kinds: string } {
  return { forms: doc.text.map((_, i) => formOf(doc, i, lemma)), kinds: sentenceKinds(doc) };
}

/**
 * forEachNgram over what it needs of a document: the form of every token (lower-cased surface or
 * lemma, as `options.lemma` asks) and the kinds with sentence starts upper-cased (the packed
 * `kinds`, terms-codec.ts), so summarize can count packed documents without unpacking them.
 */
export function forEachNgramOfForms(forms: readonly string[], kinds: string, options: NgramOptions, visit: (term: string, first: number, last: number) => void): void {
  const [min, max] = ngramRange(options);
  const keepStop = options.stopWords ?? false;
  const keepNumbers = options.numbers ?? false;
  let runStart = 0;
  for (let i = 0; i < forms.length; i++) {
    const code = kinds.charCodeAt(i);
    if (code < LOWER_A) runStart = i;
    const kind = code | CASE_BIT;
    if (kind === PUNCTUATION || (kind === NUMBER && !keepNumbers)) {
      runStart = i + 1;
      continue;
    }
    if (kind === STOP && !keepStop) continue; // may still sit inside a longer n-gram
    for (let n = min; n <= max; n++) {
      const first = i - n + 1;
      if (first < runStart) break;
      if (!keepStop && (kinds.charCodeAt(first) | CASE_BIT) === STOP) continue;
      visit(n === 1 ? forms[i] : forms.slice(first, i + 1).join(' '), first, i);
    }
  }
}
