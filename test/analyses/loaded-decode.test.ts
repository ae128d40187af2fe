/**
 * Span decoding of the loaded-language model (analyses/loaded/decode-spans.ts): hysteresis
 * thresholds, bridging inside a sentence, the span-length cap and lexicon hits taken as certain.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import { decodeSpans } from '../../analyses/loaded/decode-spans.js';

const doc = analyzeDoc({ id: 'd1', outlet: 'Fixture Daily', title: '', text: 'Critics called the plan a total and utter disgrace today. Officials met again.' });
const index = (word: string) => doc.tokens.findIndex((t) => t.text === word);
const probs = (values: Record<string, number>) => doc.tokens.map((t) => values[t.text] ?? 0);
const texts = (spans: ReturnType<typeof decodeSpans>) => spans.map((s) => doc.article.text.slice(doc.tokens[s.tokenStart].start, doc.tokens[s.tokenEnd - 1].end));

describe('decodeSpans', () => {
  it('joins weak words around a strong one into one phrase, bridging a function word', () => {
    const p = probs({ total: 0.15, utter: 0.2, disgrace: 0.6 });
    expect(texts(decodeSpans(doc.tokens, p, { threshold: 0.1, seed: 0.3, single: 0.4, gap: 1 }))).toEqual(['total and utter disgrace']);
  });

  it('drops a span whose strongest word stays under the seed, and a lone word under the single-word bar', () => {
    expect(decodeSpans(doc.tokens, probs({ total: 0.15, disgrace: 0.2 }), { threshold: 0.1, seed: 0.3, single: 0.4, gap: 2 })).toEqual([]);
    expect(decodeSpans(doc.tokens, probs({ disgrace: 0.35 }), { threshold: 0.1, seed: 0.3, single: 0.4 })).toEqual([]);
    expect(texts(decodeSpans(doc.tokens, probs({ disgrace: 0.45 }), { threshold: 0.1, seed: 0.3, single: 0.4 }))).toEqual(['disgrace']);
  });

  it('never bridges more words than allowed, across a sentence end, or past the word cap', () => {
    const p = probs({ called: 0.5, disgrace: 0.5, Officials: 0.5 });
    const options = { threshold: 0.3, single: 0.4 };
    expect(texts(decodeSpans(doc.tokens, p, { ...options, gap: 1 }))).toEqual(['called', 'disgrace', 'Officials']);
    expect(texts(decodeSpans(doc.tokens, p, { ...options, gap: 6, maxWords: 4 }))).toEqual(['called', 'disgrace', 'Officials']);
    expect(texts(decodeSpans(doc.tokens, p, { ...options, gap: 6, maxWords: 10 }))).toEqual(['called the plan a total and utter disgrace', 'Officials']);
  });

  it('counts forced tokens (lexicon hits the model agrees with) as certain', () => {
    const spans = decodeSpans(doc.tokens, probs({ total: 0.15 }), { threshold: 0.1, seed: 0.3, gap: 2 }, new Set([index('disgrace')]));
    expect(texts(spans)).toEqual(['total and utter disgrace']);
    expect(spans[0].best).toBe(index('disgrace'));
  });
});
