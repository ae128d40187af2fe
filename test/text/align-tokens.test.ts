import { describe, expect, it } from 'vitest';
import { alignTokens } from '../../src/text/align-tokens.js';

const spans = (text: string, values: string[]) => {
  const o = alignTokens(text, values);
  return values.map((_, i) => text.slice(o[2 * i], o[2 * i + 1]));
};

describe('alignTokens', () => {
  it('finds verbatim values after the cursor, skipping spaces and invisible characters', () => {
    expect(spans('a  b\u200bc\n\nd', ['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('places a value that is not in the text at the cursor without drifting the rest', () => {
    // "ca" stands for a token wink rewrote; "b" later in the text must still be found in place
    expect(spans('xyz b c b', ['QQQ', 'b', 'c', 'b'])).toEqual(['xyz', 'b', 'c', 'b']);
  });

  it('does not jump over text to a later copy of a value', () => {
    // "c" exists only far ahead, past non-space text: it is placed at the cursor instead
    const o = alignTokens('a XY b c', ['a', 'c', 'b']);
    expect([o[2], o[3]]).toEqual([2, 3]);
    expect([o[4], o[5]]).toEqual([5, 6]);
  });
});
