import { describe, expect, it } from 'vitest';
import { isCommonWord, lexicalPos, LEX_ADJ, LEX_KNOWN, LEX_NOUN, LEX_PROPN, UNKNOWN_WORD } from '../../src/text/common-words.js';

describe('wink lexicon look-ups', () => {
  it('knows plural nouns and quantifiers as common words, never as proper nouns', () => {
    expect(lexicalPos('officials') & (LEX_KNOWN | LEX_NOUN)).toBe(LEX_KNOWN | LEX_NOUN);
    expect(isCommonWord('officials')).toBe(true);
    expect(isCommonWord('several')).toBe(true);
  });

  it('does not call a word that may be a proper noun, or an unknown word, common', () => {
    expect(lexicalPos('washington') & LEX_PROPN).toBe(LEX_PROPN);
    expect(isCommonWord('washington')).toBe(false);
    expect(lexicalPos('brannockvale')).toBe(UNKNOWN_WORD);
    expect(isCommonWord('brannockvale')).toBe(false);
  });

  it('knows nationality adjectives as adjectives without a proper-noun reading', () => {
    const bits = lexicalPos('venezuelan');
    expect(bits & LEX_ADJ).toBe(LEX_ADJ);
    expect(bits & LEX_PROPN).toBe(0);
  });

  it('answers the same however often it is asked', () => {
    expect(lexicalPos('security')).toBe(lexicalPos('security'));
  });
});
