/**
 * The corpus entry point: paths (files or folders, any mix of formats) → validated, de-duplicated
 * articles, with everything that went wrong as rejects and diagnostics. Nothing is dropped
 * silently: read = ingested + rejected + duplicates. Inputs are only ever opened for reading.
 *
 * Stages per input file:
 *   1. list     folders expanded (list-inputs.ts)
 *   2. decode   bytes (gunzipped if gzip) → text; empty, binary, bad-encoding files rejected (decode.ts)
 *   3. detect   extension / content → format (detect-format.ts)
 *   4. read     format reader → raw records + rejects (read-*.ts)
 *   5. validate raw record → Article or reject (validate.ts)
 *   6. dedupe   same outlet + normalized text kept once; clashing ids renamed (corpus-collector.ts)
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Origin } from './article.js';
import { CorpusCollector } from './corpus-collector.js';
import { decodeInput } from './decode.js';
import { detectFormat, READERS } from './detect-format.js';
import { FramelensError, type Diagnostic } from './diagnostics.js';
import { lookupPath } from './fields.js';
import { listInputs } from './list-inputs.js';
import { badFormatOption, noRecords, unmappedColumn, unreadable } from './messages.js';
import { canonicalOutlet, loadOutletAliases } from './outlets.js';
import { diagnosticAt, makeReject } from './reader-kit.js';
import { DEFAULT_MAX_RECORD_BYTES, INPUT_FORMATS, type CorpusReadResult, type RawRecord, type ReadOptions, type Reject } from './types.js';
import { validateRecord, type ValidateContext } from './validate.js';

export async function readCorpus(paths: string | string[], options: ReadOptions = {}): Promise<CorpusReadResult> {
  if (options.format !== undefined && !INPUT_FORMATS.includes(options.format)) {
    throw new FramelensError(badFormatOption(options.format, INPUT_FORMATS));
  }
  const aliases = loadOutletAliases(options.outletsFiles);
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const validation: ValidateContext = { map: options.map, outlet: options.outlet, aliases, maxRecordBytes };
  const collector = new CorpusCollector(options.strict ?? false);

  const inputs = await listInputs(Array.isArray(paths) ? paths : [paths]);
  collector.addFile(inputs.rejects, inputs.diagnostics);
  for (const file of inputs.files) {
    const rejects: Reject[] = [];
    const diagnostics: Diagnostic[] = [];
    const records = await readRecords(file, options, maxRecordBytes, (name) => canonicalOutlet(name, aliases), rejects, diagnostics);
    const validated = records.map((record) => ({ record, result: validateRecord(record, validation) }));
    for (const { result } of validated) {
      if (result.reject) rejects.push(result.reject);
      diagnostics.push(...result.warnings);
    }
    diagnostics.push(...unmappedColumns(file, records, options.map));
    collector.addFile(rejects, diagnostics);
    for (const { record, result } of validated) if (result.article) collector.addArticle(result.article, record.origin);
  }
  return collector.result();
}

/** Stages 2–4 for one file; file-level problems become rejects. */
async function readRecords(
  file: string,
  options: ReadOptions,
  maxRecordBytes: number,
  canonical: (name: string) => string,
  rejects: Reject[],
  diagnostics: Diagnostic[],
): Promise<RawRecord[]> {
  const origin: Origin = { file };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    rejects.push(makeReject(origin, unreadable((error as NodeJS.ErrnoException).code ?? String(error))));
    return [];
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // gzip (shared datasets ship as .jsonl.gz): inflate, then read as the inner format.
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      rejects.push(makeReject(origin, unreadable(`not a valid gzip file (${(error as Error).message})`)));
      return [];
    }
  }
  const decoded = decodeInput(bytes);
  if ('problem' in decoded) {
    rejects.push(makeReject({ file, line: decoded.line }, decoded.problem));
    return [];
  }
  const detection = detectFormat(file, decoded.text, options.format);
  if ('problem' in detection) {
    rejects.push(makeReject(origin, detection.problem, decoded.text));
    return [];
  }
  const read = READERS[detection.format](decoded.text, { file, maxRecordBytes, outlet: options.outlet, canonicalOutlet: canonical });
  rejects.push(...read.rejects);
  diagnostics.push(...read.diagnostics);
  if (read.records.length === 0 && read.rejects.length === 0) rejects.push(makeReject(origin, noRecords()));
  return read.records;
}

/** A `--map` column that no record of the file has is almost always a typo: say so once per file. */
function unmappedColumns(file: string, records: RawRecord[], map: ReadOptions['map'] = {}): Diagnostic[] {
  const mappable = records.filter((r) => !r.canonical);
  if (mappable.length === 0) return [];
  return Object.entries(map)
    .filter(([, column]) => column !== undefined && !mappable.some((r) => lookupPath(r.fields, column) !== undefined))
    .map(([field, column]) => diagnosticAt({ file }, unmappedColumn(field, column!), 'warning'));
}
