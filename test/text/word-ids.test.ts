/**
 * Word ids (src/text/word-ids.ts): the text layer's per-token ids must be exactly the ids of the
 * strings the analyses would otherwise look up (Token.text, and the lower-cased lemma), whatever
 * was read before, and tokens from elsewhere get the same ids from their strings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { knownTokenWordIds, lemmaKey, tokenWordIds, WordTable, wordId, wordIdCount, wordText } from '../../src/text/word-ids.js';
import type { AnalyzedDoc } from '../../src/text/types.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const sample: Article[] = readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const article = (text: string, id = 'a'): Article => ({ id, outlet: 'Test Daily', title: '', text });

// Contractions, odd whitespace, words wink may not give verbatim, one word under several POS tags.
const VARIED = [
  "He didn't go. \"I can't,\" she said—won't! Rock 'n' roll in the '90s… l'Europe. Gonna wanna.",
  'Zelensky’s ‘junta’ and “the so-called” deal: 1,000-for-1,000 swaps, $5.6bn, €5.2 billion, 3.5% and 10:30am.',
  'Tabs\tand  double  spaces,\u00a0non-breaking\u00a0spaces, zero\u200bwidth and soft\u00adhyphen. ``Quoted´´ text.',
  'They attacked the attack. The attacks attack. Attack! We saw the saw; she saws. Leaves leave; he leaves.',
];

function expectIdsOfStrings(doc: AnalyzedDoc): void {
  // the text layer's own ids, not ones numbered afresh from the strings
  const ids = knownTokenWordIds(doc.tokens)!;
  expect(ids).toBeDefined();
  expect(ids.form.length).toBe(doc.tokens.length);
  expect(ids.lemma.length).toBe(doc.tokens.length);
  doc.tokens.forEach((t, i) => {
    expect([t.text, wordText(ids.form[i])]).toEqual([t.text, t.text]);
    expect([t.text, wordText(ids.lemma[i])]).toEqual([t.text, lemmaKey(t)]);
  });
}

describe('wordId', () => {
  it('gives one string one id for the whole process, and wordText gives the string back', () => {
    const a = wordId('framing-test-word');
    expect(wordId('framing-test-word')).toBe(a);
    expect(wordId('Framing-test-word')).not.toBe(a);
    expect(wordText(a)).toBe('framing-test-word');
    expect(wordIdCount()).toBeGreaterThan(a);
  });
});

describe('tokenWordIds', () => {
  it('gives every token of the text layer the ids of its text and lower-cased lemma, forward and again after other documents', () => {
    for (const text of [...VARIED, ...VARIED.slice().reverse()]) expectIdsOfStrings(analyzeDoc(article(text)));
    for (const a of sample) expectIdsOfStrings(analyzeDoc(a));
    for (const a of sample.slice().reverse()) expectIdsOfStrings(analyzeDoc(a));
  });

  it('numbers tokens that did not come from the text layer (a copy of a doc) with the same ids', () => {
    const doc = analyzeDoc(sample[0]);
    const copy = structuredClone(doc);
    expect(knownTokenWordIds(copy.tokens)).toBeUndefined();
    expect(tokenWordIds(copy.tokens)).toEqual(tokenWordIds(doc.tokens));
  });

  it('numbers hand-made tokens by their lemma, else normal form, else text, in lower case', () => {
    const tokens = [{ text: 'Said', lemma: 'Say' }, { text: 'Went', norm: 'went' }, { text: 'OK' }] as Array<{ text: string; lemma: string; norm?: string }>;
    const ids = tokenWordIds(tokens);
    expect(Array.from(ids.lemma, wordText)).toEqual(['say', 'went', 'ok']);
    expect(Array.from(ids.form, wordText)).toEqual(['Said', 'Went', 'OK']);
  });
});

describe('WordTable', () => {
  it('answers the unset value until an id is set, and keeps values while it grows past new ids', () => {
    const table = new WordTable(-7);
    expect(table.get(0)).toBe(-7);
    expect(table.get(10_000_000)).toBe(-7);
    table.set(3, 42);
    const far = wordIdCount() + 5000;
    table.set(far, 9);
    expect([table.get(3), table.get(far), table.get(far - 1), table.get(4)]).toEqual([42, 9, -7, -7]);
  });
});
