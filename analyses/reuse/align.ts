/**
 * Local alignment of two articles' sentences, in the spirit of textreuse's: given the sentence
 * pairs that match (identical or near-identical), find runs of consecutive matches in the same
 * order on both sides, allowing up to `maxGap` unmatched sentences on either side inside a run
 * (an inserted sentence or one rewritten beyond recognition). Runs are taken longest first and
 * may not overlap on either side.
 */

/** A matching sentence pair: sentence indexes into each article and the match score (1 = identical). */
export interface SentenceMatch {
  a: number;
  b: number;
  score: number;
}

/** Aligned runs of matches (each in article order), longest first. */
export function alignRuns(matches: readonly SentenceMatch[], maxGap: number, minSentences: number): SentenceMatch[][] {
  const sorted = [...matches].sort((x, y) => x.a - y.a || x.b - y.b);
  // Longest chain ending at each match (sorted order is a topological order: a strictly grows).
  const length = new Array<number>(sorted.length).fill(1);
  const previous = new Array<number>(sorted.length).fill(-1);
  for (let m = 0; m < sorted.length; m++) {
    for (let p = m - 1; p >= 0; p--) {
      const da = sorted[m].a - sorted[p].a;
      if (da > maxGap + 1) break;
      const db = sorted[m].b - sorted[p].b;
      if (da < 1 || db < 1 || db > maxGap + 1) continue;
      // Prefer the longer chain, then the tighter step.
      const better =
        length[p] + 1 > length[m] ||
        (length[p] + 1 === length[m] && previous[m] >= 0 && da + db < sorted[m].a - sorted[previous[m]].a + sorted[m].b - sorted[previous[m]].b);
      if (better) {
        length[m] = length[p] + 1;
        previous[m] = p;
      }
    }
  }
  const order = sorted.map((_, i) => i).sort((x, y) => length[y] - length[x] || x - y);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const runs: SentenceMatch[][] = [];
  for (const end of order) {
    if (length[end] < minSentences) break;
    const run: SentenceMatch[] = [];
    for (let m = end; m >= 0; m = previous[m]) run.unshift(sorted[m]);
    const first = run[0];
    const last = run[run.length - 1];
    let overlaps = false;
    for (let a = first.a; a <= last.a && !overlaps; a++) overlaps = usedA.has(a);
    for (let b = first.b; b <= last.b && !overlaps; b++) overlaps = usedB.has(b);
    if (overlaps) continue;
    for (let a = first.a; a <= last.a; a++) usedA.add(a);
    for (let b = first.b; b <= last.b; b++) usedB.add(b);
    runs.push(run);
  }
  return runs;
}
