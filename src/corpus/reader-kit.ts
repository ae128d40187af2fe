/**
 * Small helpers every reader uses, so rejects, caps and JSON error texts look the same
 * whichever reader produced them. Flow: readers → ReaderResult.
 */
import type { Origin } from './article.js';
import type { Diagnostic } from './diagnostics.js';
import type { Message } from './messages.js';
import { REJECT_RECORD_CAP, type ReaderResult, type Reject } from './types.js';

export const emptyResult = (): ReaderResult => ({ records: [], rejects: [], diagnostics: [] });

export function makeReject(origin: Origin, message: Message, raw?: string): Reject {
  const reject: Reject = { origin, reason: message.reason, ruleId: message.ruleId };
  if (raw !== undefined) reject.record = raw.length > REJECT_RECORD_CAP ? raw.slice(0, REJECT_RECORD_CAP) + '…' : raw;
  return reject;
}

/** UTF-8 size without encoding the string when it is clearly small. */
export function exceedsBytes(text: string, max: number): number | undefined {
  if (text.length * 3 <= max) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > max ? bytes : undefined;
}

/** "an array", "a string", "null" … for messages about the wrong kind of JSON value. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** JSON.parse's message, without the echo of the input V8 adds. */
export function jsonErrorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/^Unexpected token '?(.)'?, /, "unexpected '$1' ");
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A diagnostic pointing at an origin. */
export function diagnosticAt(origin: Origin, message: Message, severity: Diagnostic['severity']): Diagnostic {
  const diagnostic: Diagnostic = { reason: message.reason, ruleId: message.ruleId, severity, file: origin.file };
  if (origin.line !== undefined) diagnostic.line = origin.line;
  else if (origin.record !== undefined) diagnostic.record = origin.record;
  return diagnostic;
}

/** `file:line`, `file#record` or `file`, as diagnostics print it. */
export function originLabel(origin: Origin): string {
  return origin.line !== undefined ? `${origin.file}:${origin.line}` : origin.record !== undefined ? `${origin.file}#${origin.record}` : origin.file;
}
