import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDoc, analyzeDocs } from '../../src/text/analyze.js';
import { splitParagraphs } from '../../src/text/paragraphs.js';
import type { AnalyzedDoc } from '../../src/text/types.js';

const article = (text: string, id = 'a') => ({ id, outlet: 'Test Daily', title: '', text });

const VARIED = [
  "He didn't go. \"I can't,\" she said—won't! Rock 'n' roll in the '90s… l'Europe.",
  'Visit https://example.com/a?b=1&c=2 or mail a@b.com 😀👍🏽 #tag @user — 你好世界。日本語のテキスト。',
  'Zelensky’s ‘junta’ and “the so-called” deal: 1,000-for-1,000 swaps, $5.6bn, €5.2 billion, 3.5% and 10:30am.',
  'Tabs\tand  double  spaces,\u00a0non-breaking\u00a0spaces, zero\u200bwidth and soft\u00adhyphen.',
  'Line one\r\nLine two\r\n\r\nNew paragraph ... with dots... and U.S. Dr. Smith Jr. e-mail gonna wanna.',
  '',
  '   \n\n  ',
];

function checkInvariants(doc: AnalyzedDoc) {
  const text = doc.article.text;
  let last = 0;
  for (const t of doc.tokens) {
    expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(t.start).toBeGreaterThanOrEqual(last);
    expect(t.text.trim()).not.toBe('');
    last = t.end;
  }
  let lastSentenceEnd = 0;
  doc.sentences.forEach((s, k) => {
    expect(s.start).toBeGreaterThanOrEqual(lastSentenceEnd);
    expect(s.tokenEnd).toBeGreaterThan(s.tokenStart);
    expect(doc.tokens[s.tokenStart].start).toBe(s.start);
    expect(doc.tokens[s.tokenEnd - 1].end).toBe(s.end);
    if (k > 0) expect(s.tokenStart).toBe(doc.sentences[k - 1].tokenEnd);
    const p = doc.paragraphs[s.paragraph];
    expect(s.start >= p.start && s.end <= p.end).toBe(true);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) expect(doc.tokens[i].sentence).toBe(k);
    lastSentenceEnd = s.end;
  });
  if (doc.tokens.length) expect(doc.sentences.at(-1)!.tokenEnd).toBe(doc.tokens.length);
  // paragraphs are in order and cover every non-space character
  const covered = new Uint8Array(text.length);
  let lastParagraphEnd = 0;
  for (const p of doc.paragraphs) {
    expect(p.start).toBeGreaterThanOrEqual(lastParagraphEnd);
    covered.fill(1, p.start, p.end);
    lastParagraphEnd = p.end;
  }
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i])) expect(covered[i]).toBe(1);
}

describe('analyzeDoc', () => {
  it('gives every token exact offsets on varied text (emoji, CJK, curly punctuation, contractions, URLs)', () => {
    for (const text of VARIED) checkInvariants(analyzeDoc(article(text)));
  });

  it('splits contractions into tokens that still slice the text exactly', () => {
    const doc = analyzeDoc(article("I can't and won't."));
    expect(doc.tokens.map((t) => t.text)).toEqual(['I', 'ca', "n't", 'and', 'wo', "n't", '.']);
    expect(doc.tokens[1].norm).toBe('can');
    expect(doc.tokens[2].lemma).toBe('not');
    expect(doc.words).toBe(4);
  });

  it('fills norm, lemma, POS, stop and negation flags from wink', () => {
    const doc = analyzeDoc(article('The ministers did not attend the talks.'));
    const byText = Object.fromEntries(doc.tokens.map((t) => [t.text, t]));
    expect(byText.ministers.lemma).toBe('minister');
    expect(byText.ministers.pos).toBe('NOUN');
    expect(byText.The.norm).toBe('the');
    expect(byText.The.stop).toBe(true);
    expect(byText.attend.negated).toBe(true);
    expect(byText['.'].type).toBe('punctuation');
  });

  it('cuts a wink sentence at a paragraph boundary (headline without a full stop)', () => {
    const doc = analyzeDoc(article('Russia will announce talks soon\nRussia will announce the date of the talks.'));
    expect(doc.paragraphs).toHaveLength(2);
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 1]);
    checkInvariants(doc);
  });

  it('splits paragraphs on blank lines, or on single newlines when there are none', () => {
    expect(splitParagraphs('a\nb\n\nc')).toEqual([{ start: 0, end: 3 }, { start: 5, end: 6 }]);
    expect(splitParagraphs('a\nb\nc')).toEqual([{ start: 0, end: 1 }, { start: 2, end: 3 }, { start: 4, end: 5 }]);
    expect(splitParagraphs('  \n\n ')).toEqual([]);
  });

  it('holds its invariants on random text', () => {
    const alphabet = ['a', 'Bc', 'd', ' ', '  ', '\n', '\n\n', '.', ',', '!', '?', '"', "'", '“', '”', '‘', '’', '«', '»', "n't", "'s", '😀', '日本', '…', '-', 'http://x.y/z', '5'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (parts) => {
        checkInvariants(analyzeDoc(article(parts.join(''))));
      }),
      { numRuns: 300 },
    );
  });

  it('assigns quotes the sentence of their opening mark', () => {
    const doc = analyzeDoc(article('First sentence here. He called it a "farce" today.'));
    expect(doc.quotes).toHaveLength(1);
    expect(doc.quotes[0].sentence).toBe(1);
  });

  it('analyzes several articles in order', () => {
    const docs = analyzeDocs([article('One.', 'x'), article('Two.', 'y')]);
    expect(docs.map((d) => d.article.id)).toEqual(['x', 'y']);
  });
});
