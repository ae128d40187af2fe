/**
 * Term ids for the counting table (term-table.ts): an open-addressing hash table over the terms'
 * UTF-16 code units. Besides whole strings it takes a word straight from a packed document's
 * text (a range of it, lower-cased on the fly when ASCII), so counting the unigrams of 20k
 * articles needs no token strings, no lower-cased copies and no Map lookups of fresh strings,
 * which were most of the summary's counting time.
 */
import { ownCopy, VIEW_MIN_LENGTH } from './terms-codec.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const LOWER_BIT = 0x20;
const ASCII_END = 0x80;

export class TermInterner {
  /** The terms by id, in first-interned order. */
  readonly terms: string[] = [];
  private hashes = new Int32Array(1024); // by id
  private slots = new Int32Array(2048); // id + 1; 0 = empty; a power of two, at most half full

  /** The id of `term`, interned if new. */
  idOf(term: string): number {
    let h = FNV_OFFSET;
    for (let k = 0; k < term.length; k++) h = Math.imul(h ^ term.charCodeAt(k), FNV_PRIME);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s];
      if (slot === 0) return this.insert(s, h, term);
      if (this.hashes[slot - 1] === h && this.terms[slot - 1] === term) return slot - 1;
    }
  }

  /**
   * The id of `text.slice(start, end).toLowerCase()`, interned if new, when that slice is ASCII;
   * -1 otherwise (the caller then lower-cases it with toLowerCase and asks idOf).
   */
  idOfAsciiLower(text: string, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c >= ASCII_END) return -1;
      h = Math.imul(h ^ (c >= UPPER_A && c <= UPPER_Z ? c | LOWER_BIT : c), FNV_PRIME);
    }
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s];
      if (slot === 0) return this.insert(s, h, text.slice(start, end).toLowerCase());
      if (this.hashes[slot - 1] === h && equalsLowered(this.terms[slot - 1], text, start, end)) return slot - 1;
    }
  }

  private insert(slot: number, hash: number, term: string): number {
    const id = this.terms.length;
    // the table outlives the document: a term cut from its text must not keep that text alive
    this.terms.push(term.length >= VIEW_MIN_LENGTH ? ownCopy(term) : term);
    if (id === this.hashes.length) {
      const grown = new Int32Array(2 * id);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    if (2 * this.terms.length > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length);
    const mask = slots.length - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let s = this.hashes[id] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
  }
}

/** term === text.slice(start, end) with ASCII upper case lowered (the slice is ASCII). */
function equalsLowered(term: string, text: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (term.charCodeAt(k - start) !== (c >= UPPER_A && c <= UPPER_Z ? c | LOWER_BIT : c)) return false;
  }
  return true;
}
