/**
 * Event labels: the distinctive terms of a group (highest summed TF-IDF weight; name keys are
 * shown as written) and the headline of its most central article (highest cosine to the group's
 * summed vector), which reads better than a term list when the corpus has headlines.
 */
import type { SparseVector } from '../similarity/types.js';
import type { TermSpace } from '../similarity/vectors.js';
import { keepDistinct } from '../similarity/shared-terms.js';

export interface GroupLabel {
  terms: string[];
  /** Index of the most central member. */
  central: number;
}

/**
 * Describes groups of one term space. The group's summed vector is spread over a dense array of
 * vocabulary length, allocated once and reset after each group: a Map per group made garbage
 * collection and hashing most of the labelling time on 20k articles (one group per article, most
 * of them alone). The sums are added in the same order as one at a time, so they are the same to
 * the last bit.
 */
export class GroupDescriber {
  private readonly sum: Float64Array;
  /** Term ids the current group touched, first touch first. */
  private touched: number[] = [];

  constructor(private readonly space: TermSpace) {
    this.sum = new Float64Array(space.vocab.length);
  }

  /** Distinctive terms and central member of a group of vector indexes. */
  describe(members: readonly number[], maxTerms = 5): GroupLabel {
    const { sum, space } = this;
    const touched = this.touched;
    for (const i of members) {
      const v = space.vectors[i];
      for (let k = 0; k < v.ids.length; k++) {
        const id = v.ids[k];
        // An entry no member has touched yet is 0. (Were a sum of weights to come back to exactly
        // 0, the id would be listed twice: the check on seen terms below drops the repeat.)
        if (sum[id] === 0) touched.push(id);
        sum[id] += v.weights[k];
      }
    }
    let central = members[0];
    // A lone article is its own centre: no dot product needed.
    if (members.length > 1) {
      let best = -Infinity;
      for (const i of members) {
        const s = this.dot(space.vectors[i]);
        if (s > best) [best, central] = [s, i];
      }
    }
    const terms: string[] = [];
    for (const id of heaviestFirst(touched, sum)) {
      // A name and its last word ("Lavrov"), or a name and the same words as a bigram, say one thing twice.
      if (keepDistinct(terms, space.display[id]) && terms.length === maxTerms) break;
    }
    for (const id of touched) sum[id] = 0;
    this.touched = [];
    return { terms, central };
  }

  private dot(v: SparseVector): number {
    let s = 0;
    for (let k = 0; k < v.ids.length; k++) s += this.sum[v.ids[k]] * v.weights[k];
    return s;
  }
}

/**
 * Term ids by summed weight, heaviest first, ties by id: a heap popped only as far as the label
 * reads (a handful of terms), instead of sorting every term of the group.
 */
function* heaviestFirst(ids: readonly number[], weightOf: Float64Array): Generator<number> {
  const before = (a: number, b: number) => weightOf[a] > weightOf[b] || (weightOf[a] === weightOf[b] && a < b);
  const heap = ids.slice();
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
    yield first;
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
