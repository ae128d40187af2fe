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

/** Needle → positions of the sets holding it, plus which (first character, length) pairs occur among the needles. */
interface NeedleTable {
  sets: Map<string, number[]>;
  /** One flag per `shapeOf(first code unit, length)`: a run of another shape is no needle, and is never sliced out. */
  shapes: Uint8Array;
}

interface NeedleIndex {
  /** Set positions whose regex always runs (no needle). */
  always: number[];
  /** For case-insensitive and case-sensitive sets. */
  folded: NeedleTable;
  exact: NeedleTable;
}

/** Shape of a run: its first code unit (ASCII: needles are ASCII) and its length, capped at 63. */
const shapeOf = (first: number, length: number) => ((first & 127) << 6) | (length < 63 ? length : 63);

/** Per list of compiled sets (callers pass the same array for every article), with a copy to notice changes. */
const indexes = new WeakMap<readonly CompiledVariantSet[], { copy: readonly CompiledVariantSet[]; index: NeedleIndex }>();

function indexOf(sets: readonly CompiledVariantSet[]): NeedleIndex {
  const known = indexes.get(sets);
  if (known && known.copy.length === sets.length && known.copy.every((c, i) => c === sets[i])) return known.index;
  const table = (): NeedleTable => ({ sets: new Map(), shapes: new Uint8Array(128 << 6) });
  const index: NeedleIndex = { always: [], folded: table(), exact: table() };
  sets.forEach((c, i) => {
    if (!c.needles) return void index.always.push(i);
    const { sets: byNeedle, shapes } = c.set.case === 'sensitive' ? index.exact : index.folded;
    for (const n of c.needles) {
      (byNeedle.get(n) ?? byNeedle.set(n, []).get(n)!).push(i);
      shapes[shapeOf(n.charCodeAt(0), n.length)] = 1;
    }
  });
  indexes.set(sets, { copy: [...sets], index });
  return index;
}

/** ASCII letter or digit; with `fold`, the Kelvin sign and the long s count as letters too. */
function isRunChar(c: number, fold: boolean): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (fold && (c === 0x17f || c === 0x212a));
}

/** Folded first character of a run: ASCII lower case, ſ → s, K → k. */
function foldedCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  return c === 0x17f ? 115 : c === 0x212a ? 107 : c;
}

/**
 * Calls `visit` with each maximal run of `text` (lower-cased ASCII, ſ → s, K → k, when folding)
 * whose shape some needle has.
 */
function forEachRun(text: string, fold: boolean, shapes: Uint8Array, visit: (run: string) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isRunChar(text.charCodeAt(i), fold)) {
      i++;
      continue;
    }
    const start = i;
    let odd = false;
    let upper = false;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (!isRunChar(c, fold)) break;
      if (c > 127) odd = true;
      else if (c >= 65 && c <= 90) upper = true;
    }
    const first = text.charCodeAt(start);
    if (!shapes[shapeOf(fold ? foldedCode(first) : first, i - start)]) continue;
    let run = text.slice(start, i);
    if (fold && (upper || odd)) {
      run = run.toLowerCase(); // ASCII letters and the Kelvin sign; the long s stays as it is
      if (odd) run = run.replace(/\u017f/g, 's');
    }
    visit(run);
  }
}

/** For each set (by position), whether its regex may match `text`. */
export function possibleSets(text: string, sets: readonly CompiledVariantSet[]): boolean[] {
  const index = indexOf(sets);
  const possible = new Array<boolean>(sets.length).fill(false);
  for (const i of index.always) possible[i] = true;
  const scan = ({ sets: byNeedle, shapes }: NeedleTable, fold: boolean) => {
    if (!byNeedle.size) return;
    forEachRun(text, fold, shapes, (run) => {
      const hits = byNeedle.get(run);
      if (hits) for (const i of hits) possible[i] = true;
    });
  };
  scan(index.folded, true);
  scan(index.exact, false);
  return possible;
}
