/**
 * `framelens eval events`: B³ precision / recall / F1 of event grouping with DEFAULT settings on
 *   - ECB+ (ecbplus/docs.jsonl): all 982 documents grouped at once, scored against the topic
 *     (43 groups) and the subtopic (seminal event, two per topic) labels;
 *   - AllSides roundups (allsides-neus/headline_…_crawled_all.jsonl): each story's left / center /
 *     right leads form one event. Each lead is an article as a user corpus would hold it: outlet
 *     (`newsSource`), headline (`newsTitle`), text (`newBody`, the lead paragraphs) and date —
 *     never the roundup id, issue title or roundup summary;
 *   - `allsides-dated`: the same leads restricted to those whose link carries a date (38%), so
 *     every date is the article's own — the check that the date rules do not feed on the roundup
 *     date the other leads fall back to (see articleDate);
 *   - the `test` split of the NeuS probe files (no dates; its `val` split was a development slice
 *     for the thresholds, see analyses/events/cluster.ts). Its leads come in random order with
 *     no outlet names, so they are scored without outlets: a position label per story would
 *     tell the grouping that two leads of one story never share an "outlet".
 * The two AllSides sets are scored a second time (`-daylevel`) with DAY_LEVEL_EVENTS, the
 * options for corpora where each day's coverage of a story is its own event.
 * Dates: ECB+ and the NeuS probe files have none (content only).
 */
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Article } from '../corpus/article.js';
import { bcubed, type BCubed } from '../../analyses/events/bcubed.js';
import { groupEvents } from '../../analyses/events/compute.js';
import { computeSimilarity } from '../../analyses/similarity/compute.js';
import { DAY_LEVEL_EVENTS, GROUPING_DEFAULTS, type EventsOptions } from '../../analyses/events/types.js';
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
 * roundup's date. Roundups collect the coverage of the day: of the dated links, 67% carry the
 * roundup's day and 22% the day before, so the fallback is close to a real publication date, but
 * it gives every undated lead of one roundup the very same day, which real dates would not
 * always do. `allsides-dated` scores the leads with their own dates only.
 */
function articleDate(news: RoundupSide, row: Record<string, unknown>): { date?: string; source: 'link' | 'roundup' } {
  const m = /\/(20\d\d)[/-](\d\d)[/-](\d\d)\//.exec(news.newsLink ?? '');
  if (m) return { date: `${m[1]}-${m[2]}-${m[3]}`, source: 'link' };
  return { date: typeof row.date === 'string' ? row.date.slice(0, 10) : undefined, source: 'roundup' };
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
      const { date, source } = articleDate(news, row);
      items.push({
        article: { id: `${row.id}-${side}`, outlet: news.newsSource ?? side, title: news.newsTitle ?? '', text, date, meta: { dateSource: source } },
        gold: { story: String(row.id) },
      });
    }
  }
  return { name: 'allsides', items, levels: ['story'] };
}

/** The leads of an AllSides set whose date comes from their own link (see articleDate). */
export function datedLeads(set: GoldSet): GoldSet {
  return { ...set, name: `${set.name}-dated`, items: set.items.filter((i) => i.article.meta?.dateSource === 'link') };
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
        // No outlet: the position in the shuffled line is not one (see the file header).
        article: { id: `${split}-${story}-${k}`, outlet: '', title: m[1], text: m[2].trim() },
        gold: { story: String(story) },
      });
    });
  });
  return { name: `allsides-${split}`, items, levels: ['story'] };
}

/** B³ with the number of gold groups and of groups found. */
type Scored = BCubed & { gold: number; predicted: number };

/** Groups a gold set with the given options and scores every level. */
export function scoreGoldSet(set: GoldSet, termsOf: (a: Article) => DocTerms, options: EventsOptions = {}) {
  const result = groupEvents(
    set.items.map(({ article }) => ({
      id: article.id,
      terms: termsOf(article),
      outlet: article.outlet || undefined,
      title: article.title,
      date: article.date,
    })),
    options,
  );
  const predicted = new Map(Object.entries(result.grouped));
  const scores: Record<string, Scored> = {};
  for (const level of set.levels) {
    const gold = new Map(set.items.map((i) => [i.article.id, i.gold[level]]));
    scores[level] = { ...bcubed(predicted, gold), gold: new Set(gold.values()).size, predicted: new Set(predicted.values()).size };
  }
  return scores;
}

/**
 * The best B³ any grouping could reach that joins two articles only through candidate pairs
 * (analyses/similarity/candidates.ts) whose raw cosine is at least `minCosine` and whose dates,
 * when both known, lie within the default date window: each gold group is cut into the pieces
 * such pairs connect (single link, so a generous bound), and nothing else is joined. It tells
 * how much of a set's gap to 1 the words of the articles can close at all: on the AllSides crawl
 * a story's leads share so little vocabulary that the bound at cosine 0.1 is under 0.95, while
 * candidate pairs between 0.1 and 0.15 are as often different stories as the same one.
 */
export function lexicalCeiling(set: GoldSet, termsOf: (a: Article) => DocTerms, minCosine: number, level = set.levels[0]): Scored {
  const byId = new Map(set.items.map((i) => [i.article.id, i]));
  const c = computeSimilarity([...byId.keys()], (id) => termsOf(byId.get(id)!.article), {}, (id) => byId.get(id)!.article.outlet || undefined);
  const item = c.ids.map((id) => byId.get(id)!);
  const parent = item.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const windowMs = GROUPING_DEFAULTS.dateWindowDays * 86_400_000;
  for (const { i, j, score } of c.indexPairs) {
    if (score < minCosine || item[i].gold[level] !== item[j].gold[level]) continue;
    const gap = Math.abs(Date.parse(item[i].article.date ?? '') - Date.parse(item[j].article.date ?? ''));
    if (gap > windowMs) continue; // NaN (a date unknown) passes
    parent[find(i)] = find(j);
  }
  const predicted = new Map(item.map((x, k) => [x.article.id, String(find(k))]));
  const gold = new Map(item.map((x) => [x.article.id, x.gold[level]]));
  return { ...bcubed(predicted, gold), gold: new Set(gold.values()).size, predicted: new Set(predicted.values()).size };
}

