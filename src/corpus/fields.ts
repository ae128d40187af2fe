/**
 * Column names → Article fields. Structured inputs (JSONL, JSON, CSV/TSV, front matter) name
 * their fields in many ways; a built-in alias list covers common exports (Media Cloud, NewsAPI,
 * GDELT-style dumps, scraped datasets) and `--map field=column` covers the rest.
 * Flow: reader (RawRecord.fields) → mapFields → validate.
 */
import type { ArticleField } from './types.js';

/**
 * Accepted column names per field, most specific first. Matching ignores case and any
 * non-alphanumeric character, so `publish_date`, `publishDate` and `Publish Date` are one name.
 */
export const FIELD_ALIASES: Record<ArticleField, readonly string[]> = {
  // Media Cloud: stories_id; many scrapes: guid / uuid.
  id: ['id', 'stories_id', 'article_id', 'doc_id', 'docid', 'guid', 'uuid'],
  // Media Cloud: media_name; NewsAPI: source.name (an object, see valueOf); article-bias datasets: source.
  outlet: ['outlet', 'source', 'media_name', 'media', 'publisher', 'site', 'site_name', 'publication', 'newspaper', 'outlet_name', 'source_name', 'domain'],
  title: ['title', 'headline', 'heading'],
  // `article` last: some datasets use it for an id or a URL.
  text: ['text', 'body', 'content', 'full_text', 'maintext', 'story_text', 'article_text', 'article'],
  date: ['date', 'publish_date', 'published', 'published_at', 'publication_date', 'pub_date', 'pubdate', 'date_published', 'datetime', 'timestamp', 'created_at'],
  url: ['url', 'link', 'href', 'permalink', 'article_url', 'source_url'],
  // AllSides-style roundups: story; clustering outputs: cluster. Not `topic`: a subject
  // ("abortion", "elections"), not one event; taken as one, article-bias-prediction's topics made
  // "events" of 4,595 articles over eight years. `--map event=topic` when it is one.
  event: ['event', 'event_id', 'story', 'story_id', 'cluster'],
};

export const keyOf = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export interface MappedFields {
  fields: Partial<Record<ArticleField, unknown>>;
  /** The record column (or `--map` path) each field was taken from, for messages. */
  columns: Partial<Record<ArticleField, string>>;
  /** Everything the record carried that no field took. */
  rest: Record<string, unknown>;
}

/**
 * Picks each Article field from a record: the `--map` column when given, else the first alias
 * present. A `meta` object in the record (normalized corpora carry one) is merged into `rest`.
 */
export function mapFields(record: Record<string, unknown>, map: Partial<Record<string, string>> = {}): MappedFields {
  const byKey = new Map<string, string>();
  for (const name of Object.keys(record)) if (!byKey.has(keyOf(name))) byKey.set(keyOf(name), name);
  const used = new Set<string>();
  const fields: MappedFields['fields'] = {};
  const columns: MappedFields['columns'] = {};
  for (const field of Object.keys(FIELD_ALIASES) as ArticleField[]) {
    const column = map[field];
    if (column !== undefined) {
      const value = lookupPath(record, column, byKey);
      if (value !== undefined) {
        fields[field] = value;
        columns[field] = column;
        used.add(byKey.get(keyOf(column.split('.')[0])) ?? column);
      }
      continue;
    }
    for (const alias of FIELD_ALIASES[field]) {
      const name = byKey.get(keyOf(alias));
      if (name === undefined || used.has(name) || isBlank(record[name])) continue;
      fields[field] = record[name];
      columns[field] = name;
      used.add(name);
      break;
    }
  }
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    if (used.has(name)) continue;
    if (name === 'meta' && value && typeof value === 'object' && !Array.isArray(value)) Object.assign(rest, value);
    else rest[name] = value;
  }
  return { fields, columns, rest };
}

/** Reads `column`, or a dotted path into nested objects (`source.name`), matching keys loosely. */
export function lookupPath(record: Record<string, unknown>, column: string, byKey?: Map<string, string>): unknown {
  if (column in record) return record[column];
  let value: unknown = record;
  for (const part of column.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    const object = value as Record<string, unknown>;
    const name = object === record && byKey ? byKey.get(keyOf(part)) : Object.keys(object).find((k) => keyOf(k) === keyOf(part));
    if (name === undefined) return undefined;
    value = object[name];
  }
  return value;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
