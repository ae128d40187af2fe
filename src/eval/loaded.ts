/**
 * `framelens eval loaded`: scores the loaded-language analysis (analyses/loaded) on
 *   - PTC dev articles (hash split, see loaded-data.ts) for Loaded_Language + Name_Calling,Labeling:
 *     span-overlap P/R/F1 (a prediction is correct when it overlaps a gold span; a gold span is
 *     found when a prediction overlaps it) and the stricter character-level SemEval-2020 score,
 *     with the learned model and with lexicons alone;
 *   - BABE dev sentences: word-level P/R/F1 of flagged words against the annotators' biased words.
 * Predictions are the markers of SCORED_CATEGORIES (labels, euphemisms, intensifiers, learned)
 * that the model, phrase stage included, counts as loaded wording, merged where they overlap.
 */
import type { Evaluation, EvalResult } from './types.js';
import type { AnalyzedDoc } from '../text/types.js';
import { analyzeDoc } from '../text/analyze.js';
import { detectLoaded, type LoadedResources } from '../../analyses/loaded/detect.js';
import { compileLoadedLexicon, loadLoadedLexicons } from '../../analyses/loaded/lexicons.js';
import { loadModel } from '../../analyses/loaded/model.js';
import { lemmaOf } from '../../analyses/loaded/features.js';
import { SCORED_CATEGORIES, type LoadedDoc, type LoadedOptions } from '../../analyses/loaded/types.js';
import { charScores, mergeSpans, overlapScores, readBabe, readPtc, sumScores, type GoldSpan, type Prf } from './loaded-data.js';

/** Spans a loaded-language result predicts as loaded wording, merged where they overlap. */
export function predictedSpans(result: LoadedDoc): Array<{ start: number; end: number }> {
  return mergeSpans(result.markers.filter((m) => SCORED_CATEGORIES.includes(m.category) && m.learned !== false));
}

export interface LoadedScores {
  overlap: Prf;
  /** Character-level (SemEval-2020 Task 11 SI) precision, recall, F1. */
  strict: { precision: number; recall: number; f1: number };
}

/** Scores documents with gold spans (shared by this evaluation and the training script). */
export function scoreLoadedDocs(docs: ReadonlyArray<{ doc: AnalyzedDoc; gold: readonly GoldSpan[] }>, resources: LoadedResources, options: LoadedOptions = {}): LoadedScores {
  const parts: Prf[] = [];
  let pSum = 0;
  let rSum = 0;
  let nPred = 0;
  let nGold = 0;
  for (const { doc, gold } of docs) {
    const pred = predictedSpans(detectLoaded(doc, resources, options));
    parts.push(overlapScores(pred, gold));
    const c = charScores(pred, gold);
    pSum += c.precisionSum;
    rSum += c.recallSum;
    nPred += c.predicted;
    nGold += c.gold;
  }
  const precision = nPred ? pSum / nPred : 0;
  const recall = nGold ? rSum / nGold : 0;
  return { overlap: sumScores(parts), strict: { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 } };
}

/** Word-level P/R/F1 on BABE: flagged word tokens against the annotated biased words. */
function scoreBabe(dataDir: string, resources: LoadedResources, limit?: number) {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const s of readBabe(dataDir, { split: 'dev', limit })) {
    const doc = analyzeDoc({ id: s.id, outlet: 'BABE', title: '', text: s.text });
    const spans = predictedSpans(detectLoaded(doc, resources));
    const biased = new Set(s.biased.flatMap((w) => w.split(/\s+/)));
    for (const t of doc.tokens) {
      if (t.type !== 'word') continue;
      const isGold = biased.has(t.text.toLowerCase()) || biased.has(lemmaOf(t));
      const isPred = spans.some((p) => p.start < t.end && t.start < p.end);
      if (isGold) gold++;
      if (isPred) predicted++;
      if (isGold && isPred) tp++;
    }
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, predicted, gold };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export const loadedEval: Evaluation = {
  name: 'loaded',
  description: 'loaded language: PTC dev span P/R/F1 (Loaded_Language + Name_Calling,Labeling), BABE dev word-level P/R/F1',
  needs: ['ptc', 'babe-mbic'],
  async run({ dataDir, limit }): Promise<EvalResult> {
    const matcher = compileLoadedLexicon(loadLoadedLexicons());
    const model = loadModel();
    const ptc = readPtc(dataDir, { split: 'dev', limit }).map((p) => ({ doc: analyzeDoc(p.article), gold: p.gold }));
    const withModel = scoreLoadedDocs(ptc, { matcher, model });
    const lexiconOnly = scoreLoadedDocs(ptc, { matcher });
    const babe = scoreBabe(dataDir, { matcher, model }, limit);
    const row = (set: string, metric: string, s: { precision: number; recall: number; f1: number }, extra: Record<string, unknown> = {}) => ({
      set, metric, P: r3(s.precision), R: r3(s.recall), F1: r3(s.f1), ...extra,
    });
    return {
      name: 'loaded',
      rows: [
        row('ptc-dev', 'span overlap', withModel.overlap, { predicted: withModel.overlap.predicted, gold: withModel.overlap.gold }),
        row('ptc-dev', 'char-level (SemEval SI)', withModel.strict),
        row('ptc-dev lexicons only', 'span overlap', lexiconOnly.overlap, { predicted: lexiconOnly.overlap.predicted, gold: lexiconOnly.overlap.gold }),
        row('ptc-dev lexicons only', 'char-level (SemEval SI)', lexiconOnly.strict),
        row('babe-dev', 'word level', babe, { predicted: babe.predicted, gold: babe.gold }),
      ],
      metrics: {
        'ptc-dev.f1': withModel.overlap.f1,
        'ptc-dev.precision': withModel.overlap.precision,
        'ptc-dev.recall': withModel.overlap.recall,
        'ptc-dev.strict-f1': withModel.strict.f1,
        'babe-dev.f1': babe.f1,
      },
      // A little under the measured level: ptc-dev F1 0.414 (P 0.351 R 0.504), strict 0.322, BABE 0.269, after the
      // phrase model (phrase-scores.ts) took over precision from the decoder's seeds (was F1 0.390, P 0.328 R 0.482).
      floors: { 'ptc-dev.f1': 0.405, 'ptc-dev.strict-f1': 0.315, 'babe-dev.f1': 0.26 },
      notes: [
        `PTC: ${ptc.length} dev articles (a quarter of the shared PTC articles, chosen by a hash of the article id; the rest is train).`,
        'BABE: SG2 expert labels, dev = a quarter of the sentences by a hash of the text.',
        'Precision comes from the phrase model (analyses/loaded/phrase-scores.ts): the token model proposes phrases generously and a second logistic regression over whole-phrase and article features, fitted on out-of-fold phrases of the train articles, keeps the likely ones.',
      ],
    };
  },
};
