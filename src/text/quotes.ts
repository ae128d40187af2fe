/**
 * The quotation parser: pairs the marks found by quote-marks.ts into Quotes, paragraph by
 * paragraph, with one stack of open quotes. Pure (no wink); analyze.ts calls it with wink's
 * sentences, and it works on bare text too.
 *
 * 1. scan: every mark gets a role from its neighbours (open / close / either / apostrophe / stray)
 * 2. pair: an opener is pushed; a closer closes the innermost open quote of its family
 *    (curly and straight forms of one family pair: ‘at war' is a quote); quotes left open
 *    inside it are reported. A single closer with nothing to close after a letter is an
 *    apostrophe (students' union, goin'), not an issue.
 * 3. paragraphs: at a paragraph end, a quote still open continues only when the next paragraph
 *    starts with an opening mark of its family (the multi-paragraph convention); otherwise it
 *    is reported as unclosed and dropped, so it never swallows the rest of the article.
 * 4. shape: word count, sentence of the opening mark, embedded or whole (quote-shape.ts).
 */
import * as msg from './messages.js';
import { splitParagraphs } from './paragraphs.js';
import { scanQuoteMarks, type MarkCandidate } from './quote-marks.js';
import { isEmbedded } from './quote-shape.js';
import type { Paragraph, Quote, QuoteIssue, Sentence } from './types.js';

export interface QuoteResult {
  quotes: Quote[];
  issues: QuoteIssue[];
}

interface Frame {
  open: MarkCandidate;
  paragraphs: number;
}

/** Which closing marks end a quote opened by a given mark. */
const CLOSERS: Record<string, readonly string[]> = {
  '"': ['"', '”', '“'], '“': ['"', '”', '“'], '„': ['"', '”', '“'], '”': ['"', '”', '“'],
  "'": ["'", '’', '‘'], '‘': ["'", '’', '‘'], '‚': ["'", '’', '‘'],
  '«': ['»'], '»': ['«'], '‹': ['›'], '›': ['‹'],
  '``': ["''"],
};

const closes = (frame: Frame, mark: string) => CLOSERS[frame.open.mark]?.includes(mark) ?? false;

/** Letters and digits outside ASCII, tested one code point at a time. */
const NON_ASCII_WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Length in UTF-16 units of the letter or digit at `i` (2 for an astral one), or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  const width = cp > 0xffff ? 2 : 1;
  return NON_ASCII_WORD_CHAR.test(text.slice(i, i + width)) ? width : 0;
}

/** Apostrophes, hyphen and full stop join letter runs into one word ("don't", "e-mail", "U.S"). */
const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2e;

/**
 * Number of words in a piece of text (letters/digits runs; don't and e-mail count once): the
 * matches of /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*\/gu, counted by a scanner that builds no
 * match objects (this runs on every quote).
 */
export function countWords(text: string): number {
  let n = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const width = wordCharAt(text, i);
    if (!width) {
      i++;
      continue;
    }
    // One word: letter runs joined by single joiners, each followed by a letter.
    i += width;
    for (;;) {
      const more = i < length ? wordCharAt(text, i) : 0;
      if (more) {
        i += more;
        continue;
      }
      if (i + 1 < length && isJoiner(text.charCodeAt(i)) && wordCharAt(text, i + 1)) {
        i++;
        continue;
      }
      break;
    }
    n++;
  }
  return n;
}

/**
 * Finds the quotations in `text`.
 * @param sentences wink sentences (from analyze.ts); without them `Quote.sentence` is -1 and
 *   "opens its sentence" is judged from the punctuation before the mark.
 * @param paragraphs paragraph spans; default `splitParagraphs(text)`.
 */
