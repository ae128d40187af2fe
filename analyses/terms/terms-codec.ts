/**
 * The terms analysis's per-article result as the pipeline stores it: a TermsDoc packed into a
 * few strings (PackedTermsDoc). perDoc packs (terms-doc.ts, index.ts); summarize unpacks
 * (summarize.ts). The packed form is under half the JSON of the token stream, and JSON copies a
 * handful of long strings much faster than it builds thousands of array items, both ways.
 *
 *   TermsDoc {words, text[], start[], lemma{}, kind, sentences[]}
 *     ⇄ PackedTermsDoc {words, kinds, text, gaps, lemmas, suffixes, spaced?}
 *
 * - kinds: TermsDoc.kind with the first token of every sentence upper-cased ("WswpSwn…").
 * - text: the token texts joined by spaces (split back natively). A token holding a space —
 *   the tokenizers make none, but any TermsDoc packs — is written empty there and kept in
 *   `spaced` (token index → text), so nothing needs escaping whatever a token holds.
 * - gaps: where a token's start minus the previous token's end (for the first token: its start)
 *   is not the usual one — 0 before punctuation ("word,"), 1 (a space) before anything else —
 *   pairs of numbers: token index minus the previous pair's, gap. About 7% of tokens in news
 *   text, so exact offsets cost a fraction of a character per token.
 * - lemmas: three numbers per entry of TermsDoc.lemma: token index minus the previous entry's,
 *   characters dropped from the end of the lower-cased token, length of the suffix then
 *   appended ("protests" → drop 1; "said" → drop 2, add "y"); suffixes: those concatenated.
 * Number lists are digit lists: a value 0–35 is one base-36 digit, any other integer is
 * `(` its base-36 form `)`. TermsDoc invariants the packing relies on (checked): one kind and
 * one start per token, kinds are lower-case letters, sentence starts and lemma keys are token
 * indices (sentence starts ascending).
 */
import * as messages from './messages.js';
import type { TermsDoc } from './types.js';

/** A TermsDoc packed into strings (see the file header for each field). */
export interface PackedTermsDoc {
  words: number;
  kinds: string;
  text: string;
  gaps: string;
  lemmas: string;
  suffixes: string;
  spaced?: Record<number, string>;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const OPEN = 0x28; // (
/** a: kinds below it are upper case (a sentence starts there). */
export const LOWER_A = 0x61;
/** Or-ing it lower-cases an ASCII letter (a kind), and-ing its complement upper-cases it. */
export const CASE_BIT = 0x20;
const PUNCTUATION = 0x70; // p
const SPACE = 0x20;

/** The gap that goes unrecorded before a token of this kind (its lower-case char code). */
function usualGap(kind: number): number {
  return kind === PUNCTUATION ? 0 : 1;
}

/** The values of a digit list, in order. */
export function readDigits(list: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === OPEN) {
      const close = list.indexOf(')', i);
      if (close < 0) throw new Error(messages.badDigits(list));
      out.push(parseInt(list.slice(i + 1, close), 36));
      i = close;
    } else {
      out.push(c <= 0x39 ? c - 0x30 : c - 0x57);
    }
  }
  return out;
}

/** A digit list of `values` (inverse of readDigits). */
export function writeDigits(values: Iterable<number>): string {
  const out = new AsciiBuffer();
  for (const v of values) out.pushDigit(v);
  return out.toString();
}

/** `text.includes(' ')` for a token: a loop over its few characters costs less than the call. */
function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === SPACE) return true;
  return false;
}

/** ASCII text written one character at a time into bytes, read out as one string at the end. */
class AsciiBuffer {
  private bytes: Uint8Array;
  private length = 0;

  /** @param capacity Bytes to start with (grown by doubling). */
  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(capacity);
  }

  push(code: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(2 * this.length);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = code;
  }

  /** Appends one value of a digit list (see the file header). */
  pushDigit(value: number): void {
    if (value >= 0 && value < 36) return this.push(DIGITS.charCodeAt(value));
    const text = `(${value.toString(36)})`;
    for (let i = 0; i < text.length; i++) this.push(text.charCodeAt(i));
  }

  get count(): number {
    return this.length;
  }

  toString(): string {
    return Buffer.from(this.bytes.buffer, 0, this.length).toString('latin1');
  }
}

/**
 * Builds a PackedTermsDoc one token at a time (from a TermsDoc, or straight from the text
 * layer's tokens: terms-doc.ts), so the arrays of a TermsDoc never need to exist.
 */
