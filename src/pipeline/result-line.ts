/**
 * One article's per-article results as one line of text: the unit the workers return, the
 * result store spills to disk and the pack cache keeps.
 *
 *   <key>\t<crc32 hex>\t<words>\t<part 1>\t<part 2>…\n      (one part per analysis, in order)
 *
 * A part is the analysis's result as JSON, `=k` when it equals part k (analyses that keep the
 * same vector store it once), `~` when the analysis returned nothing, or `!reason` when it threw.
 * JSON never holds a raw tab or newline, so the line needs no escaping; the CRC covers
 * everything after it, so a damaged line is recomputed rather than trusted.
 */
import { crc32 } from 'node:zlib';

export const KEY_LENGTH = 40;
const TAB = 9;

/** A part that is not JSON: absent, or the analysis failed (with the reason). */
export type PartMarker = { absent: true } | { failed: string };

/** Serializes one analysis result (or failure) as a part. */
export function encodePart(value: unknown, failure?: unknown): string {
  if (failure !== undefined) return `!${String(failure instanceof Error ? failure.message : failure).replace(/[\t\r\n]+/g, ' ')}`;
  const json = JSON.stringify(value);
  return json === undefined ? '~' : json;
}

/** Joins parts into a line, replacing repeated parts by back-references. */
export function encodeLine(key: string, words: number, parts: string[]): string {
  const body = [String(words)];
  parts.forEach((part, k) => {
    const same = part.length > 8 ? parts.indexOf(part) : k;
    body.push(same < k ? `=${same}` : part);
  });
  const rest = body.join('\t');
  return `${key}\t${crcHex(rest)}\t${rest}\n`;
}

function crcHex(text: string | Uint8Array): string {
  return crc32(text).toString(16).padStart(8, '0');
}

/** Where one line's parts are inside a buffer: byte ranges, with back-references resolved. */
export interface LineParts {
  key: string;
  words: number;
  /** Byte start of each part's text (after a `!`/`~` marker it is the marker). */
  starts: number[];
  ends: number[];
}

/**
 * Parses the line `buf[start, end)` (no newline). Returns undefined for a damaged line: wrong
 * shape, wrong part count, or a CRC mismatch.
 */
export function parseLine(buf: Buffer, start: number, end: number, partCount: number): LineParts | undefined {
  const keyEnd = start + KEY_LENGTH;
  if (end - start < KEY_LENGTH + 12 || buf[keyEnd] !== TAB || buf[keyEnd + 9] !== TAB) return undefined;
  const bodyStart = keyEnd + 10;
  if (buf.toString('latin1', keyEnd + 1, keyEnd + 9) !== crcHex(buf.subarray(bodyStart, end))) return undefined;
  const fields: Array<[number, number]> = [];
  let at = bodyStart;
  while (at <= end) {
    let tab = buf.indexOf(TAB, at);
    if (tab < 0 || tab > end) tab = end;
    fields.push([at, tab]);
    at = tab + 1;
  }
  if (fields.length !== partCount + 1) return undefined;
  const words = Number(buf.toString('latin1', fields[0][0], fields[0][1]));
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < partCount; k++) {
    const [s, e] = fields[k + 1];
    if (buf[s] === 0x3d /* = */) {
      const ref = Number(buf.toString('latin1', s + 1, e));
      if (!(ref < k)) return undefined;
      starts.push(starts[ref]);
      ends.push(ends[ref]);
    } else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { key: buf.toString('latin1', start, keyEnd), words, starts, ends };
}

/** Decodes a part's bytes: the analysis result, or a marker. */
export function decodePart(bytes: Buffer): { value: unknown } | PartMarker {
  if (bytes[0] === 0x7e /* ~ */ && bytes.length === 1) return { absent: true };
  if (bytes[0] === 0x21 /* ! */) return { failed: bytes.toString('utf8', 1) };
  return { value: JSON.parse(bytes.toString('utf8')) };
}
