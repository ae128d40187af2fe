/**
 * Quotes for content finding: the text layer's top-level quotes when it found any, else quote
 * runs read off the tokens (the same rule the cue features use), so extraction works on any
 * AnalyzedDoc.
 */
import type { AnalyzedDoc } from '../../src/text/types.js';
import { insideQuotes, isQuoteMark } from './cue-features.js';
import type { QuoteSpan } from './find-content.js';

export function quoteSpans(doc: AnalyzedDoc): QuoteSpan[] {
  if (doc.quotes.length) {
    return doc.quotes.filter((q) => q.depth === 0).map((q) => ({ start: q.start, end: q.end, outerStart: q.outerStart, outerEnd: q.outerEnd }));
  }
  const { tokens } = doc;
  const inside = insideQuotes(tokens, doc.article.text);
  const spans: QuoteSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!inside[i] || (i > 0 && inside[i - 1])) continue;
    let j = i;
    while (j + 1 < tokens.length && inside[j + 1]) j++;
    const open = i > 0 && isQuoteMark(tokens[i - 1].text) ? tokens[i - 1] : tokens[i];
    const close = j + 1 < tokens.length && isQuoteMark(tokens[j + 1].text) ? tokens[j + 1] : tokens[j];
    spans.push({ start: tokens[i].start, end: tokens[j].end, outerStart: open.start, outerEnd: close.end });
    i = j;
  }
  return spans;
}
