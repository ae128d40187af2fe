import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import { getNlp } from '../../src/text/nlp.js';
import { CONTRACTION_TAIL, isContractionTailText } from '../../src/text/contraction-tail.js';
import { countWords } from '../../src/text/quotes.js';
import { scanQuoteMarks } from '../../src/text/quote-marks.js';
import { withoutTrailingClosers } from '../../src/text/quote-shape.js';

// The text layer's hand-written scanners must say exactly what the regular expressions they
// replaced said: these tests hold each fast path against its plain definition.

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const regexWords = (text: string) => (text.match(WORD) ?? []).length;

const PIECES = ['a', 'Zé', 'ß', '9', '٣', '𝐀', '😀', "'", '’', '-', '.', ',', ' ', '\n', 'n', '\ud800', '\udc00', 'don', 'U', 'S'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('countWords', () => {
  it('counts the same words as the letter-run regular expression, astral letters and lone surrogates included', () => {
    fc.assert(fc.property(text, (t) => {
      expect(countWords(t)).toBe(regexWords(t));
    }), { numRuns: 2000 });
  });

  it('counts contractions, hyphenated words and abbreviations once', () => {
    expect(countWords("don't stop the e-mail to the U.S. now")).toBe(8);
    expect(countWords('  -- ... ')).toBe(0);
  });
});

describe('isContractionTailText', () => {
  const TAIL_PIECES = ["'", '’', 'n', 'N', 't', 'T', 's', 'S', 'll', 'é', 'Ö', 'ß', '𝐀', '\u0345', 'K', '9', '-', '.', ' ', '\ud800'];
  const tail = fc.array(fc.constantFrom(...TAIL_PIECES), { maxLength: 5 }).map((parts) => parts.join(''));

  it('says what the contraction-tail regular expression says, for ASCII, accented, astral and odd letters', () => {
    fc.assert(fc.property(tail, (t) => {
      expect(isContractionTailText(t)).toBe(CONTRACTION_TAIL.test(t));
    }), { numRuns: 5000 });
  });

  it("takes n't, 's, 're and 'll in any case and curly or straight, and nothing longer", () => {
    for (const yes of ["n't", "N'T", 'n’t', "'s", '’S', "'re", "'ll", "'é"]) expect(isContractionTailText(yes)).toBe(true);
    for (const no of ["'", "'ve'", "'sss", "n'", 'nt', "'9", 's', '']) expect(isContractionTailText(no)).toBe(false);
  });
});

describe('withoutTrailingClosers', () => {
  const CLOSER_PIECES = ['word', '.', ' ', '\n', '\u00a0', ')', ']', '}', '"', "'", '“', '”', '‘', '’', '«', '»', '‹', '›', '`', '(', '—', '\ud83d', '\ude00'];
  const quoteText = fc.array(fc.constantFrom(...CLOSER_PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

  it('strips the same final run of spaces, brackets and marks as the regular expression', () => {
    fc.assert(fc.property(quoteText, (t) => {
      expect(withoutTrailingClosers(t)).toBe(t.replace(/[\s)\]}"'“”‘’«»‹›`]+$/, ''));
    }), { numRuns: 3000 });
  });
});

describe('scanQuoteMarks', () => {
  it('marks apostrophes between ASCII letters without treating them as quotes', () => {
    const marks = scanQuoteMarks("Zelensky's 'junta' isn’t new");
    expect(marks.map((m) => [m.offset, m.role])).toEqual([
      [8, 'apostrophe'],
      [11, 'open'],
      [17, 'close'],
      [22, 'apostrophe'],
    ]);
  });
});

describe('analyzeDoc', () => {
  it('gives the same tokens whether or not quotes and mentions are found', () => {
    const article = { id: 'a', outlet: 'o', title: '', text: 'Mayor Ana Ortiz said "the bridge can\'t wait." The council\'s vote is Monday.' };
    const full = analyzeDoc(article);
    const lean = analyzeDoc(article, { quotes: false, mentions: false });
    expect(lean.tokens).toEqual(full.tokens);
    expect(lean.sentences).toEqual(full.sentences);
    expect(lean.words).toBe(full.words);
    expect(lean.quotes).toEqual([]);
    expect(full.quotes.map((q) => q.text)).toEqual(['the bridge can\'t wait.']);
  });

  it('gives every token the lemma wink gives for its part of speech, also when a word changes part of speech', () => {
    const nlp = getNlp();
    const text = 'They attack at dawn. The attack failed. Attack! We attacked the attack plans.';
    const doc = analyzeDoc({ id: 'a', outlet: 'o', title: '', text });
    const wink = nlp.readDoc(text).tokens();
    const lemmas = wink.out(nlp.its.lemma) as unknown as string[];
    const values = wink.out(nlp.its.value) as unknown as string[];
    const expected = values.map((v, i) => [v, lemmas[i]]).filter(([v]) => v.trim());
    expect(doc.tokens.map((t) => [t.text, t.lemma])).toEqual(expected);
  });
});