/**
 * A little under the levels reached with the defaults (allsides 0.885, allsides-dated 0.938,
 * allsides-test 0.834, ecbplus subtopic 0.908, topic 0.734) and with the day-level options
 * (allsides-daylevel 0.904, allsides-dated-daylevel 0.945), so CI catches drops. Before the
 * bridge threshold (groups with no common day merge only on a link ≥ 0.3, analyses/events/
 * cluster.ts) the two AllSides defaults gave 0.882 and 0.931. Before the neighbour smoothing
 * (analyses/events/smooth.ts) the defaults gave 0.869, 0.931, 0.826, 0.893, 0.758: topics fall
 * because smoothing splits ECB+ into events more cleanly (subtopics are the event level). The
 * issue's targets (0.95 AllSides, 0.85 ECB+ subtopic) are met for ECB+ only;
 * analyses/events/cluster.ts ("What limits the defaults") gives the error analysis. In short:
 * over half of the wrong joins are consecutive-day roundups on one running story, which the
 * sample corpus's two-day events forbid separating by date (its weakest join of two days links
 * at 0.321, as weakly as many wrong ones); the leads that end up alone share
 * less with their own story (raw cosine median 0.078) than wrongly joined leads share (0.16).
 * Reaching 0.95 needs evidence the words of a lead do not carry (its lexical ceiling at cosine 0.1
 * is 0.942, see lexicalCeiling); static word embeddings and a sentence encoder were tried and do
 * not supply it (cluster.ts, after "What limits the defaults").
 */
const FLOORS: Record<string, number> = {
  'allsides.f1': 0.87,
  'allsides-daylevel.f1': 0.89,
  'allsides-dated.f1': 0.92,
  'allsides-dated-daylevel.f1': 0.93,
  'allsides-test.f1': 0.815,
  'ecbplus-subtopic.f1': 0.89,
  'ecbplus-topic.f1': 0.71,
};

/** Raw cosine of the ceiling rows: the floor under which smoothing lets no neighbour in (smooth.ts). */
const CEILING_COSINE = GROUPING_DEFAULTS.smoothMinScore;

async function run(options: EvalOptions): Promise<EvalResult> {
  const { analyzeDoc } = await import('../text/analyze.js');
  const allsides = await loadAllSides(options.dataDir, options.limit);
  const sets = [
    allsides,
    datedLeads(allsides),
    ...(existsSync(join(options.dataDir, 'allsides-neus', 'naacl2022_lrc_roundup_random_order_probe'))
      ? [loadAllSidesProbe(options.dataDir, 'test', options.limit)]
      : []),
    await loadEcbPlus(options.dataDir, options.limit),
  ];
  const rows: Record<string, unknown>[] = [];
  const metrics: Record<string, number> = {};
  const record = (set: GoldSet, name: string, scores: Record<string, Scored>, seconds: number) => {
    for (const [level, s] of Object.entries(scores)) {
      metrics[`${set.levels.length > 1 ? `${name}-${level}` : name}.f1`] = s.f1;
      rows.push({
        data: name,
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
  };
  for (const set of sets) {
    const outlets = [...new Set(set.items.map((i) => i.article.outlet).filter(Boolean))];
    const terms = new Map<string, DocTerms>();
    const termsOf = (a: Article) => terms.get(a.id) ?? terms.set(a.id, docTerms(analyzeDoc(a, { outlets }))).get(a.id)!;
    // The AllSides leads are also scored with the day-level options (see DAY_LEVEL_EVENTS).
    const variants: Array<[string, EventsOptions]> = [[set.name, {}]];
    if (set.name.startsWith('allsides') && set.items.some((i) => i.article.date)) variants.push([`${set.name}-daylevel`, DAY_LEVEL_EVENTS]);
    for (const [name, eventOptions] of variants) {
      const started = Date.now();
      const scores = scoreGoldSet(set, termsOf, eventOptions);
      record(set, name, scores, (Date.now() - started) / 1000);
    }
    const started = Date.now();
    const ceilings = Object.fromEntries(set.levels.map((level) => [level, lexicalCeiling(set, termsOf, CEILING_COSINE, level)]));
    record(set, `${set.name}-ceiling`, ceilings, (Date.now() - started) / 1000);
  }
  return {
    name: 'events',
    rows,
    metrics,
    floors: options.limit ? {} : FLOORS,
    notes: [
      'B³ over all articles of each data set, grouped at once with default settings; articles carry outlet, headline, text and date',
      '(AllSides: link date, else roundup date; allsides-dated: link dates only; NeuS test and ECB+: no dates, no outlets for NeuS).',
      `*-ceiling: the best B³ a grouping could reach joining only candidate pairs with raw cosine ≥ ${CEILING_COSINE} within ${GROUPING_DEFAULTS.dateWindowDays} days (lexicalCeiling).`,
      '*-daylevel: the same leads with the day-level options (DAY_LEVEL_EVENTS: no one-day date slack and no bridge threshold, lone leads attached).',
    ],
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
