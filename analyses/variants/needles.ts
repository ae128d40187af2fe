/**
 * A cheap prefilter for variant matching (match.ts): most variant sets occur in few articles,
 * and each set's regex is a Unicode, mostly case-insensitive scan of the whole text. Every
 * string of a set holds a run of ASCII letters and digits (its "needle": "kiev" in "Kiev",
 * "ministry" in "Hamas-run health ministry"), and wherever the string matches, the text holds
 * that run as a whole run of its own. So one walk over the text's runs tells which sets can
 * match at all; only their regexes run.
 *
 * Why a whole run: around the needle the regex only allows spaces, hyphens, apostrophes, other
 * punctuation, non-ASCII letters or no letter at all, none of which is an ASCII letter or digit. Under the
 * `iu` flags an ASCII letter also matches the Kelvin sign (k) and the long s (s), so
 * case-insensitive runs treat those two as k and s, and strings that hold them get no needle.
 */
import type { CompiledVariantSet } from './lexicon.js';

/** Characters that fold to an ASCII letter under case-insensitive Unicode matching. */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

/** The longest run of ASCII letters and digits in a variant string (NFC, as the regex is built), or undefined. */
export function needleOf(text: string, sensitive: boolean): string | undefined {
  const nfc = text.normalize('NFC');
  if (!sensitive && FOLDS_TO_ASCII.test(nfc)) return undefined;
  let best = '';
  for (const run of nfc.match(/[A-Za-z0-9]+/g) ?? []) if (run.length > best.length) best = run;
  if (!best) return undefined;
  return sensitive ? best : best.toLowerCase();
}

/** Needle → positions of the sets holding it, plus the hashes of the needles. */
interface NeedleTable {
  sets: Map<string, number[]>;
  /**
   * One flag per `runHash & HASH_MASK` of a needle (folded: case-sensitive needles too, so one
   * hash serves both tables): a run whose hash has no flag is no needle and is never sliced out
   * (nearly all runs: some hundred needles in 65,536 slots).
   */
  hashes: Uint8Array;
}

interface NeedleIndex {
  /** Set positions whose regex always runs (no needle). */
  always: number[];
  /** For case-insensitive and case-sensitive sets. */
  folded: NeedleTable;
  exact: NeedleTable;
}

const HASH_MASK = 0xffff;

/** The next hash of a run after its folded character code `code` (the walk and the index hash alike). */
const nextHash = (hash: number, code: number) => (Math.imul(hash, 31) + code) | 0;

/** Folded code of each ASCII character that belongs in a run (letters lower-cased, digits), else 0. */
const RUN_CODES = new Uint8Array(128);
for (let c = 48; c <= 57; c++) RUN_CODES[c] = c;
for (let c = 97; c <= 122; c++) RUN_CODES[c] = RUN_CODES[c - 32] = c;

/** Folded code of a run character: ASCII lower case, digits; with `fold`, ſ → s and K → k. 0 ends a run. */
function runCode(c: number, fold: boolean): number {
  if (c < 128) return RUN_CODES[c];
  return fold ? (c === 0x17f ? 115 : c === 0x212a ? 107 : 0) : 0;
}

/** Hash of a needle, as the walk computes it for a run that folds to the same characters. */
function needleHash(needle: string): number {
  let hash = 0;
  for (let i = 0; i < needle.length; i++) hash = nextHash(hash, runCode(needle.charCodeAt(i), false));
  return hash;
}

/** Per list of compiled sets (callers pass the same array for every article), with a copy to notice changes. */
const indexes = new WeakMap<readonly CompiledVariantSet[], { copy: readonly CompiledVariantSet[]; index: NeedleIndex }>();

function sameSets(a: readonly CompiledVariantSet[], b: readonly CompiledVariantSet[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function indexOf(sets: readonly CompiledVariantSet[]): NeedleIndex {
  const known = indexes.get(sets);
  if (known && sameSets(known.copy, sets)) return known.index;
  const table = (): NeedleTable => ({ sets: new Map(), hashes: new Uint8Array(HASH_MASK + 1) });
  const index: NeedleIndex = { always: [], folded: table(), exact: table() };
  sets.forEach((c, i) => {
    if (!c.needles) return void index.always.push(i);
    const { sets: byNeedle, hashes } = c.set.case === 'sensitive' ? index.exact : index.folded;
    for (const n of c.needles) {
      (byNeedle.get(n) ?? byNeedle.set(n, []).get(n)!).push(i);
      hashes[needleHash(n) & HASH_MASK] = 1;
    }
  });
  indexes.set(sets, { copy: [...sets], index });
  return index;
}

/** The text's run `[start, end)` as a needle of the folded table: lower-cased ASCII, ſ → s, K → k. */
function foldedRun(text: string, start: number, end: number): string {
  const run = text.slice(start, end).toLowerCase(); // ASCII letters and the Kelvin sign; the long s stays as it is
  return run.includes('\u017f') ? run.replace(/\u017f/g, 's') : run;
}

/** Marks the sets of `table` whose needle is `run`. */
function mark(table: NeedleTable, run: string, possible: boolean[]): void {
  const hits = table.sets.get(run);
  if (hits) for (const i of hits) possible[i] = true;
}

/**
 * Walks the maximal runs of `text` (of ASCII letters and digits; with `fold`, also ſ and K) and
 * marks the sets whose needle a run is, in the `folded` table (runs compared folded) and the
 * `exact` one (compared as they are), either of which may be left out. Each run's hash is
 * summed up on the way, so only a run that may be a needle is sliced out.
 */
function markRuns(text: string, fold: boolean, folded: NeedleTable | undefined, exact: NeedleTable | undefined, possible: boolean[]): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    let code = runCode(text.charCodeAt(i), fold);
    if (!code) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0;
    do {
      hash = nextHash(hash, code);
      code = ++i < length ? runCode(text.charCodeAt(i), fold) : 0;
    } while (code);
    if (folded?.hashes[hash & HASH_MASK]) mark(folded, foldedRun(text, start, i), possible);
    if (exact?.hashes[hash & HASH_MASK]) mark(exact, text.slice(start, i), possible);
  }
}

/** For each set (by position), whether its regex may match `text`. */
export function possibleSets(text: string, sets: readonly CompiledVariantSet[]): boolean[] {
  const index = indexOf(sets);
  const possible = new Array<boolean>(sets.length).fill(false);
  for (const i of index.always) possible[i] = true;
  const folded = index.folded.sets.size ? index.folded : undefined;
  const exact = index.exact.sets.size ? index.exact : undefined;
  if (!FOLDS_TO_ASCII.test(text)) {
    // Without ſ or K the runs are the same folded or not: one walk serves both tables.
    markRuns(text, false, folded, exact, possible);
  } else {
    if (folded) markRuns(text, true, folded, undefined, possible);
    if (exact) markRuns(text, false, undefined, exact, possible);
  }
  return possible;
}
