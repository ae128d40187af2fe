/**
 * `framelens eval events`: B³ precision / recall / F1 of event grouping with DEFAULT settings on
 *   - ECB+ (ecbplus/docs.jsonl): all 982 documents grouped at once, scored against the topic
 *     (43 groups) and the subtopic (seminal event, two per topic) labels;
 *   - AllSides roundups (allsides-neus/headline_…_crawled_all.jsonl): each story's left / center /
 *     right leads form one event; the `test` split of the NeuS probe files is scored too (its
 *     `val` split was the development slice for the thresholds, see analyses/events/cluster.ts).
 * Dates: ECB+ and the NeuS probe files have none (content only); AllSides leads are dated by
 * their link when it holds a date, else by the roundup date (see articleDate).
 */
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Article } from '../corpus/article.js';
import { bcubed, type BCubed } from '../../analyses/events/bcubed.js';
import { groupEvents } from '../../analyses/events/compute.js';
import { docTerms } from '../../analyses/similarity/features.js';
import type { DocTerms } from '../../analyses/similarity/types.js';
import type { Evaluation, EvalOptions, EvalResult } from './types.js';

/** An article with its gold group per level (`topic`, `subtopic`, `story`). */
export interface GoldArticle {
  article: Article;
  gold: Record<string, string>;
}

export interface GoldSet {
  name: string;
  items: GoldArticle[];
  /** Levels to score, each a key of `gold`. */
  levels: string[];
}

async function readJsonl(file: string, limit?: number): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    out.push(JSON.parse(line) as Record<string, unknown>);
    if (limit !== undefined && out.length >= limit) break;
  }
  return out;
}

/** ECB+ documents with topic and subtopic gold ids; ECB+ texts carry their headline in the body. */
export async function loadEcbPlus(dataDir: string, limit?: number): Promise<GoldSet> {
  const rows = await readJsonl(join(dataDir, 'ecbplus', 'docs.jsonl'), limit);
  const items = rows.map((r) => ({
    article: { id: String(r.doc), outlet: 'ecbplus', title: '', text: String(r.text) },
    gold: { topic: String(r.topic), subtopic: String(r.subtopic) },
  }));
  return { name: 'ecbplus', items, levels: ['topic', 'subtopic'] };
}

interface RoundupSide {
  newsSource?: string;
  newsLink?: string;
  newsTitle?: string;
  newBody?: string[];
}

/**
 * An AllSides lead's date: the date in its link (`/2021/10/18/`) when there is one, else the
 * roundup's date (roundups collect the coverage of the day; dated links are 0–2 days earlier).
 */
function articleDate(news: RoundupSide, row: Record<string, unknown>): string | undefined {
  const m = /\/(20\d\d)[/-](\d\d)[/-](\d\d)\//.exec(news.newsLink ?? '');
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return typeof row.date === 'string' ? row.date.slice(0, 10) : undefined;
}

/** AllSides roundups: one article per side (left/center/right) with a body, gold = story id. */
export async function loadAllSides(dataDir: string, limit?: number): Promise<GoldSet> {
  const folder = join(dataDir, 'allsides-neus');
  const file = readdirSync(folder).find((f) => /crawled.*\.jsonl$/.test(f));
  if (!file) throw new Error(`framelens: no crawled roundup file in ${folder}`);
  const rows = await readJsonl(join(folder, file), limit);
  const items: GoldArticle[] = [];
  for (const row of rows) {
    for (const [side, news] of Object.entries((row.news ?? {}) as Record<string, RoundupSide>)) {
      const text = (news.newBody ?? []).join('\n\n').trim();
      if (!text) continue;
      items.push({
        article: { id: `${row.id}-${side}`, outlet: news.newsSource ?? side, title: news.newsTitle ?? '', text, date: articleDate(news, row) },
        gold: { story: String(row.id) },
      });
    }
  }
  return { name: 'allsides', items, levels: ['story'] };
}

