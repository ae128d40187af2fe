/**
 * Picks a reader for a file: by extension first, then by sniffing the content (for unknown or
 * missing extensions, and to tell a page dump from a plain .txt article); `--input-format`
 * overrides both. Flow: read-corpus → detectFormat → READERS[format].
 */
import { FIELD_ALIASES, keyOf } from './fields.js';
import { unknownFormat, type Message } from './messages.js';
import { readCsv, readTsv } from './read-csv.js';
import { readHtml } from './read-html.js';
import { looksLikeJsonLines, readJson } from './read-json.js';
import { readJsonl } from './read-jsonl.js';
import { looksLikePageDump, readPageDump } from './read-page-dump.js';
import { hasFrontMatter, readText } from './read-text.js';
import { INPUT_FORMATS, type InputFormat, type Reader } from './types.js';

/** One reader per format; a format without a reader is a type error. */
export const READERS: Record<InputFormat, Reader> = {
  jsonl: readJsonl,
  json: readJson,
  csv: readCsv,
  tsv: readTsv,
  text: readText,
  html: readHtml,
  dump: readPageDump,
};

/** Extensions read from folders and recognised without sniffing ('text' means text or dump). */
export const EXTENSION_FORMATS: Record<string, InputFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.jsonlines': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

export type Detection = { format: InputFormat } | { problem: Message };

/** Lower-cased extension, looking through a `.gz` suffix (`a.jsonl.gz` → `.jsonl`). */
export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).replace(/\.gz$/i, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function detectFormat(file: string, text: string, forced?: InputFormat): Detection {
  if (forced) return { format: forced };
  const byExtension = EXTENSION_FORMATS[extensionOf(file)];
  if (byExtension === 'text') return { format: !hasFrontMatter(text) && looksLikePageDump(text) ? 'dump' : 'text' };
  if (byExtension) return { format: byExtension };
  const sniffed = sniffFormat(text);
  if (sniffed) return { format: sniffed };
  const extension = extensionOf(file);
  return { problem: unknownFormat(extension ? `'${extension}' files, and the content is not recognisable` : 'no extension, and the content is not recognisable', INPUT_FORMATS) };
}

/** Format from content alone, or undefined when nothing fits. */
export function sniffFormat(text: string): InputFormat | undefined {
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return looksLikeJsonLines(text) ? 'jsonl' : undefined;
    }
  }
  if (/^(<!doctype html|<html|<head|<body|<article|<meta)[\s>]/i.test(head)) return 'html';
  if (hasFrontMatter(text)) return 'text';
  if (looksLikePageDump(text)) return 'dump';
  const header = head.slice(0, head.indexOf('\n') >>> 0);
  const textAliases = new Set(FIELD_ALIASES.text.map(keyOf));
  const hasTextColumn = (separator: string) => header.split(separator).some((c) => textAliases.has(keyOf(c.replace(/^"|"$/g, ''))));
  if (header.includes('\t') && hasTextColumn('\t')) return 'tsv';
  if ((header.includes(',') && hasTextColumn(',')) || (header.includes(';') && hasTextColumn(';'))) return 'csv';
  return undefined;
}
