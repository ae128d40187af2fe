/**
 * summarize of the loaded-language analysis: per outlet and per event × outlet, marker counts
 * and rates per 1,000 words by category (quotes by class), the share of each category inside
 * quoted speech, the most frequent items, and examples with their sentences. Reads only the
 * perDoc results (never article text), so summaries of parts of a corpus can be recomputed
 * from cached perDoc results.
 */
import { detailedEvents, type CorpusIndex } from '../types.js';
import { LEXICON_CATEGORIES, QUOTE_CLASSES, type GroupStats, type LoadedDoc, type LoadedExample, type LoadedMarker, type LoadedOptions, type LoadedSummary } from './types.js';

/** Category keys in display order: lexicon categories, learned, then one key per quote class. */
export const SUMMARY_KEYS = [...LEXICON_CATEGORIES, 'loaded', ...QUOTE_CLASSES.map((c) => `quote:${c}`)];

/** The summary key a marker counts under. */
export function markerKey(m: Pick<LoadedMarker, 'category' | 'subcategory'>): string {
  return m.category === 'quote' ? `quote:${m.subcategory}` : m.category;
}

const TOP_ITEMS = 10;

class GroupCounter {
  docs = 0;
  words = 0;
  counts: Record<string, number> = {};
  quoted: Record<string, number> = {};
  items: Record<string, Map<string, number>> = {};

  add(doc: LoadedDoc): void {
    this.docs++;
    this.words += doc.words;
    for (const m of doc.markers) {
      const key = markerKey(m);
      this.counts[key] = (this.counts[key] ?? 0) + 1;
      if (m.voice === 'quoted' && m.category !== 'quote') this.quoted[key] = (this.quoted[key] ?? 0) + 1;
      if (m.category === 'quote' && m.subcategory !== 'scare') continue;
      const items = (this.items[key] ??= new Map());
      items.set(m.key, (items.get(m.key) ?? 0) + 1);
    }
  }

  stats(): GroupStats {
    const rates: Record<string, number> = {};
    const counts: Record<string, number> = {};
    const quoted: Record<string, number> = {};
    for (const key of SUMMARY_KEYS) {
      counts[key] = this.counts[key] ?? 0;
      quoted[key] = this.quoted[key] ?? 0;
      rates[key] = this.words ? round((1000 * counts[key]) / this.words) : 0;
    }
    const top: GroupStats['top'] = {};
    for (const [key, items] of Object.entries(this.items)) {
      top[key] = [...items].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_ITEMS);
    }
    return { docs: this.docs, words: this.words, counts, rates, quoted, top };
  }
}

/** Aggregates perDoc results per outlet and per event × outlet, with examples. */
export function summarizeLoaded(perDoc: ReadonlyMap<string, LoadedDoc>, corpus: CorpusIndex, options: LoadedOptions = {}): LoadedSummary {
  const perGroup = options.examplesPerGroup ?? 5;
  const byOutlet = new Map<string, GroupCounter>();
  const byEvent = new Map<string, Map<string, GroupCounter>>();
  // Per event × outlet × marker kind, the `perGroup` most confident markers (a learned marker's
  // score is its probability, every other marker's 1), earliest first among equals: the report
  // shows the first of each, and "normal level" at p=0.18 made a poor first example.
  const slots = new Map<string, Array<{ score: number; example: LoadedExample }>>();
  const detailed = detailedEvents(corpus);
  for (const meta of corpus.docs) {
    const doc = perDoc.get(meta.id);
    if (!doc) continue;
    counterOf(byOutlet, meta.outlet).add(doc);
    // Per-event detail for the largest events only (DETAILED_EVENTS); the others count per outlet.
    const event = meta.event && detailed.has(meta.event) ? meta.event : undefined;
    if (event) {
      const outlets = byEvent.get(event) ?? new Map<string, GroupCounter>();
      byEvent.set(event, outlets);
      counterOf(outlets, meta.outlet).add(doc);
    }
    for (const m of doc.markers) {
      if (m.category === 'quote' && m.subcategory !== 'scare' && m.subcategory !== 'partial') continue;
      const key = `${event ?? ''}\u0000${meta.outlet}\u0000${markerKey(m)}`;
      const slot = slots.get(key) ?? slots.set(key, []).get(key)!;
      if (slot.length >= perGroup && slot[slot.length - 1].score >= m.score) continue;
      const example: LoadedExample = {
        doc: meta.id, outlet: meta.outlet, ...(meta.event ? { event: meta.event } : {}),
        start: m.start, end: m.end, text: m.text, category: m.category,
        ...(m.subcategory ? { subcategory: m.subcategory } : {}), ...(m.quoteClass ? { quoteClass: m.quoteClass } : {}),
        voice: m.voice, reason: m.reason, sentence: doc.sentences[m.sentence],
      };
      // Kept best first; a later marker goes after every one scored at least as high.
      let at = slot.length;
      while (at > 0 && slot[at - 1].score < m.score) at--;
      slot.splice(at, 0, { score: m.score, example });
      if (slot.length > perGroup) slot.pop();
    }
  }
  const examples = [...slots.values()].flatMap((slot) => slot.map((s) => s.example));
  const outlets = corpus.outlets.filter((o) => byOutlet.has(o));
  const toRecord = (counters: Map<string, GroupCounter>) => Object.fromEntries([...counters].map(([k, c]) => [k, c.stats()]));
  return {
    keys: SUMMARY_KEYS,
    outlets,
    byOutlet: toRecord(byOutlet),
    byEvent: Object.fromEntries([...byEvent].map(([event, counters]) => [event, toRecord(counters)])),
    examples,
  };
}

function counterOf(map: Map<string, GroupCounter>, key: string): GroupCounter {
  let counter = map.get(key);
  if (!counter) map.set(key, (counter = new GroupCounter()));
  return counter;
}

const round = (x: number) => Math.round(x * 100) / 100;
