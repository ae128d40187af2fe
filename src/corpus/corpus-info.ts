/**
 * Corpus overview as flat rows `{group, key, articles, words, first, last}`: one `corpus` row,
 * then one row per outlet and per event. Flat so the same rows print as JSONL, JSON, CSV and a
 * table. Flow: Article[] → summarizeCorpus → `framelens info`, report overview.
 */
import type { Article } from './article.js';

export interface InfoRow {
  /** `corpus`, `outlet` or `event`. */
  group: 'corpus' | 'outlet' | 'event';
  /** `all` for the corpus row; the outlet or event id otherwise (`(none)` for articles without an event). */
  key: string;
  articles: number;
  /** Word count (letters/digits runs), a cheap stand-in for tokens. */
  words: number;
  /** Earliest / latest ISO date among the group's dated articles; empty when none is dated. */
  first: string;
  last: string;
}

export const NO_EVENT = '(none)';

export function summarizeCorpus(articles: Article[]): InfoRow[] {
  const corpus = newRow('corpus', 'all');
  const outlets = new Map<string, InfoRow>();
  const events = new Map<string, InfoRow>();
  for (const article of articles) {
    const words = countWords(article.text);
    const outlet = outlets.get(article.outlet) ?? outlets.set(article.outlet, newRow('outlet', article.outlet)).get(article.outlet)!;
    const eventKey = article.event ?? NO_EVENT;
    const event = events.get(eventKey) ?? events.set(eventKey, newRow('event', eventKey)).get(eventKey)!;
    for (const row of [corpus, outlet, event]) add(row, words, article.date);
  }
  // Events only mean something when the input had some.
  const eventRows = events.size === 1 && events.has(NO_EVENT) ? [] : byCount(events);
  return [corpus, ...byCount(outlets), ...eventRows];
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

const newRow = (group: InfoRow['group'], key: string): InfoRow => ({ group, key, articles: 0, words: 0, first: '', last: '' });

function add(row: InfoRow, words: number, date: string | undefined): void {
  row.articles++;
  row.words += words;
  if (!date) return;
  if (!row.first || date < row.first) row.first = date;
  if (!row.last || date > row.last) row.last = date;
}

function byCount(rows: Map<string, InfoRow>): InfoRow[] {
  return [...rows.values()].sort((a, b) => b.articles - a.articles || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
