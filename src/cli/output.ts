/**
 * Row output shared by every analysis command: `--format jsonl|json|csv|table`, to stdout or
 * atomically to `-o file`. Rows are plain objects; nested values are JSON-encoded in CSV/table.
 */
import { Option, type Command } from 'commander';
import { writeChunksAtomic, writeFileAtomic } from '../corpus/write-atomic.js';

export type RowFormat = 'jsonl' | 'json' | 'csv' | 'table';
export const ROW_FORMATS: RowFormat[] = ['jsonl', 'json', 'csv', 'table'];

export interface OutputOptions {
  format?: RowFormat;
  /** Output file; stdout when absent. */
  output?: string;
  /** Column order for csv/table; defaults to the union of keys in first-seen order. */
  columns?: string[];
  /** Longest cell in table output before it is cut with an ellipsis. */
  maxCell?: number;
}

/** Adds `--format` (default `defaultFormat`) and `-o, --output` to a command that prints rows. */
export function addRowOptions(command: Command, defaultFormat: RowFormat = 'jsonl'): Command {
  return command
    .addOption(new Option('--format <fmt>', 'row format').choices(ROW_FORMATS).default(defaultFormat))
    .option('-o, --output <file>', 'write the rows to a file (default: stdout)');
}

type Row = Record<string, unknown>;

export function formatRows(rows: Row[], options: OutputOptions = {}): string {
  const format = options.format ?? 'jsonl';
  switch (format) {
    case 'jsonl':
      return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'csv':
      return toCsv(rows, columnsOf(rows, options.columns));
    case 'table':
      return toTable(rows, columnsOf(rows, options.columns), options.maxCell ?? 60);
    default:
      throw new Error(`framelens: unknown --format '${format as string}' (expected ${ROW_FORMATS.join(', ')})`);
  }
}

/** Rows formatted per this many at a time when written to a file (see writeRows). */
const CHUNK_ROWS = 4096;

/**
 * Writes rows to `options.output` atomically, or to stdout. To a file, JSONL and CSV are written
 * a chunk of rows at a time, so a command with 600k rows does not also hold them all as one string.
 */
export function writeRows(rows: Row[], options: OutputOptions = {}): void {
  const format = options.format ?? 'jsonl';
  if (options.output && (format === 'jsonl' || format === 'csv')) writeChunksAtomic(options.output, rowChunks(rows, format, options));
  else if (options.output) writeFileAtomic(options.output, formatRows(rows, options));
  else process.stdout.write(formatRows(rows, options));
}

function* rowChunks(rows: Row[], format: 'jsonl' | 'csv', options: OutputOptions): Generator<string> {
  const columns = format === 'csv' ? columnsOf(rows, options.columns) : [];
  if (format === 'csv') yield csvLines([], columns, true);
  for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
    const chunk = rows.slice(at, at + CHUNK_ROWS);
    yield format === 'jsonl' ? formatRows(chunk, options) : csvLines(chunk, columns, false);
  }
}

function columnsOf(rows: Row[], given?: string[]): string[] {
  if (given?.length) return given;
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** RFC 4180: quote fields with separators, quotes or line breaks; double inner quotes. */
export function toCsv(rows: Row[], columns: string[]): string {
  return csvLines(rows, columns, true);
}

function csvLines(rows: Row[], columns: string[], header: boolean): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = header ? [columns.map(quote).join(',')] : [];
  for (const row of rows) lines.push(columns.map((c) => quote(cell(row[c]))).join(','));
  return lines.length ? lines.join('\n') + '\n' : '';
}

function toTable(rows: Row[], columns: string[], maxCell: number): string {
  const clean = (s: string) => {
    const flat = s.replace(/\s+/g, ' ');
    return flat.length > maxCell ? flat.slice(0, maxCell - 1) + '…' : flat;
  };
  const cells = rows.map((r) => columns.map((c) => clean(cell(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => r[c] === undefined || typeof r[c] === 'number'));
  const fmt = (values: string[]) =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(fmt)].join('\n') + '\n';
}
