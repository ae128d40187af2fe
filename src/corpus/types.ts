/**
 * Types shared by the corpus layer: read options, what each reader returns, and what
 * `readCorpus` hands to the rest of the flow (articles + rejects + duplicates + diagnostics).
 * Flow: input files → readers (RawRecord) → validate (Article | Reject) → dedupe → CorpusReadResult.
 */
import type { Article, Origin } from './article.js';
import type { Diagnostic } from './diagnostics.js';

/** Input formats a reader exists for; `--input-format` takes one of these. */
export type InputFormat = 'jsonl' | 'json' | 'csv' | 'tsv' | 'text' | 'html' | 'dump';
export const INPUT_FORMATS: InputFormat[] = ['jsonl', 'json', 'csv', 'tsv', 'text', 'html', 'dump'];

/** The Article fields an input column can be mapped to. */
export type ArticleField = 'id' | 'outlet' | 'title' | 'text' | 'date' | 'url' | 'event';
export const ARTICLE_FIELDS: ArticleField[] = ['id', 'outlet', 'title', 'text', 'date', 'url', 'event'];

export interface ReadOptions {
  /** Force one reader for every file. __Default:__ picked per file by extension, then content. */
  format?: InputFormat;
  /**
   * Field → column name, for inputs whose columns the built-in alias list does not know
   * (`{outlet: 'newspaper'}`); dotted paths reach into nested JSON (`{outlet: 'source.name'}`).
   * __Default:__ `{}`.
   */
  map?: Partial<Record<string, string>>;
  /**
   * Outlet for records that name none; for page dumps, also the main story's outlet, which is
   * otherwise taken from the related-article blocks. __Default:__ none (such records are rejected).
   */
  outlet?: string;
  /** Throw a FramelensError at the first rejected record instead of collecting rejects. __Default:__ false. */
  strict?: boolean;
  /** Extra outlet alias files (same shape as data/lexicons/outlets.json). __Default:__ `[]`. */
  outletsFiles?: string[];
  /** Longest line / record accepted, in bytes. __Default:__ 5 MB (5 * 1024 * 1024). */
  maxRecordBytes?: number;
}

export const DEFAULT_MAX_RECORD_BYTES = 5 * 1024 * 1024;

/** A record that could not become an Article, kept so the user can fix and re-run it. */
export interface Reject {
  origin: Origin;
  reason: string;
  ruleId: string;
  /** The raw record text, capped at REJECT_RECORD_CAP characters. */
  record?: string;
}

/** A record with the same outlet and normalized text as one already ingested; kept once. */
export interface Duplicate {
  origin: Origin;
  /** Id the duplicate record would have had. */
  id: string;
  outlet: string;
  /** Id of the article that was kept. */
  duplicateOf: string;
}

export interface CorpusStats {
  /** Records seen; always ingested + rejected + duplicates. A file rejected as a whole counts once. */
  read: number;
  ingested: number;
  rejected: number;
  duplicates: number;
}

export interface CorpusReadResult {
  articles: Article[];
  rejects: Reject[];
  duplicates: Duplicate[];
  diagnostics: Diagnostic[];
  stats: CorpusStats;
}

/** One record as a reader found it: arbitrary named fields, not yet validated. */
export interface RawRecord {
  origin: Origin;
  fields: Record<string, unknown>;
  /** Raw text of the record, for the rejects file. */
  raw?: string;
  /** Set by readers that name the fields themselves (text, html, dump): `--map` does not apply, aliases still do. */
  canonical?: boolean;
}

/** What one reader returns for one file. Readers never throw on bad data. */
export interface ReaderResult {
  records: RawRecord[];
  rejects: Reject[];
  diagnostics: Diagnostic[];
}

/** What a reader may consult besides the file's text. */
export interface ReaderContext {
  file: string;
  maxRecordBytes: number;
  /** Outlet given by the user (`--outlet`), if any. */
  outlet?: string;
  /** Canonical outlet name for a raw one (alias table lookup). */
  canonicalOutlet: (name: string) => string;
}

export type Reader = (text: string, context: ReaderContext) => ReaderResult;

/** Longest raw record kept in a Reject. */
export const REJECT_RECORD_CAP = 2000;