export function findQuotes(text: string, sentences?: readonly Sentence[], paragraphs?: readonly Paragraph[]): QuoteResult {
  const paras = paragraphs ?? splitParagraphs(text);
  const marks = scanQuoteMarks(text);
  const quotes: Quote[] = [];
  const issues: QuoteIssue[] = [];
  let stack: Frame[] = [];
  let p = paras.length ? 0 : -1;

  const report = (mark: MarkCandidate, message: msg.Message) =>
    issues.push({ offset: mark.offset, mark: mark.mark, reason: message.reason, ruleId: message.ruleId });
  const abandon = (frames: Frame[], outer?: Frame) => {
    for (const f of frames) report(f.open, outer ? msg.unclosedInnerQuote(f.open.mark, outer.open.mark) : msg.unclosedQuote(f.open.mark));
  };
  const emit = (depth: number, frame: Frame, close: MarkCandidate) => {
    const start = frame.open.offset + frame.open.mark.length;
    const end = close.offset;
    if (!hasWordChar(text, start, end)) {
      // '' or " ": a pair around nothing quotes nothing; report both marks
      report(frame.open, msg.emptyQuote(frame.open.mark + close.mark));
      report(close, msg.emptyQuote(frame.open.mark + close.mark));
      return;
    }
    const content = text.slice(start, end);
    quotes.push({
      start, end, text: content,
      outerStart: frame.open.offset, outerEnd: close.offset + close.mark.length,
      open: frame.open.mark, close: close.mark,
      words: countWords(content),
      sentence: -1, embedded: true, depth, paragraphs: frame.paragraphs,
    });
  };
  const closeAt = (j: number, close: MarkCandidate) => {
    abandon(stack.slice(j + 1), stack[j]);
    emit(j, stack[j], close);
    stack = stack.slice(0, j);
  };
  const innermost = (mark: string) => {
    for (let j = stack.length - 1; j >= 0; j--) if (closes(stack[j], mark)) return j;
    return -1;
  };

  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k];
    // Paragraph boundaries crossed since the previous mark.
    let reopened = false;
    while (p + 1 < paras.length && mark.offset >= paras[p + 1].start) {
      p++;
      if (!stack.length) continue;
      const here = mark.offset < (paras[p + 1]?.start ?? Infinity);
      if (here && mark.offset === paras[p].start && reopens(stack[0], mark)) {
        abandon(stack.slice(1), stack[0]);
        stack = [stack[0]];
        stack[0].paragraphs++;
        reopened = true;
      } else {
        abandon(stack);
        stack = [];
      }
    }
    if (reopened) continue;

    switch (mark.role) {
      case 'apostrophe':
        break;
      case 'stray':
        report(mark, msg.strayMark(mark.mark));
        break;
      case 'open':
        stack.push({ open: mark, paragraphs: 1 });
        break;
      case 'close': {
        const j = innermost(mark.mark);
        if (j >= 0) {
          if (mark.possessive && laterCloserInParagraph(marks, k, paras[p]?.end ?? text.length)) break;
          closeAt(j, mark);
        } else if (!(mark.family === 'single' && /[\p{L}\p{N}]/u.test(text[mark.offset - 1] ?? ''))) {
          report(mark, msg.unmatchedClose(mark.mark));
        }
        break;
      }
      case 'either': {
        const j = innermost(mark.mark);
        if (j >= 0 && !(mark.possessive && laterCloserInParagraph(marks, k, paras[p]?.end ?? text.length))) closeAt(j, mark);
        else stack.push({ open: mark, paragraphs: 1 });
        break;
      }
    }
  }
  abandon(stack);

  quotes.sort((a, b) => a.outerStart - b.outerStart || b.outerEnd - a.outerEnd);
  issues.sort((a, b) => a.offset - b.offset);
  // Quotes, paragraphs and sentences are all in text order: one forward walk finds each quote's
  // paragraph and sentence (the last one starting at or before its opening mark).
  let para = -1;
  let s = sentences?.length ? 0 : -1;
  for (const q of quotes) {
    while (para + 1 < paras.length && paras[para + 1].start <= q.outerStart) para++;
    if (sentences) while (s + 1 < sentences.length && sentences[s + 1].start <= q.outerStart) s++;
    q.sentence = s;
    q.embedded = isEmbedded({
      text, outerStart: q.outerStart, outerEnd: q.outerEnd, start: q.start, end: q.end, words: q.words,
      paragraphStart: para >= 0 ? paras[para].start : 0,
      sentenceStart: s >= 0 ? sentences![s].start : undefined,
    });
  }
  return { quotes, issues };
}

/** Some letter or digit in `text[from, to)`. */
function hasWordChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (wordCharAt(text, i)) return true;
  return false;
}

/** A paragraph-opening mark continues a quote when it could open a quote of the same family. */
function reopens(frame: Frame, mark: MarkCandidate): boolean {
  if (mark.role !== 'open' && mark.role !== 'either') return false;
  if (mark.family !== frame.open.family) return false;
  // Guillemets reopen with the same direction as the original opener.
  return mark.family === 'guillemet' || mark.family === 'single-guillemet' ? mark.mark === frame.open.mark : true;
}

/**
 * `'The students' union is shut,' she said`: a possessive-looking closer is an apostrophe
 * when another single closer follows in the paragraph before any new single opener.
 */
function laterCloserInParagraph(marks: readonly MarkCandidate[], k: number, paragraphEnd: number): boolean {
  for (let i = k + 1; i < marks.length && marks[i].offset < paragraphEnd; i++) {
    const m = marks[i];
    if (m.family !== 'single') continue;
    if (m.role === 'open') return false;
    if (m.role === 'close' || m.role === 'either') return true;
  }
  return false;
}