export class TermsDocPacker {
  // Bytes and arrays joined once at the end: appending to strings token by token builds ropes
  // of thousands of pieces that cost more to allocate and collect.
  private readonly kinds = new AsciiBuffer();
  /** Pieces of the packed text, each one token or (with a source) a stretch of tokens, joined by spaces at the end. */
  private readonly texts: string[] = [];
  private spaced: Record<number, string> | undefined;
  // digit lists written as the tokens come (see the file header)
  private readonly gaps = new AsciiBuffer(64);
  private readonly lemmas = new AsciiBuffer(64);
  private readonly suffixes: string[] = [];
  private end = 0;
  private lastGap = 0;
  private lastLemma = 0;
  /** With a source: where the stretch of it not yet in `texts` starts (it ends at `end`), or -1. */
  private stretch = -1;

  /**
   * @param source The text every added token is cut from at its start offset (the article
   *   text), if there is one. Tokens one space apart in it then enter the packed text as one
   *   slice of it: joining a few long stretches costs far less than joining every token.
   */
  constructor(private readonly source?: string) {}

  /**
   * Adds the next token: its text, start offset, kind (w, s, n or p), lower-cased text, lemma
   * when it differs from that, whether a sentence starts with it, and whether its text holds a
   * space (looked up unless the caller, having looked at its characters already, says).
   */
  add(text: string, start: number, kind: string, lower: string, lemma: string | undefined, sentenceStart: boolean, spaced = hasSpace(text)): void {
    const i = this.kinds.count;
    const code = kind.charCodeAt(0);
    this.kinds.push(sentenceStart ? code & ~CASE_BIT : code);
    if (spaced) {
      this.flushStretch();
      (this.spaced ??= {})[i] = text;
      this.texts.push('');
    } else if (this.source === undefined) {
      this.texts.push(text);
    } else if (this.stretch < 0 || start !== this.end + 1 || this.source.charCodeAt(this.end) !== SPACE) {
      this.flushStretch();
      this.stretch = start;
    }
    const gap = start - this.end;
    if (gap !== usualGap(code)) {
      this.gaps.pushDigit(i - this.lastGap);
      this.gaps.pushDigit(gap);
      this.lastGap = i;
    }
    this.end = start + text.length;
    if (lemma === undefined) return;
    let same = 0;
    while (same < lower.length && same < lemma.length && lower.charCodeAt(same) === lemma.charCodeAt(same)) same++;
    this.lemmas.pushDigit(i - this.lastLemma);
    this.lemmas.pushDigit(lower.length - same);
    this.lemmas.pushDigit(lemma.length - same);
    this.suffixes.push(lemma.slice(same));
    this.lastLemma = i;
  }

  private flushStretch(): void {
    if (this.stretch < 0) return;
    this.texts.push(this.source!.slice(this.stretch, this.end));
    this.stretch = -1;
  }

  /** The packed document, with its word count. */
  packed(words: number): PackedTermsDoc {
    this.flushStretch();
    const packed: PackedTermsDoc = {
      words,
      kinds: this.kinds.toString(),
      text: this.texts.join(' '),
      gaps: this.gaps.toString(),
      lemmas: this.lemmas.toString(),
      suffixes: this.suffixes.join(''),
    };
    if (this.spaced) packed.spaced = this.spaced;
    return packed;
  }
}

function checkInvariants(doc: TermsDoc): void {
  const count = doc.text.length;
  if (doc.kind.length !== count || doc.start.length !== count) throw new Error(messages.packTokenCount(count, doc.kind.length, doc.start.length));
  if (!/^[a-z]*$/.test(doc.kind)) throw new Error(messages.packKinds());
  doc.sentences.forEach((s, k) => {
    if (!Number.isInteger(s) || s < 0 || s >= count || (k > 0 && s <= doc.sentences[k - 1])) throw new Error(messages.packSentences(s));
  });
  for (const key of Object.keys(doc.lemma)) {
    if (!/^\d+$/.test(key) || Number(key) >= count) throw new Error(messages.packLemma(key));
  }
}

/** Packs a TermsDoc (throws if it breaks the invariants in the file header: a programmer error). */
export function packTermsDoc(doc: TermsDoc): PackedTermsDoc {
  checkInvariants(doc);
  const packer = new TermsDocPacker();
  const sentenceStarts = new Set(doc.sentences);
  for (let i = 0; i < doc.text.length; i++) {
    packer.add(doc.text[i], doc.start[i], doc.kind[i], doc.text[i].toLowerCase(), doc.lemma[i], sentenceStarts.has(i));
  }
  return packer.packed(doc.words);
}

