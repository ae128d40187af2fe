import { describe, expect, it } from 'vitest';
import { DocTokens } from '../../src/text/doc-tokens.js';
import { splitParagraphs } from '../../src/text/paragraphs.js';
import type { RawToken } from '../../src/text/wink-tokens.js';
import { wordId } from '../../src/text/word-ids.js';

/** Raw tokens as readTokens would hand them over, one wink sentence each unless given. */
const raw = (value: string, type = 'word', sentence = 0, extra: Partial<RawToken> = {}): RawToken => ({
  index: 0, sentence, value, type, pos: type === 'punctuation' ? 'PUNCT' : 'NOUN', norm: value.toLowerCase(), lemma: value.toLowerCase(),
  stop: false, negated: false, formId: -1, lemmaId: -1, ...extra,
});

describe('DocTokens', () => {
  it('places tokens at their offsets, drops whitespace tokens and counts a glued contraction tail with its word', () => {
    const text = "Ana's  cat didn't go.";
    const built = new DocTokens(text, splitParagraphs(text));
    for (const t of [raw('Ana'), raw("'s"), raw('  ', 'tabCRLF'), raw('cat'), raw('did'), raw("n't"), raw('go'), raw('.', 'punctuation')]) built.add(t);
    expect(built.tokens.map((t) => [t.text, t.start, t.end])).toEqual([
      ['Ana', 0, 3], ["'s", 3, 5], ['cat', 7, 10], ['did', 11, 14], ["n't", 14, 17], ['go', 18, 20], ['.', 20, 21],
    ]);
    // Ana's, cat, didn't, go
    expect(built.words).toBe(4);
    expect(built.hints.capitals).toEqual([0]);
  });

  it('cuts a wink sentence at a paragraph break and numbers every token from its strings when wink gave no ids', () => {
    const text = 'Headline here\n\nBody text.';
    const built = new DocTokens(text, splitParagraphs(text));
    for (const t of [raw('Headline'), raw('here'), raw('Body'), raw('text'), raw('.', 'punctuation')]) built.add(t);
    expect(built.sentences.map((s) => [s.start, s.end, s.tokenStart, s.tokenEnd, s.paragraph])).toEqual([[0, 13, 0, 2, 0], [15, 25, 2, 5, 1]]);
    expect(built.tokens.map((t) => t.sentence)).toEqual([0, 0, 1, 1, 1]);
    const ids = built.wordIds();
    expect([...ids.form]).toEqual(built.tokens.map((t) => wordId(t.text)));
    expect([...ids.lemma]).toEqual(built.tokens.map((t) => wordId(t.lemma)));
  });

  it("keeps wink's ids when the token is wink's value verbatim", () => {
    const text = 'Hello';
    const built = new DocTokens(text, splitParagraphs(text));
    built.add(raw('Hello', 'word', 0, { formId: 7, lemmaId: 9 }));
    expect([...built.wordIds().form, ...built.wordIds().lemma]).toEqual([7, 9]);
  });
});
