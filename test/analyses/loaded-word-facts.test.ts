/**
 * The per-form facts of the loaded-language model (analyses/loaded/word-facts.ts) against the
 * per-token definitions they stand for (features.ts, polarity.ts): a form's facts must be what
 * tokenFeatures would decide from any token written so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { polarityBucket } from '../../analyses/loaded/polarity.js';
import { buildTokenContext, lemmaOf } from '../../analyses/loaded/features.js';
import { ALLCAPS, CAPITAL, GENERAL, HYPHEN, LONG, POLARITY_BUCKETS, SUFFIX, polarityCode, suffixes, suffixNumber, withPolarity, wordFacts } from '../../analyses/loaded/word-facts.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const sample: Article[] = readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const FORMS = ['SHOCKING', 'Minister', 'so-called', 'self-styled', 'incompetent', 'bureaucrats', 'naïve', 'Über', 'A', 'I', 'x', '2024', 'U.S.', "don't", 'disgraceful', 'NATO-led', '!', '“'];

/** The facts as tokenFeatures spells them out for one token's text. */
function expectedFacts(text: string): number {
  const lower = text.toLowerCase();
  let facts = 0;
  if (text.length >= 2 && /^[\p{L}][\p{L}'’-]*$/u.test(text)) facts |= GENERAL;
  if (lower.length >= 5 && lower === text) facts |= SUFFIX;
  if (text.length > 1 && text === text.toUpperCase() && /\p{Lu}/u.test(text)) facts |= ALLCAPS;
  if (/^\p{Lu}/u.test(text)) facts |= CAPITAL;
  if (text.includes('-')) facts |= HYPHEN;
  if (text.length >= 10) facts |= LONG;
  return facts;
}

const FLAGS = GENERAL | SUFFIX | ALLCAPS | CAPITAL | HYPHEN | LONG;

describe('wordFacts', () => {
  it('gives every written form of the sample corpus the flags tokenFeatures decides from its text', () => {
    const texts = new Set(FORMS);
    for (const article of sample) for (const t of analyzeDoc(article).tokens) texts.add(t.text);
    expect(texts.size).toBeGreaterThan(1000);
    for (const text of texts) expect([text, wordFacts(text) & FLAGS]).toEqual([text, expectedFacts(text)]);
  });

  it('numbers the suffix of every lower-case form of five or more characters, one number per suffix', () => {
    for (const text of ['incompetent', 'disgraceful', 'shameful', 'brutal', 'regime']) {
      const facts = wordFacts(text);
      expect(facts & SUFFIX).toBe(SUFFIX);
      expect(suffixes[suffixNumber(facts)]).toBe(text.slice(-3));
    }
    expect(suffixNumber(wordFacts('disgraceful'))).toBe(suffixNumber(wordFacts('shameful')));
    expect(suffixNumber(wordFacts('regime'))).not.toBe(suffixNumber(wordFacts('brutal')));
  });

  it('fills in the polarity bucket of a form once asked, and keeps its other flags', () => {
    for (const text of ['brutal', 'Stunning', 'liar', 'table', 'so-called', ...FORMS]) {
      const facts = withPolarity(wordFacts(text), text);
      expect(facts & FLAGS).toBe(expectedFacts(text));
      const code = polarityCode(facts);
      expect([text, code ? POLARITY_BUCKETS[code - 1] : undefined]).toEqual([text, polarityBucket(text)]);
      expect(wordFacts(text)).toBe(facts);
    }
    expect(polarityCode(withPolarity(wordFacts('brutal'), 'brutal'))).toBeGreaterThan(0);
  });
});

describe('buildTokenContext', () => {
  it("gives each token the facts of its text and, for a general word, its lower-cased lemma, read by word id, for the text layer's docs and copies of them", () => {
    let general = 0;
    for (const article of sample) {
      const doc = analyzeDoc(article);
      for (const d of [doc, structuredClone(doc)]) {
        const ctx = buildTokenContext(d, [], []);
        d.tokens.forEach((t, i) => {
          expect([t.text, ctx.facts[i] & FLAGS]).toEqual([t.text, expectedFacts(t.text)]);
          const lemma = ctx.facts[i] & GENERAL ? lemmaOf(t) : undefined;
          if (ctx.lemma[i] !== lemma) expect([t.text, ctx.lemma[i]]).toEqual([t.text, lemma]);
          if (lemma !== undefined) general++;
        });
      }
    }
    expect(general).toBeGreaterThan(10000);
  });
});
