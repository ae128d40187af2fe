/**
 * Phrase re-scoring of the loaded-language model (analyses/loaded/phrase-scores.ts and its step
 * in detect.ts): touching parts become one phrase with whole-phrase features, weak phrases lose
 * their learned spans while their lexicon hits stay markers, and kept phrases say why.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { detectLoaded, loadedResources } from '../../analyses/loaded/index.js';
import { explainPhrase, phraseCandidates, scorePhrase, type PhraseCandidate, type PhraseModel } from '../../analyses/loaded/phrase-scores.js';
import type { LoadedModel } from '../../analyses/loaded/model.js';

const article = (text: string, extra: Partial<Article> = {}): Article => ({ id: 'a1', outlet: 'Fixture Daily', title: '', text, ...extra });
const featuresOf = (c: PhraseCandidate) => new Map(c.names.map((name, i) => [name, c.values[i]]));
const TEXT = 'Critics called the plan a total and utter disgrace. Officials said the plan was a disgrace. The plan was a disgrace, the regime said.';

describe('phraseCandidates', () => {
  const doc = analyzeDoc(article(TEXT));
  const at = (word: string, from = 0) => {
    const start = TEXT.indexOf(word, from);
    return { start, end: start + word.length };
  };
  const p = doc.tokens.map((t) => ({ total: 0.2, utter: 0.3, disgrace: 0.8 })[t.text] ?? 0);
  const scores = { p, wordWeight: (i: number) => ({ total: 0.5, utter: 1.5, disgrace: 1 })[doc.tokens[i].text] ?? 0 };

  it('merges touching and overlapping parts into one phrase and describes it as a whole', () => {
    const parts = [
      { ...at('total and utter'), category: 'loaded', subcategory: 'learned' },
      { ...at('utter disgrace'), category: 'intensifier', subcategory: 'emotive-noun' },
    ];
    const [phrase] = phraseCandidates(doc, scores, parts, []);
    expect(TEXT.slice(phrase.start, phrase.end)).toBe('total and utter disgrace');
    expect(phrase.parts).toEqual([0, 1]);
    const f = featuresOf(phrase);
    expect(f.get('words=3')).toBe(1); // four words
    expect(f.get('max-p')).toBeCloseTo(Math.log(0.8 / 0.2));
    expect(f.get('word-weight')).toBe(1.5);
    expect(f.get('lexicon=intensifier')).toBe(1);
    expect(f.has('lexicon-only')).toBe(false);
    expect(f.get('quote=none')).toBe(1);
    expect(f.get('first=ADJ')).toBe(1);
    expect(f.get('last=NOUN')).toBe(1);
  });

  it('counts a phrase repeated in the article and marks a lone lexicon hit', () => {
    const first = at('disgrace', TEXT.indexOf('Officials'));
    const second = at('disgrace', first.end);
    const phrases = phraseCandidates(doc, scores, [
      { ...first, category: 'label', subcategory: 'pejorative' },
      { ...second, category: 'loaded', subcategory: 'learned' },
    ], []);
    expect(phrases).toHaveLength(2);
    expect(phrases.map((c) => featuresOf(c).get('repeat=2'))).toEqual([1, 1]);
    expect(featuresOf(phrases[0]).get('only=label/pejorative')).toBe(1);
    expect(featuresOf(phrases[0]).get('one=NOUN')).toBe(1);
    expect(featuresOf(phrases[1]).has('lexicon-only')).toBe(false);
  });

  it('scores a phrase by its weights and explains it by the largest positive parts', () => {
    const model: PhraseModel = { bias: -1, threshold: 0.5, weights: { 'max-p': 0.5, 'words=0': -0.4, 'quote=none': 0.3 } };
    const [phrase] = phraseCandidates(doc, scores, [{ ...at('disgrace'), category: 'loaded' }], []);
    const score = scorePhrase(model, phrase);
    expect(score.p).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 0.5 * Math.log(4) - 0.4 + 0.3))));
    expect(explainPhrase(model, phrase).map((c) => c.feature)).toEqual(['max-p', 'quote=none']);
  });
});

describe('phrase re-scoring in detectLoaded', () => {
  const resources = loadedResources();
  const model = resources.model as LoadedModel;
  const withPhrase = (phrase: PhraseModel | undefined) => ({ matcher: resources.matcher, model: { ...model, phrase } });
  const doc = analyzeDoc(article('The incompetent, clueless bureaucrats wrecked the disgraceful scheme once again! The regime and its thugs lied. Their hateful, venomous screeds poisoned everything.'));

  it('ships a phrase model with a threshold between 0 and 1', () => {
    expect(model.phrase).toBeDefined();
    expect(model.phrase!.threshold).toBeGreaterThan(0);
    expect(model.phrase!.threshold).toBeLessThan(1);
    expect(Object.keys(model.phrase!.weights).length).toBeGreaterThan(20);
    for (const w of Object.values(model.phrase!.weights)) expect(Number.isFinite(w)).toBe(true);
  });

  it('keeps every proposed phrase at threshold 0, as without a phrase model, and adds the phrase score to the reason', () => {
    const plain = detectLoaded(doc, withPhrase(undefined));
    const open = detectLoaded(doc, withPhrase({ ...model.phrase!, threshold: 0 }));
    const spans = (d: typeof plain) => d.markers.map((m) => `${m.category}:${m.text}:${m.learned}`);
    expect(spans(open)).toEqual(spans(plain));
    const learned = open.markers.filter((m) => m.category === 'loaded');
    expect(learned.length).toBeGreaterThan(0);
    for (const m of learned) expect(m.reason).toMatch(/^learned model p=0\.\d\d: .+; as a phrase p=0\.\d\d/);
  });

  it('drops the learned spans of weak phrases and stops counting their lexicon hits, which stay markers', () => {
    const closed = detectLoaded(doc, withPhrase({ ...model.phrase!, threshold: 1 }));
    const plain = detectLoaded(doc, withPhrase(undefined));
    expect(closed.markers.filter((m) => m.category === 'loaded')).toEqual([]);
    const lexicon = (d: typeof plain) => d.markers.filter((m) => m.category !== 'loaded').map((m) => `${m.category}:${m.text}`);
    expect(lexicon(closed)).toEqual(lexicon(plain));
    expect(closed.markers.some((m) => m.learned === true)).toBe(false);
    expect(plain.markers.some((m) => m.category !== 'loaded' && m.learned === true)).toBe(true);
  });
});
