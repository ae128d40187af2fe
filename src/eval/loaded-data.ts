/**
 * Readers and scores for the loaded-language evaluation and training (src/eval/loaded.ts,
 * scripts/train-loaded.mjs): PTC articles with their technique spans, BABE sentences with their
 * biased words, the deterministic train/dev document split, and span / word-level P/R/F1.
 * Reads ../shared/data in place; nothing of it is copied into the project.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../corpus/article.js';

/** PTC techniques scored as loaded language. */
export const PTC_TARGETS = ['Loaded_Language', 'Name_Calling,Labeling'];

export interface GoldSpan {
  start: number;
  end: number;
  technique: string;
}

export interface PtcDoc {
  id: string;
  split: Split;
  article: Article;
  /** Gold spans of the target techniques. */
  gold: GoldSpan[];
}

export type Split = 'train' | 'dev';

/** FNV-1a 32-bit hash, for deterministic splits. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The shared PTC folder holds one split only (278 articles), so documents are split by a hash
 * of their id: a quarter (hash mod 4 = 0) is dev, the rest train.
 */
export function splitOf(id: string): Split {
  return fnv1a(id) % 4 === 0 ? 'dev' : 'train';
}

/** Reads PTC articles (title line, blank line, one sentence per line) with their target-technique spans. */
export function readPtc(dataDir: string, options: { split?: Split; limit?: number } = {}): PtcDoc[] {
  const root = join(dataDir, 'ptc');
  const ids = readdirSync(join(root, 'articles'))
    .map((f) => /^article(\d+)\.txt$/.exec(f)?.[1])
    .filter((id): id is string => !!id)
    .sort();
  const docs: PtcDoc[] = [];
  for (const id of ids) {
    const split = splitOf(id);
    if (options.split && split !== options.split) continue;
    const text = readFileSync(join(root, 'articles', `article${id}.txt`), 'utf8');
    const labels = join(root, 'labels', `article${id}.task2-TC.labels`);
    const gold: GoldSpan[] = [];
    if (existsSync(labels)) {
      for (const line of readFileSync(labels, 'utf8').split('\n')) {
        const [, technique, s, e] = line.split('\t');
        if (!PTC_TARGETS.includes(technique)) continue;
        gold.push({ start: Number(s), end: Number(e), technique });
      }
    }
    const title = text.split('\n', 1)[0].trim();
    docs.push({ id, split, gold, article: { id: `ptc-${id}`, outlet: 'PTC', title, text } });
    if (options.limit && docs.length >= options.limit) break;
  }
  return docs;
}

export interface BabeSentence {
  id: string;
  split: Split;
  text: string;
  /** Lower-cased words the annotators marked as biased. */
  biased: string[];
}

/** Reads BABE (SG2, expert labels) sentences; split by a hash of the sentence text. */
export function readBabe(dataDir: string, options: { split?: Split; limit?: number } = {}): BabeSentence[] {
  const file = join(dataDir, 'babe-mbic', 'final_labels_SG2.csv');
  const rows = parseSemicolonCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const header = rows.shift() ?? [];
  const textCol = header.indexOf('text');
  const wordsCol = header.indexOf('biased_words');
  const out: BabeSentence[] = [];
  for (const row of rows) {
    const text = row[textCol];
    if (!text) continue;
    const id = `babe-${fnv1a(text).toString(16)}`;
    const split = splitOf(id);
    if (options.split && split !== options.split) continue;
    const biased = [...(row[wordsCol] ?? '').matchAll(/'((?:[^'\\]|\\.)*)'|"([^"]*)"/g)].map((m) => (m[1] ?? m[2]).toLowerCase());
    out.push({ id, split, text, biased });
    if (options.limit && out.length >= options.limit) break;
  }
  return out;
}

/** Minimal RFC 4180 parser with `;` separators (BABE's CSV). */
function parseSemicolonCsv(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  /** Predicted spans that overlap a gold span / all predicted. */
  tpPred: number;
  predicted: number;
  /** Gold spans overlapped by a prediction / all gold. */
  tpGold: number;
  gold: number;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/**
 * Span-overlap P/R/F1: a predicted span is correct when it overlaps any gold span (precision =
 * correct predictions / predictions); a gold span is found when some prediction overlaps it
 * (recall = found gold / gold). Overlapping predictions should be merged first (mergeSpans).
 */
export function overlapScores(pred: ReadonlyArray<{ start: number; end: number }>, gold: ReadonlyArray<{ start: number; end: number }>): Prf {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const tpPred = pred.filter((p) => gold.some((g) => overlaps(p, g))).length;
  const tpGold = gold.filter((g) => pred.some((p) => overlaps(p, g))).length;
  const precision = pred.length ? tpPred / pred.length : 0;
  const recall = gold.length ? tpGold / gold.length : 0;
  return { precision, recall, f1: f1(precision, recall), tpPred, predicted: pred.length, tpGold, gold: gold.length };
}

/** Sums several documents' overlap counts into one micro-averaged score. */
export function sumScores(parts: readonly Prf[]): Prf {
  const s = parts.reduce((a, b) => ({ tpPred: a.tpPred + b.tpPred, predicted: a.predicted + b.predicted, tpGold: a.tpGold + b.tpGold, gold: a.gold + b.gold }), { tpPred: 0, predicted: 0, tpGold: 0, gold: 0 });
  const precision = s.predicted ? s.tpPred / s.predicted : 0;
  const recall = s.gold ? s.tpGold / s.gold : 0;
  return { ...s, precision, recall, f1: f1(precision, recall) };
}

/**
 * The stricter, character-level score of SemEval-2020 Task 11 (span identification): each
 * prediction earns the share of its characters inside gold spans, each gold span the share of
 * its characters covered by predictions (gold spans merged where techniques overlap). Returns sums so documents can be micro-averaged.
 */
export function charScores(pred: ReadonlyArray<{ start: number; end: number }>, gold: ReadonlyArray<{ start: number; end: number }>) {
  const inter = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const goldU = mergeSpans(gold);
  const predU = mergeSpans(pred);
  let precisionSum = 0;
  for (const p of pred) precisionSum += goldU.reduce((s, g) => s + inter(p, g), 0) / Math.max(1, p.end - p.start);
  let recallSum = 0;
  for (const g of goldU) recallSum += predU.reduce((s, p) => s + inter(p, g), 0) / Math.max(1, g.end - g.start);
  return { precisionSum, recallSum, predicted: pred.length, gold: goldU.length };
}

/** Merges overlapping or touching spans. */
export function mergeSpans<T extends { start: number; end: number }>(spans: readonly T[]): Array<{ start: number; end: number }> {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
