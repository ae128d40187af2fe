import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import type { Article } from '../../src/corpus/article.js';
import { featureContext, stackFeatures, tokenFeatures, wordOf } from '../../analyses/attribution/cue-features.js';
import { loadCueModel, scoreTokens, STACK_GATE, WEIGHT_SCALE, type CueModel } from '../../analyses/attribution/cue-model.js';
import { parseFeatureName, Symbols } from '../../analyses/attribution/cue-symbols.js';
import { cueWordsOf, loadStances } from '../../analyses/attribution/stance.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const analyze = (text: string) => analyzeDoc({ id: 't', outlet: 'Northern Ledger', title: '', text } as Article);

/**
 * The plain reading of the model: every feature of a token as a name, looked up in the weights
 * dictionary and summed; the compiled scorer must give exactly these numbers. A token
 * whose first-pass probability is under the gate keeps it, explained by the first pass.
 */
function referenceScores(model: CueModel, text: string): { p: number[]; top: string[][] } {
  const { tokens } = analyze(text);
  const ctx = featureContext(tokens, text, cueWordsOf(loadStances()));
  const names = tokens.map((_, i) => tokenFeatures(ctx, i));
  // Weights are read at a fixed precision and summed as integers (exact in any order).
  const sum = (weights: Record<string, number>, list: string[]) =>
    list.reduce((z, f) => (f in weights ? z + Math.round(weights[f] * WEIGHT_SCALE) : z), 0) / WEIGHT_SCALE;
  const first = names.map((list) => sigmoid(sum(model.weights, list)));
  const gated = (i: number) => !model.stacked || first[i] < STACK_GATE;
  const final = model.stacked ? stackFeatures(ctx, first).map((stack, i) => (gated(i) ? names[i] : [...names[i], ...stack])) : names;
  const weightsOf = (i: number) => (gated(i) ? model.weights : model.stacked!);
  const top = final.map((list, i) =>
    list
      .filter((f) => f in weightsOf(i) && f !== 'bias')
      .map((f, order) => ({ f, w: weightsOf(i)[f], order }))
      .sort((a, b) => b.w - a.w || a.order - b.order)
      .slice(0, 3)
      .map(({ f, w }) => `${f} (${w >= 0 ? '+' : ''}${w.toFixed(2)})`),
  );
  return { p: final.map((list, i) => (gated(i) ? first[i] : sigmoid(sum(model.stacked!, list)))), top };
}

const FICTION = [
  'Harbor Minister Elena Varga said on Tuesday that the new port tax would be withdrawn.',
  '“We listened to the fishermen,” she added, according to the Valley Gazette.',
  'Officials in the capital, who asked not to be named, told reporters the decision was final: “There is no going back.”',
  "The union's leader called the plan 'a disaster' in a statement.",
].join('\n\n');

