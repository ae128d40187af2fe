/**
 * RawRecord → Article or Reject. Text and outlet are required (the outlet may come from
 * `--outlet`); a missing title, an unreadable date and similar problems are repaired with a
 * warning. Text is kept verbatim, since every span downstream points into it.
 * Flow: readers → validateRecord → dedupe (read-corpus) → Article[].
 */
import { createHash } from 'node:crypto';
import type { Article } from './article.js';
import type { Diagnostic } from './diagnostics.js';
import { FIELD_ALIASES, mapFields } from './fields.js';
import { badDate, badField, hugeRecord, missingOutlet, missingText, missingTitle } from './messages.js';
import { normalizeDate } from './normalize-date.js';
import { canonicalOutlet, type OutletAliases } from './outlets.js';
import { diagnosticAt, exceedsBytes, isPlainObject, kindOf, makeReject, originLabel } from './reader-kit.js';
import type { RawRecord, ReadOptions, Reject } from './types.js';

export interface ValidateContext {
  map: ReadOptions['map'];
  outlet?: string;
  aliases: OutletAliases;
  maxRecordBytes: number;
}

export interface Validated {
  article?: Article;
  reject?: Reject;
  warnings: Diagnostic[];
}

export function validateRecord(record: RawRecord, context: ValidateContext): Validated {
  const map = record.canonical ? {} : (context.map ?? {});
  const { fields, columns, rest } = mapFields(record.fields, map);
  const warnings: Diagnostic[] = [];
  const rejectWith = (message: Parameters<typeof makeReject>[1]): Validated => ({ reject: makeReject(record.origin, message, record.raw), warnings });

  if (fields.text !== undefined && fields.text !== null && typeof fields.text !== 'string') return rejectWith(badField(columns.text ?? 'text', 'text', kindOf(fields.text)));
  const text = fields.text ?? '';
  if (typeof text !== 'string' || text.trim() === '') return rejectWith(missingText(map.text ? [map.text] : FIELD_ALIASES.text));
  const bytes = exceedsBytes(text, context.maxRecordBytes);
  if (bytes !== undefined) return rejectWith(hugeRecord(bytes, context.maxRecordBytes));

  const rawOutlet = nameOf(fields.outlet) ?? context.outlet?.trim();
  if (!rawOutlet) return rejectWith(missingOutlet());
  const outlet = canonicalOutlet(rawOutlet, context.aliases);

  const title = nameOf(fields.title) ?? '';
  if (!title) warnings.push(diagnosticAt(record.origin, missingTitle(), 'warning'));

  const article: Article = { id: nameOf(fields.id) ?? hashId(outlet, title, text), outlet, title, text };
  if (!isBlank(fields.date)) {
    const date = normalizeDate(fields.date);
    if (date) article.date = date;
    else warnings.push(diagnosticAt(record.origin, badDate(String(fields.date)), 'warning'));
  }
  const url = nameOf(fields.url);
  if (url) article.url = url;
  const event = nameOf(fields.event);
  if (event) article.event = event;
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== null && value !== '') meta[key] = value;
  // A normalized corpus read again keeps the source it was first ingested from.
  if (typeof meta.source !== 'string') meta.source = originLabel(record.origin);
  if (rawOutlet !== outlet) meta.outletAsGiven = rawOutlet;
  article.meta = meta;
  return { article, warnings };
}

/** Short stable id: 16 hex digits of sha1(outlet, title, text). */
export function hashId(outlet: string, title: string, text: string): string {
  return createHash('sha1').update(`${outlet}\n${title}\n${text}`).digest('hex').slice(0, 16);
}

/** A string-ish field: strings trimmed, numbers as text, `{name}` objects (NewsAPI's source) by name. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isPlainObject(value) && typeof value.name === 'string') return value.name.trim() || undefined;
  return undefined;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
