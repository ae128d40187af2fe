/**
 * termCounts: n-gram counts per group (outlet, event, event × outlet, …) from documents of any
 * accepted kind. Accepts any iterable, so a caller can stream a large corpus through it without
 * holding every document in memory.
 */
import { groupOf } from './grouping.js';
import { forEachNgram, ngramRange } from './ngrams.js';
import { toTermsDoc, type TermsInput } from './terms-doc.js';
import type { SparseGroup } from './term-table.js';
import type { CountOptions, GroupCounts, TermsDoc } from './types.js';

/** An empty group. */
export function emptyGroup(): GroupCounts {
  return { tokens: 0, docs: 0, counts: new Map(), docFreq: new Map() };
}

/** N-gram counts of one document. */
export function docCounts(doc: TermsDoc, options: CountOptions): Map<string, number> {
  const counts = new Map<string, number>();
  forEachNgram(doc, options, (term) => counts.set(term, (counts.get(term) ?? 0) + 1));
  return counts;
}

/** Adds one document's counts (from docCounts) and tokens to a group. */
export function addToGroup(group: GroupCounts, counts: Map<string, number>, words: number): void {
  group.tokens += words;
  group.docs++;
  for (const [term, c] of counts) {
    group.counts.set(term, (group.counts.get(term) ?? 0) + c);
    group.docFreq.set(term, (group.docFreq.get(term) ?? 0) + 1);
  }
}

/**
 * Counts n-grams per group. Groups appear in first-seen order; documents without a group
 * (e.g. no event when grouping by event) are skipped.
 */
export function termCounts(docs: Iterable<TermsInput>, options: CountOptions = {}): Map<string, GroupCounts> {
  ngramRange(options); // fail fast on a bad range, before reading anything
  const groups = new Map<string, GroupCounts>();
  for (const input of docs) {
    const doc = toTermsDoc(input);
    const key = groupOf(doc, options.by ?? 'outlet', input);
    if (key === undefined) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = emptyGroup()));
    addToGroup(group, docCounts(doc, options), doc.words);
  }
  return groups;
}

/** Frequency rows of one group: count, rate per 10k tokens and document frequency, most frequent first. */
export function frequencyRows(group: GroupCounts, options: { minCount?: number; limit?: number } = {}) {
  const minCount = options.minCount ?? 1;
  const rows: FrequencyRow[] = [];
  for (const [term, count] of group.counts) {
    if (count >= minCount) rows.push({ term, count, rate: ratePer10k(count, group.tokens), docs: group.docFreq.get(term) ?? 0 });
  }
  rows.sort(byFrequency);
  return options.limit === undefined ? rows : rows.slice(0, options.limit);
}

/** One frequency row: count, rate per 10k tokens, documents holding the term. */
export interface FrequencyRow {
  term: string;
  count: number;
  rate: number;
  docs: number;
}

/** Most frequent first, then by term (locale order); equal rows keep their order (a stable sort). */
function byFrequency(a: FrequencyRow, b: FrequencyRow): number {
  return b.count - a.count || a.term.localeCompare(b.term);
}

/**
 * frequencyRows of a summed group (term-table.ts; summed with document counts): the same rows,
 * but only the terms as frequent as the limit-th one are sorted, not the group's whole vocabulary.
 */
export function frequentTerms(group: SparseGroup, terms: readonly string[], limit: number): FrequencyRow[] {
  if (limit === 0) return [];
  let least = 1;
  if (limit > 0 && limit < group.counts.length) least = group.counts.slice().sort()[group.counts.length - limit];
  const rows: FrequencyRow[] = [];
  for (let k = 0; k < group.ids.length; k++) {
    const count = group.counts[k];
    if (count >= least) rows.push({ term: terms[group.ids[k]], count, rate: ratePer10k(count, group.tokens), docs: group.docFreq?.[k] ?? 0 });
  }
  return rows.sort(byFrequency).slice(0, limit);
}

/** Occurrences per 10,000 tokens (0 when there are no tokens). */
export function ratePer10k(count: number, tokens: number): number {
  return tokens > 0 ? (count / tokens) * 10_000 : 0;
}
