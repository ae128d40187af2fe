import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import { getNlp, readDocIsolated } from '../../src/text/nlp.js';
import { winkCache } from '../../src/text/wink-tokens.js';

const tokensOf = (text: string) => analyzeDoc({ id: 'a', outlet: 'x', title: '', text }).tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}`);

/** wink keeps "women's" whole when it ends a sentence; later documents then stop splitting it. */
const TEACHES_WHOLE_WORD = "Grants go to the men's league far more than to the women's.";

describe('reading a document in isolation from the ones read before', () => {
  it("splits \"women's\" the same after another text taught wink the whole word", () => {
    const text = "The women's union of Orlavia met on Tuesday.";
    const before = tokensOf(text);
    expect(before.slice(1, 3).map((t) => t.split('/')[0])).toEqual(['women', "'s"]);
    readDocIsolated(TEACHES_WHOLE_WORD).release();
    expect(tokensOf(text)).toEqual(before);
    // A plain readDoc on the shared instance keeps the word for good; isolated reads still hide it.
    getNlp().readDoc(TEACHES_WHOLE_WORD);
    expect(getNlp().readDoc(text).tokens().out()).toContain("women's");
    expect(tokensOf(text)).toEqual(before);
  });

  it('gives every sample article the same tokens whatever order the corpus is read in', () => {
    const articles = readFileSync(new URL('../../data/sample/articles.jsonl', import.meta.url), 'utf8')
      .split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as { id: string; outlet: string; title: string; text: string });
    const read = (order: typeof articles) => new Map(order.map((a) => [a.id, JSON.stringify(analyzeDoc(a).tokens)]));
    const forward = read(articles);
    const backward = read([...articles].reverse());
    for (const a of articles) expect(backward.get(a.id), a.id).toBe(forward.get(a.id));
  });

  it('does not grow wink’s lexicon when the same unknown words are read again', () => {
    const text = 'Vostrakel and Quimbrey met the Zarnovian envoy, Mr. Oplik-Traven, at Brelsk.';
    const size = () => (winkCache(readDocIsolated('a').doc) as unknown as { currentSize(): number }).currentSize();
    readDocIsolated(text).release();
    const once = size();
    for (let i = 0; i < 20; i++) readDocIsolated(text).release();
    expect(size()).toBe(once);
  });
});