// V8 cuts substrings of 13 or more characters as views that keep the whole string they were
// cut from alive. Summaries keep tokens (as terms, in KWIC lines) for the whole run, and one
// such view would pin the article's whole packed text; so long tokens get a string of their own.
export const VIEW_MIN_LENGTH = 13;

/** A copy of `s` that refers to no larger string. */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** The token texts of a packed document (throws when they do not match its kinds: a corrupt document). */
function tokenTexts(packed: PackedTermsDoc): string[] {
  const count = packed.kinds.length;
  const text = count ? packed.text.split(' ') : [];
  if (text.length !== count) throw new Error(messages.badTokenCount(count, text.length));
  for (const [i, spaced] of Object.entries(packed.spaced ?? {})) text[Number(i)] = spaced;
  return text;
}

/** Calls `visit(tokenIndex, lemma)` for every lemma of a packed document, `lower` being the lower-cased token texts. */
function forEachLemma(packed: PackedTermsDoc, lower: (i: number) => string, visit: (index: number, lemma: string) => void): void {
  const edits = readDigits(packed.lemmas);
  let index = 0;
  let from = 0;
  for (let e = 0; e < edits.length; e += 3) {
    index += edits[e];
    const form = lower(index);
    visit(index, form.slice(0, form.length - edits[e + 1]) + packed.suffixes.slice(from, (from += edits[e + 2])));
  }
}

/**
 * What n-gram counting needs of a packed document (ngrams.ts forEachNgramOfForms), without the
 * offsets and objects of a TermsDoc: every token's form (lemma when asked and known, else the
 * lower-cased text: formOf of the unpacked document) and the kinds as packed. The forms may be
 * cut from the packed text: copy one before keeping it beyond the document.
 */
export function packedForms(packed: PackedTermsDoc, lemma: boolean): { forms: string[]; kinds: string } {
  const lower = tokenTexts(packed);
  for (let i = 0; i < lower.length; i++) lower[i] = lower[i].toLowerCase();
  if (!lemma) return { forms: lower, kinds: packed.kinds };
  const forms = lower.slice();
  forEachLemma(packed, (i) => lower[i] ?? '', (i, value) => {
    if (value && i < forms.length) forms[i] = value;
  });
  return { forms, kinds: packed.kinds };
}

/** The kinds of a TermsDoc with the first token of every sentence upper-cased, as packed. */
export function sentenceKinds(doc: TermsDoc): string {
  if (!doc.sentences.length) return doc.kind;
  const codes = new Uint8Array(doc.kind.length);
  for (let i = 0; i < codes.length; i++) codes[i] = doc.kind.charCodeAt(i);
  for (const s of doc.sentences) if (s >= 0 && s < codes.length) codes[s] &= ~CASE_BIT;
  return Buffer.from(codes.buffer, 0, codes.length).toString('latin1');
}

/** The TermsDoc a PackedTermsDoc holds (inverse of packTermsDoc). */
export function unpackTermsDoc(packed: PackedTermsDoc): TermsDoc {
  const text = tokenTexts(packed);
  const count = text.length;
  const gaps = readDigits(packed.gaps);
  const start = new Array<number>(count);
  const sentences: number[] = [];
  let end = 0;
  let nextGap = gaps.length ? gaps[0] : -1; // token index of the next unusual gap
  for (let i = 0, g = 0; i < count; i++) {
    const kind = packed.kinds.charCodeAt(i);
    if (kind < LOWER_A) sentences.push(i);
    let gap = usualGap(kind | CASE_BIT);
    if (i === nextGap) {
      gap = gaps[g + 1];
      g += 2;
      nextGap = g < gaps.length ? i + gaps[g] : -1;
    }
    const length = text[i].length;
    if (length >= VIEW_MIN_LENGTH) text[i] = ownCopy(text[i]);
    start[i] = end + gap;
    end = start[i] + length;
  }
  const lemma: Record<number, string> = {};
  forEachLemma(packed, (i) => (text[i] ?? '').toLowerCase(), (i, value) => {
    lemma[i] = value;
  });
  return { words: packed.words, text, start, lemma, kind: packed.kinds.toLowerCase(), sentences };
}

/** True for a packed TermsDoc (what the registered analysis's perDoc returns). */
export function isPackedTermsDoc(doc: TermsDoc | PackedTermsDoc): doc is PackedTermsDoc {
  return typeof (doc as PackedTermsDoc).kinds === 'string';
}

/** A TermsDoc from either form. */
export function termsDocOf(doc: TermsDoc | PackedTermsDoc): TermsDoc {
  return isPackedTermsDoc(doc) ? unpackTermsDoc(doc) : doc;
}
