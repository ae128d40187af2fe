/**
 * Reader for JSON Lines / NDJSON: one JSON object per line. A bad line is rejected with its
 * line number and the rest of the file is still read. Flow: detect-format → readJsonl → validate.
 */
import { hugeLine, malformedJson, notAnObject } from './messages.js';
import { emptyResult, exceedsBytes, isPlainObject, jsonErrorDetail, kindOf, makeReject } from './reader-kit.js';
import type { Reader } from './types.js';

export const readJsonl: Reader = (text, context) => {
  const result = emptyResult();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === '') continue;
    const origin = { file: context.file, line: i + 1 };
    const bytes = exceedsBytes(line, context.maxRecordBytes);
    if (bytes !== undefined) {
      result.rejects.push(makeReject(origin, hugeLine(bytes, context.maxRecordBytes), line));
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      result.rejects.push(makeReject(origin, malformedJson(jsonErrorDetail(error)), line));
      continue;
    }
    if (!isPlainObject(value)) result.rejects.push(makeReject(origin, notAnObject(kindOf(value)), line));
    else result.records.push({ origin, fields: value, raw: line });
  }
  return result;
};
