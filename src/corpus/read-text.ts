/**
 * Reader for one plain-text or Markdown article, optionally with YAML front matter
 * (`outlet`, `title`, `date`, `url`, `event`, `id`, anything else goes to meta). Without a title
 * in the front matter, a leading Markdown `# Heading` becomes the title. A Markdown file's body
 * is read without its markup (markdown-text.ts); a `.txt` file's is kept as written. Folders of such files
 * are expanded by list-inputs.ts, so this reader sees one file at a time.
 * Flow: detect-format → readText → validate.
 */
import { parse as parseYaml } from 'yaml';
import { markdownText } from './markdown-text.js';
import { badFrontMatter, hugeRecord } from './messages.js';
import { emptyResult, exceedsBytes, isPlainObject, kindOf, makeReject } from './reader-kit.js';
import type { Reader } from './types.js';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const HEADING = /^#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/;
const MARKDOWN_FILE = /\.(md|markdown)$/i;

export const readText: Reader = (text, context) => {
  const result = emptyResult();
  const origin = { file: context.file, line: 1 };
  const bytes = exceedsBytes(text, context.maxRecordBytes);
  if (bytes !== undefined) {
    result.rejects.push(makeReject(origin, hugeRecord(bytes, context.maxRecordBytes), text));
    return result;
  }
  const split = splitFrontMatter(text);
  if ('error' in split) {
    result.rejects.push(makeReject(origin, badFrontMatter(split.error), text));
    return result;
  }
  const fields: Record<string, unknown> = { ...split.data };
  const markdown = MARKDOWN_FILE.test(context.file);
  let body = split.body.trim();
  const heading = HEADING.exec(body);
  if (heading && (fields.title === undefined || fields.title === null)) {
    fields.title = markdown ? markdownText(heading[1]) : heading[1];
    body = body.slice(heading[0].length).trim();
  }
  fields.text = markdown ? markdownText(body).trim() : body;
  result.records.push({ origin, fields, raw: text, canonical: true });
  return result;
};

/** Front matter as an object plus the body after it; no front matter gives `{}` and the whole text. */
export function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } | { error: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: {}, body: text };
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).split('\n')[0] };
  }
  if (data === null || data === undefined) data = {};
  if (!isPlainObject(data)) return { error: `it holds ${kindOf(data)}` };
  return { data, body: text.slice(match[0].length) };
}

export const hasFrontMatter = (text: string) => FRONT_MATTER.test(text);
