/**
 * Reader for aggregator page dumps: a main story (title line, then body), site chrome, then
 * related-story blocks, each headed by three lines — outlet, time ("3 hours ago", "yesterday"
 * or a date), "- Outlet" — followed by a title line and a body. Dumps are recognised by that
 * header structure, not by any site or outlet. Each story's text is an exact slice of the file
 * (trimmed), so spans can be checked against the input; a body ends at the first boilerplate
 * line (boilerplate.ts) or the next header. The main story's outlet is `--outlet` when given,
 * else the outlet its related blocks name most often.
 * Flow: detect-format → readPageDump → validate.
 */
import type { Diagnostic } from './diagnostics.js';
import { isBoilerplate } from './boilerplate.js';
import { dumpSkippedLines } from './messages.js';
import { normalizeDate } from './normalize-date.js';
import { emptyResult } from './reader-kit.js';
import type { Reader, ReaderContext, RawRecord } from './types.js';

const RELATIVE_TIME =
  /^(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\s+ago|yesterday|today|just now)$/i;
const DASH_LINE = /^[-–—•]\s*(\S.{0,79})$/;
const MAX_HEADER_LINE = 80;

/** One related-story header: the three lines before its title. */
interface Header {
  /** 0-based index of the outlet line. */
  index: number;
  outlet: string;
  time: string;
  /** The name on the "- Outlet" line. */
  dashName: string;
}

interface Lines {
  text: string;
  lines: string[];
  /** Offset of each line's first character in `text`. */
  starts: number[];
}

export const readPageDump: Reader = (text, context) => {
  const result = emptyResult();
  const lines = splitLines(text);
  const headers = findHeaders(lines.lines);
  const mainEnd = headers[0]?.index ?? lines.lines.length;
  const main = story(lines, 0, mainEnd, context, result.diagnostics);
  if (main) {
    main.fields.outlet = context.outlet ?? mostNamedOutlet(headers, context);
    main.fields.position = 'main';
    result.records.push(main);
  }
  headers.forEach((header, k) => {
    const end = headers[k + 1]?.index ?? lines.lines.length;
    const related = story(lines, header.index + 3, end, context, result.diagnostics);
    if (!related) return;
    related.fields.outlet = header.outlet;
    related.fields.position = 'related';
    const date = isAbsoluteDate(header.time) ? normalizeDate(header.time) : undefined;
    if (date) related.fields.date = date;
    else related.fields.relativeTime = header.time;
    if (header.dashName !== header.outlet) related.fields.byline = header.dashName;
    result.records.push(related);
  });
  return result;
};

/** True when the text has at least one related-story header (outlet / time / "- outlet"). */
export function looksLikePageDump(text: string): boolean {
  return findHeaders(splitLines(text).lines).length > 0;
}

function splitLines(text: string): Lines {
  const lines: string[] = [];
  const starts: number[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    starts.push(start);
    lines.push(text.slice(start, end).replace(/\r$/, ''));
    if (nl < 0) break;
    start = nl + 1;
  }
  return { text, lines, starts };
}

function findHeaders(lines: string[]): Header[] {
  const headers: Header[] = [];
  for (let i = 0; i + 2 < lines.length; i++) {
    const outlet = lines[i].trim();
    const time = lines[i + 1].trim();
    const dash = DASH_LINE.exec(lines[i + 2].trim());
    if (!outlet || outlet.length > MAX_HEADER_LINE || isBoilerplate(outlet) || !dash) continue;
    if (!RELATIVE_TIME.test(time) && !isAbsoluteDate(time)) continue;
    headers.push({ index: i, outlet, time, dashName: dash[1].trim() });
    i += 2;
  }
  return headers;
}

/** A short line that is only a date ("June 2, 2025", "2025-06-02"), not prose with a year in it. */
function isAbsoluteDate(line: string): boolean {
  return line.length <= 40 && /\d{4}/.test(line) && !/[.!?]$/.test(line) && normalizeDate(line) !== undefined;
}

/**
 * The story in lines [from, to): its title is the first line that is neither blank nor
 * boilerplate; its body runs until the first boilerplate line. Text after that point is chrome.
 */
function story(lines: Lines, from: number, to: number, context: ReaderContext, diagnostics: Diagnostic[]): RawRecord | undefined {
  let title = from;
  while (title < to && (lines.lines[title].trim() === '' || isBoilerplate(lines.lines[title]))) title++;
  if (title >= to) return undefined;
  let bodyEnd = title + 1;
  while (bodyEnd < to && !isBoilerplate(lines.lines[bodyEnd])) bodyEnd++;
  const skipped = [];
  for (let i = bodyEnd; i < to; i++) if (lines.lines[i].trim() !== '' && !isBoilerplate(lines.lines[i])) skipped.push(i + 1);
  if (skipped.length) {
    diagnostics.push({ ...dumpSkippedLines(skipped.length, skipped[0], skipped.at(-1)!), severity: 'info', file: context.file, line: skipped[0] });
  }
  const sliceEnd = bodyEnd < lines.lines.length ? lines.starts[bodyEnd] : lines.text.length;
  const text = title + 1 < lines.lines.length ? lines.text.slice(lines.starts[title + 1], sliceEnd).trim() : '';
  const raw = lines.text.slice(lines.starts[from] ?? lines.text.length, to < lines.lines.length ? lines.starts[to] : lines.text.length);
  return {
    origin: { file: context.file, line: title + 1 },
    fields: { title: lines.lines[title].trim(), text },
    raw,
    canonical: true,
  };
}

/** The outlet the related blocks name most often (first named wins ties), canonicalized so aliases count together. */
function mostNamedOutlet(headers: Header[], context: ReaderContext): string | undefined {
  const counts = new Map<string, number>();
  for (const header of headers) {
    const name = context.canonicalOutlet(header.outlet);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [name, count] of counts) if (best === undefined || count > counts.get(best)!) best = name;
  return best;
}
