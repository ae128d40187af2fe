/**
 * Paragraph splitting, shared by the text layer (analyze.ts) and the quote parser (quotes.ts).
 * A paragraph ends at a blank line; text without any blank line is split at single newlines
 * (feeds that put one paragraph per line). Spans are trimmed of surrounding whitespace, so
 * together the paragraphs cover every non-space character of the text, in order.
 */
import type { Paragraph } from './types.js';

const BLANK_LINE = /\n[^\S\n]*\n/;

/** Splits `text` into paragraphs (empty text → no paragraphs). */
export function splitParagraphs(text: string): Paragraph[] {
  const separator = BLANK_LINE.test(text) ? /\n[^\S\n]*\n\s*/g : /\n\s*/g;
  const paragraphs: Paragraph[] = [];
  let blockStart = 0;
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) paragraphs.push({ start, end });
  };
  for (const match of text.matchAll(separator)) {
    const at = match.index ?? 0;
    push(blockStart, at);
    blockStart = at + match[0].length;
  }
  push(blockStart, text.length);
  return paragraphs;
}
