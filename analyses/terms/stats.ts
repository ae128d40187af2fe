/**
 * The keyness statistics as pure functions of four numbers, so they can be checked by hand:
 *   - log-odds ratio with informative Dirichlet prior and its z-score (Monroe, Colaresi & Quinn
 *     2008, "Fightin' Words", eqs. 16, 18 and 19);
 *   - log-likelihood G² (Dunning 1993; Rayson & Garside 2000) for a 2 × 2 table;
 *   - Log Ratio (Hardie 2014), the binary log of the ratio of relative frequencies.
 * y = term count, n = total tokens, subscript 1 = the group, 2 = what it is compared with.
 */

export interface LogOdds {
  delta: number;
  variance: number;
  z: number;
}

/**
 * δ̂ = log[(y1+αw)/(n1+α0−y1−αw)] − log[(y2+αw)/(n2+α0−y2−αw)],  σ² ≈ 1/(y1+αw) + 1/(y2+αw),
 * z = δ̂/σ. `alphaW` (> 0) is the prior count of the term, `alpha0` the prior total.
 */
export function logOddsDirichlet(y1: number, n1: number, y2: number, n2: number, alphaW: number, alpha0: number): LogOdds {
  const delta = Math.log((y1 + alphaW) / (n1 + alpha0 - y1 - alphaW)) - Math.log((y2 + alphaW) / (n2 + alpha0 - y2 - alphaW));
  const variance = 1 / (y1 + alphaW) + 1 / (y2 + alphaW);
  return { delta, variance, z: delta / Math.sqrt(variance) };
}

/** G² = 2 Σ O ln(O/E) over the term's two cells (0 ln 0 = 0); 0 when a corpus is empty. */
export function logLikelihood(y1: number, n1: number, y2: number, n2: number): number {
  const total = n1 + n2;
  if (n1 <= 0 || n2 <= 0 || y1 + y2 === 0) return 0;
  const e1 = (n1 * (y1 + y2)) / total;
  const e2 = (n2 * (y1 + y2)) / total;
  const cell = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);
  return 2 * (cell(y1, e1) + cell(y2, e2));
}

/** log2((y1/n1)/(y2/n2)) with a zero count taken as 0.5, so one-sided terms stay finite. */
export function logRatio(y1: number, n1: number, y2: number, n2: number): number {
  if (n1 <= 0 || n2 <= 0) return 0;
  return Math.log2(((y1 || 0.5) / n1) / ((y2 || 0.5) / n2));
}
