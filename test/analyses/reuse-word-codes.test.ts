import { describe, expect, it } from 'vitest';
import { WordCodes } from '../../analyses/reuse/word-codes.js';

const text = (codes: WordCodes) => String.fromCharCode(...codes.codes.subarray(0, codes.count ? codes.ends[codes.count - 1] : 0));

describe('WordCodes', () => {
  it('lays words end to end with a space between, each word at its own start and end', () => {
    const codes = new WordCodes();
    for (const w of ['flood', '', 'a b']) codes.add(w);
    expect(text(codes)).toBe('flood  a b');
    expect([...codes.starts.subarray(0, 3)]).toEqual([0, 6, 7]);
    expect([...codes.ends.subarray(0, 3)]).toEqual([5, 6, 10]);
  });

  it('says which words are already plain lower-case ASCII', () => {
    const codes = new WordCodes();
    expect(['river', "isn't", '2024', 'River', 'café', 'it’s'].map((w) => codes.add(w))).toEqual([true, true, true, false, false, false]);
  });

  it('takes the last word off so another can replace it', () => {
    const codes = new WordCodes();
    codes.add('the');
    codes.add('River');
    codes.dropLast();
    codes.add('river');
    expect(codes.count).toBe(2);
    expect(text(codes)).toBe('the river');
  });

  it('grows past its first buffers and keeps every word', () => {
    const codes = new WordCodes();
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    for (const w of words) codes.add(w);
    expect(text(codes)).toBe(words.join(' '));
  });
});
