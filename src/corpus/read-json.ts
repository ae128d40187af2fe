/**
 * Reader for a JSON file: an array of article objects, an object wrapping one
 * (`{"articles": [...]}`, also `data`, `items`, `results`, `stories`, `documents`), or a single
 * article object. A `.json` file that actually holds JSON Lines is read as JSONL, with a note.
 * Flow: detect-format → readJson → validate.
 */
import { badJsonShape, jsonLinesInJson, malformedJson, notAnObject } from './messages.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { readJsonl } from './read-jsonl.js';
import { emptyResult, isPlainObject, jsonErrorDetail, kindOf, lineAt, makeReject } from './reader-kit.js';
import type { Reader } from './types.js';

const WRAPPER_KEYS = ['articles', 'data', 'items', 'results', 'stories', 'documents'];

export const readJson: Reader = (text, context) => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (looksLikeJsonLines(text)) {
      const result = readJsonl(text, context);
      result.diagnostics.unshift({ ...jsonLinesInJson(), severity: 'info', file: context.file });
      return result;
    }
    const result = emptyResult();
    const offset = jsonErrorOffset(text);
    const origin = { file: context.file, line: offset === undefined ? undefined : lineAt(text, offset) };
    const detail = jsonErrorDetail(error).replace(/ in JSON at position \d+.*$/, '');
    result.rejects.push(makeReject(origin, malformedJson(detail), text));
    return result;
  }
  const result = emptyResult();
  const items = articlesIn(value);
  if (!items) {
    result.rejects.push(makeReject({ file: context.file }, badJsonShape(kindOf(value)), text));
    return result;
  }
  items.forEach((item, record) => {
    const origin = { file: context.file, record };
    if (isPlainObject(item)) result.records.push({ origin, fields: item, raw: JSON.stringify(item) });
    else result.rejects.push(makeReject(origin, notAnObject(kindOf(item)), JSON.stringify(item)));
  });
  return result;
};

function articlesIn(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isPlainObject(value)) return undefined;
  for (const key of WRAPPER_KEYS) if (Array.isArray(value[key])) return value[key] as unknown[];
  return [value];
}

/** At least two non-empty lines, the first a complete JSON object. */
export function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  try {
    return isPlainObject(JSON.parse(lines[0]));
  } catch {
    return false;
  }
}
