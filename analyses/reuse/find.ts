/**
 * Reuse detection over fingerprints (no article text), the pure core of the `reuse` analysis:
 *   1. index every sentence (≥ minWords words) under its exact hash and 6 MinHash bands
 *   2. sentences sharing a key in different articles (different outlets unless `sameOutlet`) are
 *      candidate matches, verified by hash equality or MinHash agreement ≥ `sentenceMatch`;
 *      keys held by more than `maxPosting` articles' sentences are boilerplate and skipped
 *   3. per article pair, aligned runs of ≥ `minSentences` matches become passages (align.ts)
 *   4. article-level shingle Jaccard (MinHash) flags near-duplicates
 * Steps 1–2 run on the corpus in flat typed arrays (reuse-table.ts, sentence-matches.ts).
 * Complexity: O(S·7) index entries for S sentences; each key yields at most maxPosting² pairs,
 * so the work is linear in S for a fixed cap — never all pairs of articles. The output is sorted
 * in total orders and `a` is the article whose id sorts first, so it does not depend on the
 * order of the inputs.
 */
import { stripUndefined } from '../similarity/candidates.js';
import { alignRuns } from './align.js';
import { minhashJaccard } from './hash.js';
import { reuseTable, type ReuseTable, type FingerprintInput } from './reuse-table.js';
import { eachMatchingPair } from './sentence-matches.js';
import { REUSE_DEFAULTS, type ReuseOptions, type ReusePair, type ReuseSummary, type ReusedPassage } from './types.js';

/** What reuse detection needs to know about one article: id, outlet, date, fingerprint (plain or packed). */
export type ReuseInput = FingerprintInput;

/** The article published first (both times known and different), else undefined. */
function earlierOf(table: ReuseTable, i: number, j: number): string | undefined {
  const ti = table.time[i];
  const tj = table.time[j];
  if (Number.isNaN(ti) || Number.isNaN(tj) || ti === tj) return undefined;
  return ti < tj ? table.ids[i] : table.ids[j];
}

/** Code-unit order of strings (not locale order: the same on every machine). */
function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Longest passages first, then by article ids and span starts: a total order. */
function comparePassages(p: ReusedPassage, q: ReusedPassage): number {
  return q.sentences - p.sentences || compareIds(p.a, q.a) || p.aSpan.start - q.aSpan.start || compareIds(p.b, q.b) || p.bSpan.start - q.bSpan.start;
}

/** Most similar pairs first, then most passages, then by article ids: a total order. */
function comparePairs(p: ReusePair, q: ReusePair): number {
  return q.jaccard - p.jaccard || q.passages - p.passages || compareIds(p.a, q.a) || compareIds(p.b, q.b);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Reused passages and near-duplicate pairs of the articles in a table (steps 3–4; see the file header). */
export function findReuseInTable(table: ReuseTable, options: ReuseOptions = {}): ReuseSummary {
  const o = { ...REUSE_DEFAULTS, ...stripUndefined(options) };
  const { ids, first, start, end, docSig, docSigAt } = table;
  const passages: ReusedPassage[] = [];
  const pairs: ReusePair[] = [];
  eachMatchingPair(table, o, (i, j, matches) => {
    const jaccard = round3(minhashJaccard(docSig.subarray(docSigAt[i], docSigAt[i + 1]), docSig.subarray(docSigAt[j], docSigAt[j + 1])));
    const earlier = earlierOf(table, i, j);
    const runs = alignRuns(matches, o.maxGap, o.minSentences);
    let aCovered = 0;
    let bCovered = 0;
    for (const run of runs) {
      const firstMatch = run[0];
      const lastMatch = run[run.length - 1];
      aCovered += lastMatch.a - firstMatch.a + 1;
      bCovered += lastMatch.b - firstMatch.b + 1;
      passages.push({
        a: ids[i],
        b: ids[j],
        aSpan: { start: start[first[i] + firstMatch.a], end: end[first[i] + lastMatch.a] },
        bSpan: { start: start[first[j] + firstMatch.b], end: end[first[j] + lastMatch.b] },
        sentences: run.length,
        identical: run.filter((m) => m.score === 1).length,
        jaccard,
        earlier,
      });
    }
    const nearDuplicate = jaccard >= o.nearDuplicate;
    if (!runs.length && !nearDuplicate) return;
    pairs.push({
      a: ids[i],
      b: ids[j],
      jaccard,
      nearDuplicate,
      passages: runs.length,
      aShare: round3(aCovered / Math.max(1, first[i + 1] - first[i])),
      bShare: round3(bCovered / Math.max(1, first[j + 1] - first[j])),
      earlier,
    });
  });
  passages.sort(comparePassages);
  pairs.sort(comparePairs);
  return { passages, pairs };
}

/**
 * Reused passages and near-duplicate article pairs among these articles (see the file header).
 * Fingerprints may also be packed, as the analysis's perDoc returns them: they are read into the
 * table without unpacking.
 */
export function findReuse(docs: readonly ReuseInput[], options: ReuseOptions = {}): ReuseSummary {
  return findReuseInTable(reuseTable(docs), options);
}
