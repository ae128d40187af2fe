/**
 * The reuse analysis's per-article result as the pipeline stores it: a ReuseDoc (sentence
 * spans, hashes and MinHash signatures) packed into three strings (PackedReuseDoc). perDoc
 * packs (fingerprints.ts lays the hashes out as stored and calls packLaidOut); summarize reads
 * the strings straight into its flat table (reuse-table.ts); unpackReuseDoc gives notebooks the
 * ReuseDoc back. Hashes are random 32-bit values, so as decimal JSON they cost 11 bytes each
 * and as base64 of their bytes 5⅓; spans are short base-36 numbers.
 *
 *   ReuseDoc {sentences: [{start, end, words, hash, sig[12]}], sig[64]}
 *     ⇄ PackedReuseDoc {spans, hashes, sig}
 *
 * - spans: per sentence `start,length,words` in base 36, the start counted from the previous
 *   sentence's end (the first: from 0); sentences separated by a space.
 * - hashes: base64 of little-endian uint32s: per sentence its hash, then its SENTENCE_SIG
 *   MinHash values when it has words (a sentence without words has an empty signature, as
 *   reuseFingerprint makes it; checked when packing).
 * - sig: base64 of the article's MinHash values, little-endian uint32s.
 * Hashes and signatures are unsigned 32-bit integers (hash.ts makes no other). Both directions
 * go through typed arrays and Node's base64 rather than one call per value; the table reads
 * with packedSentences, readPackedSpans, base64Uint32Count and decodeUint32Into.
 */
import { SENTENCE_SIG, type ReuseDoc, type SentencePrint } from './types.js';
import * as messages from './messages.js';

/** A ReuseDoc packed into strings (see the file header for each field). */
export interface PackedReuseDoc {
  spans: string;
  hashes: string;
  sig: string;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const COMMA = 0x2c;
const SPACE = 0x20;
const MINUS = 0x2d;

/** Base64 of uint32 values, little-endian (the same bytes on every machine). */
function uint32Base64(values: Uint32Array): string {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  if (!LITTLE_ENDIAN) bytes.swap32();
  return bytes.toString('base64');
}

/** The uint32 values of a base64 string from uint32Base64 (a view on the decoded bytes when aligned). */
function base64Uint32(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  const out = new Uint32Array(bytes.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(4 * i);
  return out;
}

/** Number of uint32 values in a string from uint32Base64 (without decoding it). */
export function base64Uint32Count(text: string): number {
  return Buffer.byteLength(text, 'base64') >> 2;
}

/**
 * Decodes a string from uint32Base64 into `target` from index `at` (no intermediate array);
 * returns the number of values written. `target` must have room for base64Uint32Count(text).
 */
export function decodeUint32Into(text: string, target: Uint32Array, at: number): number {
  const bytes = Buffer.from(target.buffer, target.byteOffset + 4 * at, 4 * (target.length - at));
  const written = bytes.write(text, 'base64') >> 2;
  if (!LITTLE_ENDIAN) bytes.subarray(0, 4 * written).swap32();
  return written;
}

/** values[from, to) as a plain array. */
function slice(values: Uint32Array, from: number, to: number): number[] {
  const out = new Array<number>(to - from);
  for (let i = from; i < to; i++) out[i - from] = values[i];
  return out;
}

/** Calls `visit` with each base-36 number of `spans` in order (commas and spaces both end one). */
function eachNumber(spans: string, visit: (value: number) => void): void {
  if (!spans) return;
  let value = 0;
  let sign = 1;
  for (let i = 0; i < spans.length; i++) {
    const c = spans.charCodeAt(i);
    if (c === COMMA || c === SPACE) {
      visit(sign * value);
      value = 0;
      sign = 1;
    } else if (c === MINUS) {
      sign = -1;
    } else {
      value = value * 36 + (c <= 0x39 ? c - 0x30 : c - 0x57);
    }
  }
  visit(sign * value);
}

/** Number of sentences in a packed doc's `spans` (one space between two sentences). */
export function packedSentences(spans: string): number {
  if (!spans) return 0;
  let count = 1;
  for (let at = spans.indexOf(' '); at >= 0; at = spans.indexOf(' ', at + 1)) count++;
  return count;
}

/** Calls `visit` with each sentence's absolute start, end and word count, in order. */
export function readPackedSpans(spans: string, visit: (start: number, end: number, words: number) => void): void {
  let field = 0;
  let end = 0;
  let start = 0;
  eachNumber(spans, (value) => {
    if (field === 0) start = end + value;
    else if (field === 1) end = start + value;
    else visit(start, end, value);
    field = (field + 1) % 3;
  });
}

/** Packs a ReuseDoc (throws when a sentence's signature length does not follow its words: a programmer error). */
export function packReuseDoc(doc: ReuseDoc): PackedReuseDoc {
  let count = 0;
  for (const s of doc.sentences) {
    if (s.sig.length !== (s.words > 0 ? SENTENCE_SIG : 0)) throw new Error(messages.packSignature(s.words, s.sig.length));
    count += 1 + s.sig.length;
  }
  const hashes = new Uint32Array(count);
  let at = 0;
  for (const s of doc.sentences) {
    hashes[at] = s.hash;
    hashes.set(s.sig, at + 1);
    at += 1 + s.sig.length;
  }
  return packLaidOut(doc.sentences, (j) => doc.sentences[j].words, hashes, Uint32Array.from(doc.sig));
}

/**
 * Packs a fingerprint whose hashes are already laid out as `hashes` stores them (the per-article
 * path, fingerprints.ts, writes them so): sentence spans, each sentence's word count, the hash
 * values and the article signature.
 */
export function packLaidOut(spans: readonly { start: number; end: number }[], wordsOf: (sentence: number) => number, hashes: Uint32Array, sig: Uint32Array): PackedReuseDoc {
  let text = '';
  let end = 0;
  for (let j = 0; j < spans.length; j++) {
    const s = spans[j];
    text += `${text ? ' ' : ''}${(s.start - end).toString(36)},${(s.end - s.start).toString(36)},${wordsOf(j).toString(36)}`;
    end = s.end;
  }
  return { spans: text, hashes: uint32Base64(hashes), sig: uint32Base64(sig) };
}

/** The ReuseDoc a PackedReuseDoc holds (inverse of packReuseDoc). */
export function unpackReuseDoc(packed: PackedReuseDoc): ReuseDoc {
  const hashes = base64Uint32(packed.hashes);
  const sentences: SentencePrint[] = [];
  let at = 0;
  readPackedSpans(packed.spans, (start, end, words) => {
    const sigLength = words > 0 ? SENTENCE_SIG : 0;
    sentences.push({ start, end, words, hash: hashes[at], sig: slice(hashes, at + 1, at + 1 + sigLength) });
    at += 1 + sigLength;
  });
  const sig = base64Uint32(packed.sig);
  return { sentences, sig: slice(sig, 0, sig.length) };
}

/** True for a packed ReuseDoc (what the registered analysis's perDoc returns). */
export function isPackedReuseDoc(doc: ReuseDoc | PackedReuseDoc): doc is PackedReuseDoc {
  return typeof (doc as PackedReuseDoc).spans === 'string';
}

/** A ReuseDoc from either form. */
export function reuseDocOf(doc: ReuseDoc | PackedReuseDoc): ReuseDoc {
  return isPackedReuseDoc(doc) ? unpackReuseDoc(doc) : doc;
}
