/**
 * CorpusIndex: the article metadata every summary is broken down by (outlet, event, date),
 * with stable orders so colours and columns match across every chart and page.
 */
import type { Article } from '../corpus/article.js';
import type { CorpusIndex, DocMeta } from '../../analyses/types.js';

export function buildCorpusIndex(articles: Article[], words: Map<string, number>): CorpusIndex {
  const docs: DocMeta[] = articles.map((a) => ({
    id: a.id,
    outlet: a.outlet,
    title: a.title,
    date: a.date,
    url: a.url,
    event: a.event,
    eventGiven: a.event !== undefined && a.event !== '',
    words: words.get(a.id) ?? 0,
  }));
  const index: CorpusIndex = {
    docs,
    byId: new Map(docs.map((d) => [d.id, d])),
    outlets: rankKeys(docs.map((d) => d.outlet)),
    events: [],
    eventLabels: new Map(),
  };
  refreshEvents(index);
  return index;
}

/** Recomputes the event order after events were assigned. */
export function refreshEvents(index: CorpusIndex): void {
  index.events = rankKeys(index.docs.map((d) => d.event).filter((e): e is string => !!e));
}

/** Distinct keys, most frequent first, ties by name: a stable order for any corpus. */
export function rankKeys(keys: string[]): string[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
}
