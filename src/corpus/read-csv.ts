/**
 * Reader for CSV and TSV with a header row (csv-parse). Columns become fields and go through
 * the alias list / `--map` like JSON keys, so a Media Cloud export
 * (`title,url,publish_date,media_name,text`) needs no options. A malformed row is rejected with
 * its line and the rest of the file is still read. Flow: detect-format → readCsv → validate.
 */
import { parse, type CsvError } from 'csv-parse/sync';
import { hugeLine, malformedCsv } from './messages.js';
import { emptyResult, exceedsBytes, makeReject } from './reader-kit.js';
import type { Reader, ReaderContext, ReaderResult } from './types.js';

/** CSV; the delimiter (`,` `;` or tab) is sniffed from the header line, as spreadsheet exports vary. */
export const readCsv: Reader = (text, context) => readDelimited(text, context, sniffDelimiter(text));

export const readTsv: Reader = (text, context) => readDelimited(text, context, '\t');

interface Row {
  record: Record<string, string>;
  raw: string;
  info: { lines: number };
}

function readDelimited(text: string, context: ReaderContext, delimiter: string): ReaderResult {
  const result = emptyResult();
  const rows = parse(text, {
    delimiter,
    columns: (header: string[]) => header.map((name) => name.trim()),
    info: true,
    raw: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined): undefined => {
      if (!error) return undefined;
      const end = (error as CsvError & { lines?: number }).lines;
      const line = end === undefined ? undefined : firstLine(end, raw ?? '');
      result.rejects.push(makeReject({ file: context.file, line }, malformedCsv(error.message), raw));
      return undefined;
    },
  }) as unknown as Row[];
  for (const row of rows) {
    const raw = row.raw.replace(/\r?\n$/, '');
    const line = firstLine(row.info.lines, raw);
    const origin = { file: context.file, line };
    // Checked after parsing: csv-parse's own max_record_size aborts the whole file.
    const bytes = exceedsBytes(raw, context.maxRecordBytes);
    if (bytes !== undefined) result.rejects.push(makeReject(origin, hugeLine(bytes, context.maxRecordBytes), raw));
    else result.records.push({ origin, fields: row.record, raw });
  }
  return result;
}

/** csv-parse reports a row's last line; count back over line breaks inside quoted fields. */
function firstLine(lastLine: number, raw: string): number {
  return lastLine - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
}

export function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  const count = (c: string) => header.split(c).length - 1;
  const candidates = [',', ';', '\t'].map((c) => [c, count(c)] as const);
  return candidates.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
