/**
 * Character offsets for wink tokens. wink reports token values but no offsets, so a cursor
 * walks the original text and finds each value after it. Values are almost always verbatim
 * (contractions come out as "ca" + "n't"); when one is not found close by, the token is
 * placed at the cursor instead of jumping ahead, so one odd token never shifts the rest; the
 * token after it may then be found up to RESYNC_WINDOW characters further on.
 */

/** `[start, end)` pairs, two numbers per token, in token order. */
export function alignTokens(text: string, values: readonly string[]): Int32Array {
  const offsets = new Int32Array(values.length * 2);
  let cursor = 0;
  let lost = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    // After a misplaced token the cursor may sit short of the true position: allow a short jump.
    const reach = lost ? RESYNC_WINDOW : 0;
    if (start > cursor + reach && !onlySpaceBetween(text, cursor, start)) start = -1;
    lost = start < 0;
    let end: number;
    if (start < 0) {
      // Not verbatim: take the same number of characters from the next non-space position.
      start = skipSpace(text, cursor);
      end = Math.min(text.length, start + Math.max(1, value.length));
    } else {
      end = start + value.length;
    }
    offsets[2 * i] = start;
    offsets[2 * i + 1] = end;
    cursor = end;
  }
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

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isGap(text, i)) return false;
  return true;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isGap(text, i)) i++;
  return i;
}
