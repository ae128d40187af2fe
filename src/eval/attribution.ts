/**
 * `framelens eval attribution`: cue, source and content spans on PolNeAR (../shared/data/polnear,
 * brat standoff). Reads each split's text + .ann, runs the text layer and the attribution
 * extractor, and scores:
 *   - cue P/R/F1 by overlap (a predicted cue counts when it shares a character with a gold cue;
 *     a gold cue is found when a predicted cue overlaps it) and by exact extent;
 *   - on matched cues (one-to-one, largest overlap first): source overlap and exact match, and
 *     content overlap, over gold attributions that have that role.
 * Train is for development (the cue model is trained on it); dev is reported and has floors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../corpus/article.js';
import { analyzeDoc } from '../text/analyze.js';
import { extractAttributions } from '../../analyses/attribution/extract.js';
import type { Attribution } from '../../analyses/attribution/types.js';
import type { EvalResult, Evaluation } from './types.js';

/** A character range; gold roles may be discontinuous (several fragments). */
export interface Fragment {
  start: number;
  end: number;
}

export interface GoldAttribution {
  cue: Fragment[];
  source: Fragment[] | null;
  content: Fragment[] | null;
}

export interface GoldDoc {
  id: string;
  text: string;
  attributions: GoldAttribution[];
}

/** Parses one brat .ann file into attributions (events of type Attribution / Attribution-no-source). */
export function parseBratAttributions(ann: string): GoldAttribution[] {
  const spans = new Map<string, Fragment[]>();
  const events: Array<Record<string, string>> = [];
  for (const line of ann.split('\n')) {
    const [id, middle] = line.split('\t');
    if (!id || !middle) continue;
    if (id.startsWith('T')) {
      const space = middle.indexOf(' ');
      const fragments = middle
        .slice(space + 1)
        .split(';')
        .map((pair) => pair.trim().split(' ').map(Number))
        .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e))
        .map(([start, end]) => ({ start, end }));
      spans.set(id, fragments);
    } else if (id.startsWith('E')) {
      const roles: Record<string, string> = {};
      for (const pair of middle.split(' ')) {
        const [role, ref] = pair.split(':');
        if (role && ref) roles[role] = ref;
      }
      events.push(roles);
    }
  }
  const out: GoldAttribution[] = [];
  for (const roles of events) {
    const cue = roles.Cue ? spans.get(roles.Cue) : undefined;
    if (!cue?.length) continue;
    out.push({
      cue,
      source: (roles.Source && spans.get(roles.Source)) || null,
      content: (roles.Content && spans.get(roles.Content)) || null,
    });
  }
  return out;
}

/**
 * Reads a PolNeAR split (`train`, `dev`): one document per text file, with the first
 * annotator's .ann when several annotated it. Sorted by file name; `limit` caps the count.
 */
export function readPolnear(dataDir: string, split: string, limit?: number): GoldDoc[] {
  const root = join(dataDir, 'polnear', split);
  const annFiles = readdirSync(join(root, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const byText = new Map<string, string>();
  for (const file of annFiles) {
    const id = file.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!byText.has(id)) byText.set(id, file);
  }
  const docs: GoldDoc[] = [];
  for (const [id, file] of [...byText].sort((a, b) => a[0].localeCompare(b[0]))) {
    const textFile = join(root, 'text', `${id}.txt`);
    if (!existsSync(textFile)) continue;
    docs.push({
      id,
      text: readFileSync(textFile, 'utf8'),
      attributions: parseBratAttributions(readFileSync(join(root, 'attributions', file), 'utf8')),
    });
    if (limit !== undefined && docs.length >= limit) break;
  }
  return docs;
}

/** PolNeAR documents as Articles (outlet = publisher code in the file name). */
export function polnearArticle(doc: GoldDoc): Article {
  return { id: doc.id, outlet: doc.id.split('_')[0], title: '', text: doc.text };
}

const overlaps = (a: Fragment[], b: Fragment[]) =>
  a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
const overlapSize = (a: Fragment[], b: Fragment[]) =>
  a.reduce((sum, x) => sum + b.reduce((s, y) => s + Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start)), 0), 0);
const extent = (f: Fragment[]) => ({ start: Math.min(...f.map((x) => x.start)), end: Math.max(...f.map((x) => x.end)) });
const sameExtent = (a: Fragment[], b: Fragment[]) => {
  const x = extent(a);
  const y = extent(b);
  return x.start === y.start && x.end === y.end;
};

/** Running counts of one evaluation. */
export interface AttributionCounts {
  predicted: number;
  gold: number;
  predictedMatched: number;
  goldMatched: number;
  predictedExact: number;
  goldExact: number;
  pairsWithSource: number;
  sourceOverlap: number;
  sourceExact: number;
  pairsWithContent: number;
  contentOverlap: number;
  /** Lower-cased cue text → count, for confusion tables. */
  missed: Map<string, number>;
  spurious: Map<string, number>;
  /** Matched cues whose source did not overlap: "predicted source ← gold source kind". */
  sourceMisses: Map<string, number>;
}

