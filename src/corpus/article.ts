/**
 * The corpus model: one Article per story. Everything downstream reads these fields only.
 * Flow: readers (src/corpus/read-*.ts) → Article[] → text layer → analyses → outputs.
 */

/** One news story as it stands in the normalized corpus. */
export interface Article {
  /** Stable id, unique in the corpus (given by the input or derived from outlet + title + text). */
  id: string;
  /** Canonical outlet name (after alias resolution, see data/lexicons/outlets.json). */
  outlet: string;
  /** Headline. May be empty when the input has none. */
  title: string;
  /** Body text. All spans in findings are UTF-16 offsets into this exact string. */
  text: string;
  /** ISO 8601 date or date-time, when known. */
  date?: string;
  url?: string;
  /** Event id given by the input; when absent, event grouping assigns one. */
  event?: string;
  /** Anything else the input carried, plus `source` (where the record came from). */
  meta?: Record<string, unknown>;
}

/** Where an article (or a rejected record) came from, so messages can say `file:line`. */
export interface Origin {
  file: string;
  /** 1-based line for line-oriented formats (JSONL, CSV rows, page dumps). */
  line?: number;
  /** 0-based record index for formats without lines (JSON arrays, folders). */
  record?: number;
}

/** A character span `[start, end)` in UTF-16 code units, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Builds a Span from a string and offsets, so `text` can never drift from the offsets. */
export function span(source: string, start: number, end: number): Span {
  return { start, end, text: source.slice(start, end) };
}
