/**
 * The fast token scorer of the loaded-language model (analyses/loaded/token-scores.ts) against
 * its definition (features.ts + model.ts), and the polarity table against wink's readDoc
 * (analyses/loaded/polarity.ts): both shortcuts must give exactly the values they replace.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { loadedResources } from '../../analyses/loaded/index.js';
import { buildTokenContext, tokenFeatures } from '../../analyses/loaded/features.js';
import { scoreProbability, type LoadedModel } from '../../analyses/loaded/model.js';
import { scoreTokens } from '../../analyses/loaded/token-scores.js';
import { findSpeechCues } from '../../analyses/loaded/speech-cues.js';
import { classifyQuotes } from '../../analyses/loaded/quote-classes.js';
import { readDocPolarity, wordPolarity } from '../../analyses/loaded/polarity.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const sample: Article[] = readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const fixture: Article = {
  id: 'f1', outlet: 'Fixture Daily', title: 'SHOCKING betrayal: the regime’s so-called "reform" collapses',
  text: 'SHOCKING betrayal: the regime’s so-called "reform" collapses\n\nThe incompetent, clueless bureaucrats wrecked the disgraceful scheme once again! ' +
    'Minister Arlen Tesk said the plan was a "grave mistake". Are we really surprised? The self-styled "saviours" of Valmora admitted nothing in 2024.',
};

function contextOf(article: Article) {
  const doc = analyzeDoc(article);
  const { matcher } = loadedResources();
  const hits = matcher.match(doc);
  return buildTokenContext(doc, hits, classifyQuotes(doc, findSpeechCues(doc, hits)));
}

describe('scoreTokens', () => {
  it('gives every token exactly the probability of its feature list, on the sample corpus and a fixture full of quotes, capitals and lexicon hits', () => {
    const model = loadedResources().model as LoadedModel;
    let scored = 0;
    for (const article of [fixture, ...sample]) {
      const ctx = contextOf(article);
      const fast = scoreTokens(model, ctx);
      ctx.doc.tokens.forEach((token, i) => {
        const features = tokenFeatures(ctx, i);
        const expected = features.length ? scoreProbability(model, features) : undefined;
        if (!Object.is(fast[i], expected)) expect({ token: token.text, p: fast[i] }).toEqual({ token: token.text, p: expected });
        if (expected !== undefined) scored++;
      });
    }
    expect(scored).toBeGreaterThan(5000);
  });

  it('counts each feature of a token once, for models holding any feature family', () => {
    const ctx = contextOf(fixture);
    const families = new Set<string>();
    ctx.doc.tokens.forEach((_, i) => {
      const features = tokenFeatures(ctx, i);
      if (!features.length) return;
      // A model holding only this token's features, each with its own power-of-two weight, so a
      // feature the fast scorer misses or counts twice changes the sum.
      const weights = Object.fromEntries(features.map((f, k) => [f, 2 ** -(k + 1)]));
      const model: LoadedModel = { format: 1, trainedOn: 'test', bias: 0, threshold: 0.5, weights };
      expect(scoreTokens(model, ctx)[i]).toBe(scoreProbability(model, features));
      for (const f of features) families.add(f.split(/[=&]/)[0]);
    });
    expect([...families].sort()).toEqual(expect.arrayContaining(['headline', 'lem', 'lem+1', 'lem-1', 'lex', 'lex+1', 'lex-1', 'pol', 'pol+1', 'pol-1', 'pos', 'pos+1', 'pos-1', 'quote', 'sent', 'doc', 'shape', 'stop', 'suf']));
  });
});

describe('wordPolarity', () => {
  it('matches a one-word wink document for table words, unknown words, numbers and the words that still go through readDoc', () => {
    const words = new Set(['brutal', 'Stunning', 'liar', 'xqzvbl', 'orlesk', '2024', '1,000', 'so-called', "don't", 'self-styled', '!', ':)', 'naïve']);
    for (const article of sample) for (const w of article.text.split(/\s+/)) words.add(w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') || w);
    for (const w of words) expect([w, wordPolarity(w)]).toEqual([w, readDocPolarity(w.toLowerCase())]);
    expect(wordPolarity('brutal')).toBeLessThan(0);
  });
});
