import { describe, expect, it } from 'vitest';
import { changedOutlets, mayMention, nameWords } from '../../src/pipeline/outlet-relevance.js';

describe('outlet relevance', () => {
  it('lists outlets added and removed', () => {
    expect(changedOutlets(['A', 'B'], new Set(['B', 'C']))).toEqual(['A', 'C']);
    expect(changedOutlets(['A'], new Set(['A']))).toEqual([]);
  });

  it('needs every word of the name except a leading "the", in any case', () => {
    expect(nameWords('The Harbour Times')).toEqual(['harbour', 'times']);
    expect(nameWords('The')).toEqual(['the']);
    expect(mayMention('as the HARBOUR\ntimes reported', ['The Harbour Times'])).toBe(true);
    expect(mayMention('the Harbour reopened', ['The Harbour Times'])).toBe(false);
    expect(mayMention('anything', [])).toBe(false);
  });
});
