/**
 * Words laid end to end in one UTF-16 code buffer, each followed by a space, with where each
 * word starts and ends: the text `words.join(' ')` that reuse hashing reads (hash.ts), built
 * once per article (fingerprints.ts) instead of one joined string per sentence and shingle.
 * Any run of consecutive words is then one contiguous range of codes, and the FNV hash of a
 * longer run carries on from the hash of its first words.
 */

/** A growable list of words as codes (reused across articles: `clear` keeps the buffers). */
export class WordCodes {
  /** UTF-16 code units of the words, each word followed by a space (32). */
  codes = new Uint16Array(1024);
  /** Offset in `codes` where word `i` starts. */
  starts = new Int32Array(256);
  /** Offset in `codes` just past word `i` (where its space is). */
  ends = new Int32Array(256);
  /** Number of words. */
  count = 0;
  private length = 0;

  clear(): void {
    this.count = 0;
    this.length = 0;
  }

  /**
   * Appends one word (an empty word too: it still stands between two spaces). Returns whether
   * every code is ASCII and none an upper-case letter: such a word is its own lower case (see
   * fingerprints.ts), found while copying rather than by another pass over it.
   */
  add(word: string): boolean {
    if (this.length + word.length + 1 > this.codes.length) this.codes = grown(this.codes, this.length + word.length + 1);
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts, this.count + 1);
      this.ends = grown(this.ends, this.count + 1);
    }
    const codes = this.codes;
    let at = this.length;
    let plain = true;
    this.starts[this.count] = at;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c > 127 || (c >= 65 && c <= 90)) plain = false;
      codes[at++] = c;
    }
    this.ends[this.count++] = at;
    codes[at++] = 32;
    this.length = at;
    return plain;
  }

  /** Takes the last word off again. */
  dropLast(): void {
    this.length = this.starts[--this.count];
  }
}

/** A copy of `array` with room for at least `needed` values (doubling, so appends stay linear). */
export function grown<T extends Uint16Array | Int32Array | Uint32Array>(array: T, needed: number): T {
  const out = new (array.constructor as new (length: number) => T)(Math.max(needed, 2 * array.length));
  out.set(array);
  return out;
}
