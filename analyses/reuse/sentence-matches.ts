/**
 * Steps 1–2 of reuse detection (find.ts) on the flat corpus table (reuse-table.ts): the sentence
 * index and the verified sentence matches, grouped per article pair, in typed arrays only.
 *   1. every sentence with ≥ minWords words and a signature gets 7 keys (its exact hash and 6
 *      MinHash bands); (key, sentence) entries are sorted by key (radix-sort.ts), so equal keys
 *      sit together — a group of more than maxPosting entries is boilerplate and skipped
 *   2. two sentences of a group in different articles (different outlets unless sameOutlet) match
 *      when their hashes are equal or their MinHash agreement reaches sentenceMatch
 *   3. matches are grouped by article pair (counting sort by the first article, then a sort of
 *      each article's few matches); a pair found under several keys counts once
 * Nothing here depends on the order of entries within a step, only on the sets: the result is
 * the same for any input order once the table has put articles in order of id.
 */
import type { SentenceMatch } from './align.js';
import { mix32 } from './hash.js';
import { sortByKey } from './radix-sort.js';
import { hasSignature, type ReuseTable } from './reuse-table.js';
import { SENTENCE_SIG, type ReuseOptions } from './types.js';

const EXACT_SEED = 0x5bd1e995;
const KEYS_PER_SENTENCE = 1 + SENTENCE_SIG / 2;
/** `agree` value of a match whose hashes are equal (score 1, whatever the signatures say). */
const SAME_HASH = 0xff;

/** Verified matches: global sentence numbers of both sides (a in the article first in the table). */
interface MatchList {
  a: Uint32Array;
  b: Uint32Array;
  /** MinHash positions that agree, or SAME_HASH. */
  agree: Uint8Array;
  length: number;
}

function grow(list: MatchList): void {
  const size = Math.max(1024, 2 * list.a.length);
  const a = new Uint32Array(size);
  const b = new Uint32Array(size);
  const agree = new Uint8Array(size);
  a.set(list.a);
  b.set(list.b);
  agree.set(list.agree);
  Object.assign(list, { a, b, agree });
}

/** Step 1: (key, sentence) entries of every indexed sentence, sorted by key; sentences ascend within a key. */
function sentenceIndex(table: ReuseTable, minWords: number): { keys: Uint32Array; refs: Uint32Array } {
  const { words, values } = table;
  const indexed = (s: number) => words[s] >= minWords && hasSignature(table, s);
  let count = 0;
  for (let s = 0; s < words.length; s++) if (indexed(s)) count++;
  const keys = new Uint32Array(KEYS_PER_SENTENCE * count);
  const refs = new Uint32Array(KEYS_PER_SENTENCE * count);
  let e = 0;
  for (let s = 0; s < words.length; s++) {
    if (!indexed(s)) continue;
    const at = table.at[s];
    keys[e] = mix32(values[at], EXACT_SEED);
    refs[e++] = s;
    for (let band = 0; band < SENTENCE_SIG / 2; band++) {
      keys[e] = mix32(values[at + 1 + 2 * band] ^ mix32(values[at + 2 + 2 * band], band), band + 1);
      refs[e++] = s;
    }
  }
  sortByKey(keys, refs);
  return { keys, refs };
}

/** Step 1 continued: calls `visit` with the sentences of each key (refs[from, to)) that 2 to maxPosting entries share. */
function eachKeyGroup(table: ReuseTable, o: Required<ReuseOptions>, visit: (refs: Uint32Array, from: number, to: number) => void): void {
  const { keys, refs } = sentenceIndex(table, o.minWords);
  for (let from = 0, to = 0; from < keys.length; from = to) {
    while (to < keys.length && keys[to] === keys[from]) to++;
    if (to - from >= 2 && to - from <= o.maxPosting) visit(refs, from, to);
  }
}

/** MinHash positions where sentences s and t agree, or SAME_HASH. */
function agreement(table: ReuseTable, s: number, t: number): number {
  const values = table.values;
  const x = table.at[s];
  const y = table.at[t];
  if (values[x] === values[y]) return SAME_HASH;
  let same = 0;
  for (let k = 1; k <= SENTENCE_SIG; k++) if (values[x + k] === values[y + k]) same++;
  return same;
}

/** The match score of an agreement: 1 for equal hashes, else the share of agreeing MinHash positions. */
function scoreOf(agree: number): number {
  return agree === SAME_HASH ? 1 : agree / SENTENCE_SIG;
}

/** Step 2: verified matches of sentences sharing a key (duplicates included; step 3 drops them). */
function verifiedMatches(table: ReuseTable, o: Required<ReuseOptions>): MatchList {
  const list: MatchList = { a: new Uint32Array(0), b: new Uint32Array(0), agree: new Uint8Array(0), length: 0 };
  const { docOf, outlet } = table;
  eachKeyGroup(table, o, (refs, from, to) => {
    for (let x = from; x < to; x++) {
      // refs ascend within a key (stable sort of ascending entries), so refs[x] is in the earlier article
      const s = refs[x];
      const i = docOf[s];
      for (let y = x + 1; y < to; y++) {
        const t = refs[y];
        const j = docOf[t];
        if (i === j) continue;
        if (!o.sameOutlet && outlet[i] >= 0 && outlet[i] === outlet[j]) continue;
        const agree = agreement(table, s, t);
        if (!(scoreOf(agree) >= o.sentenceMatch)) continue;
        if (list.length === list.a.length) grow(list);
        list.a[list.length] = s;
        list.b[list.length] = t;
        list.agree[list.length++] = agree;
      }
    }
  });
  return list;
}

/**
 * Calls `visit` for each article pair i < j with verified sentence matches (sentence numbers
 * within each article, in order of a then b), pairs in order of i then j.
 */
export function eachMatchingPair(
  table: ReuseTable,
  o: Required<ReuseOptions>,
  visit: (i: number, j: number, matches: SentenceMatch[]) => void,
): void {
  const list = verifiedMatches(table, o);
  const { a, b, agree } = list;
  const { docOf, first } = table;
  // Step 3: matches by first article (counting sort), then each article's by (b's article, a, b).
  const n = table.ids.length;
  const next = new Uint32Array(n + 1);
  for (let m = 0; m < list.length; m++) next[docOf[a[m]] + 1]++;
  for (let d = 1; d <= n; d++) next[d] += next[d - 1];
  const order = new Uint32Array(list.length);
  for (let m = 0; m < list.length; m++) order[next[docOf[a[m]]]++] = m;
  for (let i = 0, from = 0; i < n; from = next[i++]) {
    const mine = order.subarray(from, next[i]).sort((x, y) => docOf[b[x]] - docOf[b[y]] || a[x] - a[y] || b[x] - b[y]);
    for (let g = 0; g < mine.length; ) {
      const j = docOf[b[mine[g]]];
      const matches: SentenceMatch[] = [];
      for (; g < mine.length && docOf[b[mine[g]]] === j; g++) {
        const m = mine[g];
        const last = matches[matches.length - 1];
        const sa = a[m] - first[i];
        const sb = b[m] - first[j];
        if (last && last.a === sa && last.b === sb) continue;
        matches.push({ a: sa, b: sb, score: scoreOf(agree[m]) });
      }
      visit(i, j, matches);
    }
  }
}