/** A NeuS probe split (`val`, `test`): one line per story, `TITLE=> … ARTICLE=> …` leads joined by ` [SEP] `. */
export function loadAllSidesProbe(dataDir: string, split: string, limit?: number): GoldSet {
  const file = join(dataDir, 'allsides-neus', 'naacl2022_lrc_roundup_random_order_probe', `${split}.source`);
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const items: GoldArticle[] = [];
  lines.slice(0, limit).forEach((line, story) => {
    line.split(' [SEP] ').forEach((part, k) => {
      const m = /^\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*([\s\S]*)$/.exec(part);
      if (!m || !m[2].trim()) return;
      items.push({
        article: { id: `${split}-${story}-${k}`, outlet: `side-${k}`, title: m[1], text: m[2].trim() },
        gold: { story: String(story) },
      });
    });
  });
  return { name: `allsides-${split}`, items, levels: ['story'] };
}

/** Groups a gold set with the given options and scores every level. */
export function scoreGoldSet(set: GoldSet, termsOf: (a: Article) => DocTerms, options = {}) {
  const result = groupEvents(
    set.items.map(({ article }) => ({
      id: article.id,
      terms: termsOf(article),
      outlet: article.outlet,
      title: article.title,
      date: article.date,
    })),
    options,
  );
  const predicted = new Map(Object.entries(result.grouped));
  const scores: Record<string, BCubed & { gold: number; predicted: number }> = {};
  for (const level of set.levels) {
    const gold = new Map(set.items.map((i) => [i.article.id, i.gold[level]]));
    scores[level] = { ...bcubed(predicted, gold), gold: new Set(gold.values()).size, predicted: new Set(predicted.values()).size };
  }
  return scores;
}

/**
 * A little under the levels reached (allsides 0.850, allsides-test 0.781, ecbplus subtopic 0.894,
 * topic 0.759), so CI catches drops. The targets (0.95 AllSides, 0.85 ECB+ subtopic) are
 * met for ECB+ only: many AllSides roundups are follow-ups of the same story days apart, which a
 * lexical representation cannot tell apart (a lead's nearest other lead within 1–3 days is from its own story for
 * only 82–87% of leads, a ceiling for any threshold).
 */
const FLOORS: Record<string, number> = {
  'allsides.f1': 0.82,
  'allsides-test.f1': 0.75,
  'ecbplus-subtopic.f1': 0.86,
  'ecbplus-topic.f1': 0.73,
};

async function run(options: EvalOptions): Promise<EvalResult> {
  const { analyzeDoc } = await import('../text/analyze.js');
  const sets = [
    await loadAllSides(options.dataDir, options.limit),
    ...(existsSync(join(options.dataDir, 'allsides-neus', 'naacl2022_lrc_roundup_random_order_probe'))
      ? [loadAllSidesProbe(options.dataDir, 'test', options.limit)]
      : []),
    await loadEcbPlus(options.dataDir, options.limit),
  ];
  const rows: Record<string, unknown>[] = [];
  const metrics: Record<string, number> = {};
  for (const set of sets) {
    const outlets = [...new Set(set.items.map((i) => i.article.outlet))];
    const started = Date.now();
    const scores = scoreGoldSet(set, (a) => docTerms(analyzeDoc(a, { outlets })));
    const seconds = (Date.now() - started) / 1000;
    for (const [level, s] of Object.entries(scores)) {
      const key = set.levels.length > 1 ? `${set.name}-${level}` : set.name;
      metrics[`${key}.f1`] = s.f1;
      rows.push({
        data: set.name,
        level,
        docs: s.items,
        gold: s.gold,
        found: s.predicted,
        precision: round3(s.precision),
        recall: round3(s.recall),
        f1: round3(s.f1),
        seconds: Math.round(seconds * 10) / 10,
      });
    }
  }
  return {
    name: 'events',
    rows,
    metrics,
    floors: options.limit ? {} : FLOORS,
    notes: ['B³ over all articles of each data set, grouped at once with default settings and no dates.'],
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export const eventsEval: Evaluation = {
  name: 'events',
  description: 'event grouping B³ on AllSides roundups and ECB+ (topic, subtopic)',
  needs: ['allsides-neus', 'ecbplus'],
  run,
};
