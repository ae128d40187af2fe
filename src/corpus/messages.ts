/**
 * Every user-facing text of the corpus layer, as functions, with its rule id beside it so a
 * message and its id never drift apart. Readers and validation call these; the CLI prints
 * them as `file:line severity reason ruleId`.
 */

import { plural } from '../plural.js';

export interface Message {
  reason: string;
  /** `corpus:<rule>` */
  ruleId: string;
}

const m = (rule: string, reason: string): Message => ({ ruleId: `corpus:${rule}`, reason });

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;

// Whole-file problems

export const notFound = () => m('not-found', 'no such file or folder');
export const unreadable = (detail: string) => m('unreadable', `cannot read the input: ${detail}`);
export const emptyFile = () => m('empty-file', 'file is empty (nothing to read)');
export const binaryFile = (offset: number) =>
  m('binary-file', `binary file (NUL byte at offset ${offset}); expected text such as JSONL, JSON, CSV, Markdown or HTML`);
export const badEncoding = (line: number) =>
  m('bad-encoding', `not valid UTF-8 (first invalid byte on line ${line}); re-save the file as UTF-8`);
export const unknownFormat = (what: string, formats: readonly string[]) =>
  m('unknown-format', `unknown input format (${what}); pass --input-format ${formats.join('|')}`);
export const emptyFolder = () => m('empty-folder', 'folder holds no readable files (.jsonl, .ndjson, .json, .csv, .tsv, .txt, .md, .html)');
export const noRecords = () => m('no-records', 'file holds no records (only a header, an empty list, or blank lines)');
export const skippedFile = (extension: string) =>
  m('skipped-file', `skipped: '${extension || '(no extension)'}' files are not read from folders`);

// Record-level problems (the record is rejected)

export const hugeLine = (bytes: number, max: number) =>
  m('huge-line', `line is ${size(bytes)}, over the ${size(max)} record limit`);
export const hugeRecord = (bytes: number, max: number) =>
  m('huge-record', `record text is ${size(bytes)}, over the ${size(max)} record limit`);
export const malformedJson = (detail: string) => m('malformed-json', `not valid JSON: ${detail}`);
export const notAnObject = (kind: string) => m('bad-record', `record is ${kind}, expected a JSON object`);
export const badJsonShape = (kind: string) =>
  m('bad-json-shape', `JSON holds ${kind}; expected an array of articles or {"articles": [...]}`);
export const badFrontMatter = (detail: string) => m('bad-front-matter', `front matter is not a YAML mapping: ${detail}`);
export const malformedCsv = (detail: string) => m('malformed-csv', `malformed CSV: ${detail}`);
export const missingText = (looked: readonly string[]) =>
  m('missing-text', `record has no text (looked for ${looked.join(', ')}; use --map text=<column>)`);
export const missingOutlet = () =>
  m('missing-outlet', 'record has no outlet (use --map outlet=<column>, or --outlet <name> for inputs from one outlet)');
/** `column` of the record, read as the article's `field`, holds no text. */
export const badField = (column: string, field: string, kind: string) =>
  m('bad-field', column === field ? `field '${field}' is ${kind}, expected text` : `field '${column}' (read as ${field}) is ${kind}, expected text`);
export const noArticleText = () => m('missing-text', 'found no article text in the page');
export const noDumpTitle = () => m('missing-text', 'page dump has no story before its first related-article block');

// Warnings and notes (the record is kept)

export const missingTitle = () => m('missing-title', 'record has no title; kept with an empty one');
export const badDate = (value: string) => m('bad-date', `date '${value}' is not a recognizable date; dropped`);
export const duplicateId = (id: string, assigned: string) =>
  m('duplicate-id', `id '${id}' is already taken; renamed to '${assigned}'`);
export const duplicateArticle = (keptId: string, where: string) =>
  m('duplicate', `same outlet and text as '${keptId}' (${where}); kept once`);
export const unmappedColumn = (field: string, column: string) =>
  m('unmapped-column', `--map ${field}=${column}: no record has a '${column}' column`);
export const jsonLinesInJson = () => m('json-lines', 'file holds JSON Lines, not one JSON value; read as JSONL');
export const dumpSkippedLines = (count: number, first: number, last: number) =>
  m('dump-skipped-lines', count === 1 ? `skipped 1 line of site chrome (line ${first})` : `skipped ${count} lines of site chrome (lines ${first}–${last})`);

// Thrown (bad options, or nothing to work with)

export const badOutletsFile = (file: string, detail: string) => `outlet alias file ${file}: ${detail}`;
export const nothingIngested = (inputs: number, rejected: number) =>
  `nothing could be ingested from ${plural(inputs, 'input')} (${rejected} rejected; see the messages above)`;
export const badFormatOption = (format: string, formats: readonly string[]) =>
  `unknown input format '${format}' (expected ${formats.join(', ')})`;
export const badMapOption = (entry: string, fields: readonly string[]) =>
  `--map '${entry}': expected field=column with field one of ${fields.join(', ')}`;

// CLI output
export const moreDiagnostics = (count: number, ruleId: string) => `… ${plural(count, `more ${ruleId} message`)} not shown`;