describe('the compiled cue scorer', () => {
  const model = loadCueModel();

  it('gives every token exactly the probability of summing its named feature weights', () => {
    const { tokens } = analyze(FICTION);
    const scores = scoreTokens(model, tokens, FICTION, cueWordsOf(loadStances()));
    const reference = referenceScores(model, FICTION);
    expect(Array.from(scores.p)).toEqual(reference.p);
  });

  it('explains a token with the same three largest weights as the named features', () => {
    const { tokens } = analyze(FICTION);
    const scores = scoreTokens(model, tokens, FICTION, cueWordsOf(loadStances()));
    const reference = referenceScores(model, FICTION);
    const said = tokens.findIndex((t) => t.text === 'said');
    const added = tokens.findIndex((t) => t.text === 'added');
    expect(scores.explain(said)).toEqual(reference.top[said]);
    expect(scores.explain(added)).toEqual(reference.top[added]);
    expect(scores.explain(said)).toHaveLength(3);
  });

  const sample = resolve(import.meta.dirname, '../../data/sample/articles.jsonl');
  it.skipIf(!existsSync(sample))('agrees with the named features on every token of the sample corpus', () => {
    const articles = readFileSync(sample, 'utf8').trim().split('\n').slice(0, 8).map((line) => JSON.parse(line) as Article);
    for (const a of articles) {
      const { tokens } = analyze(a.text);
      expect(Array.from(scoreTokens(model, tokens, a.text, cueWordsOf(loadStances())).p), a.id).toEqual(referenceScores(model, a.text).p);
    }
  });

  it('reads a weight whose value is itself a bar or an equals sign', () => {
    const tiny: CueModel = { name: 't', description: '', trainedOn: '', threshold: 0.5, weights: { bias: -2, 'w=|': 4, 'w==': 3, 'w|p+1=||PUNCT': 1 } };
    const text = 'Left | right = center |, end.';
    const { tokens } = analyze(text);
    const p = scoreTokens(tiny, tokens, text).p;
    const reference = referenceScores(tiny, text).p;
    expect(Array.from(p)).toEqual(reference);
    const at = (text: string, nth = 0) => tokens.map((t, i) => (t.text === text ? i : -1)).filter((i) => i >= 0)[nth];
    expect(p[at('|')]).toBe(sigmoid(-2 + 4));
    expect(p[at('=')]).toBe(sigmoid(-2 + 3));
    // The second bar is followed by a comma: "w|p+1=||PUNCT" fires too.
    expect(p[at('|', 1)]).toBe(sigmoid(-2 + 4 + 1));
    expect(p[at('end')]).toBe(sigmoid(-2));
  });

  it('sums word-row, word-bigram and conditioned word weights exactly, sentence edges included', () => {
    // Weights on every path of the scorer: a word and its neighbours up to three away (rows),
    // both word bigram templates with the sentence-edge values, a word under a context condition.
    const weights = {
      bias: -1, 'w=say': 0.5, 'w-3=<S>': 0.25, 'w+3=</S>': -0.125, 'w+1=that': 0.0625, 'w-2=she': 0.3,
      'w|w+1=say|that': 0.7, 'w|w+1=.|</S>': -0.2, 'w-1|w=<S>|she': 0.15, 'w-1|w=<S>|say': 0.33, 'w-1|w=she|say': 0.4, 'w-1|w=,|say': 0.9,
      // Pairs across a sentence edge that no token's features name: they must not count.
      'w|w+1=<S>|she': 5, 'w-1|w=.|</S>': 5,
      'q-before|w=say': 1.1, 'that-after|w=say': -0.6, 'w|inq=say|1': 0.05,
    };
    const tiny: CueModel = { name: 't', description: '', trainedOn: '', threshold: 0.5, weights, stacked: { ...weights, 's:p=5': 0.8, 's:p|w=4|say': -0.3 } };
    const text = 'She would say that. “Enough,” she said, and the minister did say. Say nothing.\n\nThey say.';
    const { tokens } = analyze(text);
    expect(Array.from(scoreTokens(tiny, tokens, text).p)).toEqual(referenceScores(tiny, text).p);
  });

  it('explains every token as the named features do, whether its weights are exact in fixed point or not', () => {
    // Explanations read the scoring tables when every weight is a non-zero multiple of 1e-4, and
    // the weights themselves otherwise (a weight of 0 or one with more decimals).
    const exact = { bias: -1, 'w=say': 0.5, 'w-1=she': 0.25, 'w|w+1=say|that': 0.7, 'w-1|w=she|say': 0.4, 'p-1|w=PRON|say': -0.2, 'w|inq=say|0': 0.05, 'p=VERB': 0.3, 'q-before': -0.1 };
    const stacked = { ...exact, 's:p=5': 0.8, 's:p|w=4|say': -0.3, 's:max=1|4': 0.6, 'w=say': 0.9 };
    const text = 'She would say that. “Enough,” she said, and the minister did say. Say nothing.\n\nThey say.';
    const { tokens } = analyze(text);
    for (const weights of [exact, { ...exact, 'w-2=would': 0, 'w+1=that': 0.123456 }]) {
      const tiny: CueModel = { name: 't', description: '', trainedOn: '', threshold: 0.5, weights, stacked };
      const scores = scoreTokens(tiny, tokens, text);
      const reference = referenceScores(tiny, text);
      tokens.forEach((_, i) => expect(scores.explain(i), tokens[i].text).toEqual(reference.top[i]));
    }
  });

  it('parses a two-value name at each of its bars, so values may contain bars', () => {
    const symbols = new Symbols();
    const readings = parseFeatureName('w|w+1=|||', symbols).map(([, a, b]) => [symbols.values[a], symbols.values[b]]);
    expect(readings).toEqual([['', '||'], ['|', '|'], ['||', '']]);
    expect(parseFeatureName('no-such-template=x', symbols)).toEqual([]);
  });
});

describe('featureContext', () => {
  const sample = (): Article[] =>
    readFileSync(new URL('../../data/sample/articles.jsonl', import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

  it("gives each token the word and cue-word flag its lower-cased lemma gives (read by word id), for the text layer's docs and copies of them", () => {
    const cueWords = cueWordsOf(loadStances());
    const growing = new Symbols();
    let checked = 0;
    for (const doc of sample().map((a) => analyzeDoc(a))) {
      for (const tokens of [doc.tokens, structuredClone(doc.tokens)]) {
        // The model's frozen symbol table (as scoring uses it) and a growing one (as training does).
        const contexts = [scoreTokens(loadCueModel(), tokens, doc.article.text, cueWords).ctx, featureContext(tokens, doc.article.text, cueWords, growing)];
        for (const ctx of contexts) {
          tokens.forEach((t, i) => {
            const initial = i === ctx.sentenceStart[i] || (i > 0 && ctx.words[i - 1] === '<Q>');
            const lexical = t.pos !== 'PROPN' && cueWords.has(t.lemma.toLowerCase());
            if (ctx.words[i] !== wordOf(t, initial) || ctx.lexical[i] !== lexical) {
              expect({ token: t.text, word: ctx.words[i], lexical: ctx.lexical[i] }).toEqual({ token: t.text, word: wordOf(t, initial), lexical });
            }
            checked++;
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(50000);
  });
});
