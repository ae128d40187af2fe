/**
 * Character offsets for wink tokens. wink reports token values but no offsets, so a cursor
 * walks the original text and finds each value after it. Values are almost always verbatim
 * (contractions come out as "ca" + "n't"); when one is not found close by, the token is
 * placed at the cursor instead of jumping ahead, so one odd token never shifts the rest; the
 * token after it may then be found up to RESYNC_WINDOW characters further on.
 */

/** Places token values one after another in `text`; `place(value)` sets `start` and `end`. */
export class TokenAligner {
  start = 0;
  end = 0;
  /** The last value was found as written, so `text.slice(start, end) === value`. */
  verbatim = false;
  private cursor = 0;
  private lost = false;

  constructor(private readonly text: string) {}

  place(value: string): void {
    const text = this.text;
    const cursor = this.cursor;
    // Usual case: the value follows the spaces after the cursor (only gaps lie between: no re-check).
    const next = skipSpace(text, cursor);
    let start = next;
    if (!startsAt(text, value, next)) {
      start = text.indexOf(value, cursor);
      // After a misplaced token the cursor may sit short of the true position: allow a short jump.
      const reach = this.lost ? RESYNC_WINDOW : 0;
      if (start > cursor + reach && !onlySpaceBetween(text, cursor, start)) start = -1;
    }
    this.lost = start < 0;
    this.verbatim = start >= 0;
    if (start < 0) {
      // Not verbatim: take the same number of characters from the next non-space position.
      start = next;
      this.end = Math.min(text.length, start + Math.max(1, value.length));
    } else {
      this.end = start + value.length;
    }
    this.start = start;
    this.cursor = this.end;
  }
}

/** `[start, end)` pairs, two numbers per token, in token order. */
export function alignTokens(text: string, values: readonly string[]): Int32Array {
  const offsets = new Int32Array(values.length * 2);
  const aligner = new TokenAligner(text);
  values.forEach((value, i) => {
    aligner.place(value);
    offsets[2 * i] = aligner.start;
    offsets[2 * i + 1] = aligner.end;
  });
  return offsets;
}

/** How far past the cursor a token may be found right after a token that was not found. */
const RESYNC_WINDOW = 32;

/** Whitespace and invisible format characters (ZWSP, BOM, soft hyphen) that wink may drop. */
const GAP = /[\s\u200b-\u200f\u2060\ufeff\u00ad]/;

/** ASCII space, tab and line breaks decided by code, the rest by GAP (this runs once per token). */
function isGap(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && GAP.test(text[i]);
}

/** `text.startsWith(value, at)` for `at` ≤ text.length, compared in place: faster for the short token values met here. */
function startsAt(text: string, value: string, at: number): boolean {
  const n = value.length;
  if (at + n > text.length) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(at + k) !== value.charCodeAt(k)) return false;
  return true;
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isGap(text, i)) return false;
  return true;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isGap(text, i)) i++;
  return i;
}