export function emptyCounts(): AttributionCounts {
  return {
    predicted: 0, gold: 0, predictedMatched: 0, goldMatched: 0, predictedExact: 0, goldExact: 0,
    pairsWithSource: 0, sourceOverlap: 0, sourceExact: 0, pairsWithContent: 0, contentOverlap: 0,
    missed: new Map(), spurious: new Map(), sourceMisses: new Map(),
  };
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const textOf = (text: string, f: Fragment[]) => f.map((x) => text.slice(x.start, x.end)).join(' … ').toLowerCase().replace(/\s+/g, ' ').trim();

/** Adds one document's predictions to the counts. Predicted cues with identical spans count once. */
export function scoreDocument(counts: AttributionCounts, doc: GoldDoc, predicted: Array<Pick<Attribution, 'cue' | 'source' | 'content'>>): void {
  const seen = new Set<string>();
  const preds = predicted.filter((a) => {
    const key = `${a.cue.start}:${a.cue.end}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const gold = doc.attributions;
  counts.predicted += preds.length;
  counts.gold += gold.length;
  const predCue = preds.map((a) => [{ start: a.cue.start, end: a.cue.end }]);
  for (const [i, p] of predCue.entries()) {
    if (gold.some((g) => overlaps(p, g.cue))) counts.predictedMatched++;
    else bump(counts.spurious, textOf(doc.text, p));
    if (gold.some((g) => sameExtent(p, g.cue))) counts.predictedExact++;
    void i;
  }
  for (const g of gold) {
    if (predCue.some((p) => overlaps(p, g.cue))) counts.goldMatched++;
    else bump(counts.missed, textOf(doc.text, g.cue));
    if (predCue.some((p) => sameExtent(p, g.cue))) counts.goldExact++;
  }
  // One-to-one pairs, largest overlap first, for the role scores.
  const pairs: Array<[number, number, number]> = [];
  for (const [gi, g] of gold.entries()) {
    for (const [pi, p] of predCue.entries()) {
      const size = overlapSize(p, g.cue);
      if (size > 0) pairs.push([size, gi, pi]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  for (const [, gi, pi] of pairs) {
    if (usedG.has(gi) || usedP.has(pi)) continue;
    usedG.add(gi);
    usedP.add(pi);
    const g = gold[gi];
    const p = preds[pi];
    if (g.source) {
      counts.pairsWithSource++;
      const ps = p.source ? [{ start: p.source.start, end: p.source.end }] : null;
      if (ps && overlaps(ps, g.source)) counts.sourceOverlap++;
      else bump(counts.sourceMisses, `${p.source ? 'wrong' : 'none'} ← ${/^(he|she|they|it|i|we|you|who|which|that)$/i.test(textOf(doc.text, g.source)) ? 'pronoun' : 'noun phrase'}${extent(g.source).start > extent(g.cue).start ? ' after cue' : ''}`);
      if (ps && sameExtent(ps, g.source)) counts.sourceExact++;
    }
    if (g.content) {
      counts.pairsWithContent++;
      if (p.content && overlaps([{ start: p.content.start, end: p.content.end }], g.content)) counts.contentOverlap++;
    }
  }
}

const ratio = (a: number, b: number) => (b ? a / b : 0);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Headline metrics of a count set. */
export function metricsOf(c: AttributionCounts) {
  const p = ratio(c.predictedMatched, c.predicted);
  const r = ratio(c.goldMatched, c.gold);
  const pe = ratio(c.predictedExact, c.predicted);
  const re = ratio(c.goldExact, c.gold);
  return {
    cueP: round(p), cueR: round(r), cueF1: round(f1(p, r)),
    cueExactF1: round(f1(pe, re)),
    sourceOverlap: round(ratio(c.sourceOverlap, c.pairsWithSource)),
    sourceExact: round(ratio(c.sourceExact, c.pairsWithSource)),
    contentOverlap: round(ratio(c.contentOverlap, c.pairsWithContent)),
  };
}

const top = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([k, v]) => `${k} ×${v}`).join(', ');

/** Scores one split; returns counts and timing. */
export function evaluateSplit(dataDir: string, split: string, limit?: number) {
  const docs = readPolnear(dataDir, split, limit);
  const counts = emptyCounts();
  let analyzeMs = 0;
  let extractMs = 0;
  let tokens = 0;
  for (const doc of docs) {
    const t0 = performance.now();
    const analyzed = analyzeDoc(polnearArticle(doc));
    const t1 = performance.now();
    const predicted = extractAttributions(analyzed);
    extractMs += performance.now() - t1;
    analyzeMs += t1 - t0;
    tokens += analyzed.tokens.length;
    scoreDocument(counts, doc, predicted);
  }
  return { docs: docs.length, tokens, counts, analyzeMs, extractMs };
}

export const attributionEval: Evaluation = {
  name: 'attribution',
  description: 'attribution cues (overlap / exact), sources and contents on PolNeAR',
  needs: ['polnear'],
  async run({ dataDir, limit }): Promise<EvalResult> {
    const rows: Record<string, unknown>[] = [];
    const metrics: Record<string, number> = {};
    const notes: string[] = [];
    for (const split of ['train', 'dev']) {
      const result = evaluateSplit(dataDir, split, limit);
      const m = metricsOf(result.counts);
      rows.push({ split, docs: result.docs, gold: result.counts.gold, predicted: result.counts.predicted, ...m });
      for (const [k, v] of Object.entries(m)) metrics[`${split}.${k}`] = v;
      if (split === 'dev') {
        notes.push(`dev missed cues: ${top(result.counts.missed, 15)}`);
        notes.push(`dev spurious cues: ${top(result.counts.spurious, 15)}`);
        notes.push(`dev source misses on matched cues: ${top(result.counts.sourceMisses, 6)}`);
      }
      const perSecond = (ms: number) => Math.round(result.tokens / (ms / 1000));
      notes.push(`${split}: ${result.tokens} tokens; text layer ${perSecond(result.analyzeMs)} tokens/s, extraction ${perSecond(result.extractMs)} tokens/s`);
    }
    return {
      name: 'attribution',
      rows,
      metrics,
      // A little under the levels reached (dev cue F1 0.801, source overlap 0.910, content
      // overlap 0.922), so CI catches drops; the cue floor is the target, 0.80.
      floors: { 'dev.cueF1': 0.8, 'dev.sourceOverlap': 0.91, 'dev.contentOverlap': 0.92 },
      notes,
    };
  },
};
