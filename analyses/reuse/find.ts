/**
 * Reuse detection over fingerprints (no article text), the pure core of the `reuse` analysis:
 *   1. index every sentence (≥ minWords words) under its exact hash and 6 MinHash bands
 *   2. sentences sharing a key in different articles (different outlets unless `sameOutlet`) are
 *      candidate matches, verified by hash equality or MinHash agreement ≥ `sentenceMatch`;
 *      keys held by more than `maxPosting` articles are boilerplate and skipped
 *   3. per article pair, aligned runs of ≥ `minSentences` matches become passages (align.ts)
 *   4. article-level shingle Jaccard (MinHash) flags near-duplicates
 * Complexity: O(S·7) index entries for S sentences; each key yields at most maxPosting² pairs,
 * so the work is linear in S for a fixed cap — never all pairs of articles.
 */
import { stripUndefined } from '../similarity/candidates.js';
import { alignRuns, type SentenceMatch } from './align.js';
import { minhashJaccard, mix32 } from './hash.js';
import { REUSE_DEFAULTS, SENTENCE_SIG, type ReuseDoc, type ReuseOptions, type ReusePair, type ReuseSummary, type ReusedPassage } from './types.js';

/** What reuse detection needs to know about one article. */
export interface ReuseInput {
  id: string;
  outlet?: string;
  date?: string;
  print: ReuseDoc;
}

const EXACT_SEED = 0x5bd1e995;

function sentenceKeys(hash: number, sig: readonly number[]): number[] {
  const keys = [mix32(hash, EXACT_SEED)];
  for (let band = 0; 2 * band + 1 < sig.length; band++) keys.push(mix32(sig[2 * band] ^ mix32(sig[2 * band + 1], band), band + 1));
  return keys;
}

function earlierOf(x: ReuseInput, y: ReuseInput): string | undefined {
  const tx = x.date ? Date.parse(x.date) : NaN;
  const ty = y.date ? Date.parse(y.date) : NaN;
  if (Number.isNaN(tx) || Number.isNaN(ty) || tx === ty) return undefined;
  return tx < ty ? x.id : y.id;
}

/** Sentence matches per article pair (key `i * n + j`, i < j). */
function sentenceMatches(docs: readonly ReuseInput[], o: Required<ReuseOptions>): Map<number, SentenceMatch[]> {
  const n = docs.length;
  const postings = new Map<number, number[]>(); // flattened [doc, sentence, doc, sentence, …]
  docs.forEach((d, i) => {
    d.print.sentences.forEach((s, k) => {
      if (s.words < o.minWords || s.sig.length < SENTENCE_SIG) return;
      for (const key of sentenceKeys(s.hash, s.sig)) {
        const list = postings.get(key) ?? postings.set(key, []).get(key)!;
        if (list.length < 2 * (o.maxPosting + 1)) list.push(i, k);
      }
    });
  });
  const byPair = new Map<number, Map<number, SentenceMatch>>();
  for (const list of postings.values()) {
    if (list.length < 4 || list.length > 2 * o.maxPosting) continue;
    for (let x = 0; x < list.length; x += 2) {
      for (let y = x + 2; y < list.length; y += 2) {
        let [i, si, j, sj] = [list[x], list[x + 1], list[y], list[y + 1]];
        if (i === j) continue;
        if (i > j) [i, si, j, sj] = [j, sj, i, si];
        if (!o.sameOutlet && docs[i].outlet !== undefined && docs[i].outlet === docs[j].outlet) continue;
        const pairKey = i * n + j;
        const matches = byPair.get(pairKey) ?? byPair.set(pairKey, new Map()).get(pairKey)!;
        const matchKey = si * 1_000_003 + sj;
        if (matches.has(matchKey)) continue;
        const a = docs[i].print.sentences[si];
        const b = docs[j].print.sentences[sj];
        const score = a.hash === b.hash ? 1 : minhashJaccard(a.sig, b.sig);
        if (score >= o.sentenceMatch) matches.set(matchKey, { a: si, b: sj, score });
      }
    }
  }
  const out = new Map<number, SentenceMatch[]>();
  for (const [key, matches] of byPair) if (matches.size) out.set(key, [...matches.values()]);
  return out;
}

/** Reused passages and near-duplicate article pairs (see the file header). */
export function findReuse(docs: readonly ReuseInput[], options: ReuseOptions = {}): ReuseSummary {
  const o = { ...REUSE_DEFAULTS, ...stripUndefined(options) };
  const n = docs.length;
  const passages: ReusedPassage[] = [];
  const pairs: ReusePair[] = [];
  for (const [key, matches] of sentenceMatches(docs, o)) {
    const x = docs[Math.floor(key / n)];
    const y = docs[key % n];
    const jaccard = Math.round(minhashJaccard(x.print.sig, y.print.sig) * 1000) / 1000;
    const earlier = earlierOf(x, y);
    const runs = alignRuns(matches, o.maxGap, o.minSentences);
    let aCovered = 0;
    let bCovered = 0;
    for (const run of runs) {
      const first = run[0];
      const last = run[run.length - 1];
      aCovered += last.a - first.a + 1;
      bCovered += last.b - first.b + 1;
      passages.push({
        a: x.id,
        b: y.id,
        aSpan: { start: x.print.sentences[first.a].start, end: x.print.sentences[last.a].end },
        bSpan: { start: y.print.sentences[first.b].start, end: y.print.sentences[last.b].end },
        sentences: run.length,
        identical: run.filter((m) => m.score === 1).length,
        jaccard,
        earlier,
      });
    }
    const nearDuplicate = jaccard >= o.nearDuplicate;
    if (!runs.length && !nearDuplicate) continue;
    pairs.push({
      a: x.id,
      b: y.id,
      jaccard,
      nearDuplicate,
      passages: runs.length,
      aShare: Math.round((aCovered / Math.max(1, x.print.sentences.length)) * 1000) / 1000,
      bShare: Math.round((bCovered / Math.max(1, y.print.sentences.length)) * 1000) / 1000,
      earlier,
    });
  }
  passages.sort((p, q) => q.sentences - p.sentences || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.aSpan.start - q.aSpan.start));
  pairs.sort((p, q) => q.jaccard - p.jaccard || q.passages - p.passages || (p.a < q.a ? -1 : 1));
  return { passages, pairs };
}
