import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../analyses/attribution/count-words.js';

/** The definition the counter must match: matches of the word pattern from `from` that start before `to`, at most `limit + 1`. */
function patternCount(text: string, from = 0, to = text.length, limit = Infinity): number {
  const word = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  let n = 0;
  word.lastIndex = from;
  for (let m = word.exec(text); m && m.index < to && n <= limit; m = word.exec(text)) n++;
  return n;
}

// Letters and digits of several scripts, the joining marks, other punctuation, astral letters and
// emoji (surrogate pairs) and lone surrogates.
const ALPHABET = ['a', 'Z', '7', 'é', 'ß', 'д', '中', '٣', ' ', '\n', '.', ',', "'", '’', '-', '--', '“', '”', '—', '·', '𝐀', '😀', '\ud835', '\udc00'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((parts) => parts.join(''));

describe('countWords', () => {
  it('counts words joined by apostrophes and hyphens once, and split by other marks', () => {
    expect(countWords("He didn't say it was well-known.")).toBe(6);
    // "U", "S", "led": a full stop does not join.
    expect(countWords('U.S.-led talks — in 2019 — ended')).toBe(7);
    expect(countWords("rock 'n' roll -- done")).toBe(4);
    expect(countWords('')).toBe(0);
  });

  it('counts from an offset, stops at the end offset and no further than one past the limit', () => {
    const t = 'one two three four five';
    expect(countWords(t, 4)).toBe(4);
    expect(countWords(t, 4, 9)).toBe(2);
    // A word that starts before the end offset counts whole, even one started mid-word.
    expect(countWords(t, 5, 9)).toBe(2);
    expect(countWords(t, 0, t.length, 2)).toBe(3);
  });

  it('gives the word pattern’s count on any text, offsets and limit', () => {
    fc.assert(
      fc.property(text, fc.nat(45), fc.nat(45), fc.option(fc.nat(6), { nil: undefined }), (t, a, b, limit) => {
        const from = Math.min(a, t.length);
        const to = Math.min(b, t.length);
        expect(countWords(t, from, to, limit)).toBe(patternCount(t, from, to, limit));
        expect(countWords(t)).toBe(patternCount(t));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });
});
