/**
 * Event labels: the distinctive terms of a group (highest summed TF-IDF weight; name keys are
 * shown as written) and the headline of its most central article (highest cosine to the group's
 * summed vector), which reads better than a term list when the corpus has headlines.
 */
import type { SparseVector } from '../similarity/types.js';
import type { TermSpace } from '../similarity/vectors.js';

export interface GroupLabel {
  terms: string[];
  /** Index of the most central member. */
  central: number;
}

/** Distinctive terms and central member of a group of vector indexes. */
export function describeGroup(space: TermSpace, members: readonly number[], maxTerms = 5): GroupLabel {
  const sum = new Map<number, number>();
  for (const i of members) {
    const v = space.vectors[i];
    for (let k = 0; k < v.ids.length; k++) sum.set(v.ids[k], (sum.get(v.ids[k]) ?? 0) + v.weights[k]);
  }
  const dot = (v: SparseVector) => {
    let s = 0;
    for (let k = 0; k < v.ids.length; k++) s += (sum.get(v.ids[k]) ?? 0) * v.weights[k];
    return s;
  };
  let central = members[0];
  let best = -Infinity;
  for (const i of members) {
    const s = dot(space.vectors[i]);
    if (s > best) [best, central] = [s, i];
  }
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const id of heaviestFirst(sum)) {
    const term = space.display[id];
    // A name and its last word ("Lavrov"), or a name and the same words as a bigram, say one thing twice.
    const lower = term.toLowerCase();
    if ([...seen].some((t) => t.toLowerCase() === lower || t.toLowerCase().split(/\s+/).includes(lower))) continue;
    seen.add(term);
    terms.push(term);
    if (terms.length === maxTerms) break;
  }
  return { terms, central };
}

/**
 * Term ids by summed weight, heaviest first, ties by id: a heap popped only as far as the label
 * reads (a handful of terms), instead of sorting every term of the group.
 */
function* heaviestFirst(sum: ReadonlyMap<number, number>): Generator<number> {
  const ids = [...sum.keys()];
  const weights = [...sum.values()];
  const before = (a: number, b: number) => weights[a] > weights[b] || (weights[a] === weights[b] && ids[a] < ids[b]);
  const heap = ids.map((_, i) => i);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      let top = i;
      if (l < heap.length && before(heap[l], heap[top])) top = l;
      if (l + 1 < heap.length && before(heap[l + 1], heap[top])) top = l + 1;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top], heap[i]];
      i = top;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  while (heap.length) {
    const first = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      down(0);
    }
    yield ids[first];
  }
}

/** URL- and id-safe slug of a few terms (`lavrov-talks`). */
export function slug(terms: readonly string[], maxWords = 3): string {
  return (
    terms
      .slice(0, maxWords)
      .join(' ')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'event'
  );
}

/** Headline, shortened to a label. */
export function headlineLabel(title: string, terms: readonly string[], maxLength = 90): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (!clean) return terms.slice(0, 4).join(', ');
  return clean.length > maxLength ? clean.slice(0, maxLength - 1).trimEnd() + '…' : clean;
}
