/**
 * Quote-mark scanning: finds every character that may be a quotation mark and decides, from
 * its neighbours alone, whether it can open a quote, close one, either, or is an apostrophe.
 * The pairing itself (a stack per paragraph) lives in quotes.ts; this file knows nothing of
 * pairing. Pure, no wink.
 *
 * Flanking follows the idea of CommonMark's delimiter runs: a mark can open when the next
 * character is not a space and the previous one is a space, the start, an opening bracket, a
 * dash or another quote mark; it can close when the previous character is not a space and the
 * next one is a space, the end, punctuation or another quote mark.
 */

/** Marks of one family pair with each other, whatever their curly/straight form. */
export type QuoteFamily = 'double' | 'single' | 'guillemet' | 'single-guillemet' | 'backtick';

/**
 * What a mark may do: `open`, `close`, `either` (symmetric straight marks whose flanking is
 * ambiguous: the stack decides), `apostrophe` (never a quote mark), `stray` (surrounded by
 * spaces: reported, not paired).
 */
export type MarkRole = 'open' | 'close' | 'either' | 'apostrophe' | 'stray';

export interface MarkCandidate {
  offset: number;
  /** The mark as written: one character, or two for `` and ''. */
  mark: string;
  family: QuoteFamily;
  role: MarkRole;
  /** For `close`/`either` single marks: looks like a plural possessive (`students' union`). */
  possessive: boolean;
}

const FAMILY: Record<string, QuoteFamily> = {
  '"': 'double', '“': 'double', '”': 'double', '„': 'double',
  "'": 'single', '‘': 'single', '’': 'single', '‚': 'single',
  '«': 'guillemet', '»': 'guillemet',
  '‹': 'single-guillemet', '›': 'single-guillemet',
};

const QUOTE_CHAR_PATTERN = /["'“”‘’„‚«»‹›`]/;

const isSpace = (c: string) => c === '' || /\s/.test(c);
const isWordChar = (c: string) => c !== '' && /[\p{L}\p{N}]/u.test(c);
const OPENING_PUNCT = new Set(['(', '[', '{', '—', '–', '-', '/', '`', ...Object.keys(FAMILY)]);
const CLOSING_PUNCT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '…', '—', '–', '-', '/', ...Object.keys(FAMILY)]);

/**
 * Elisions that start with an apostrophe and must not open a quote: decades ('90s), 'n' in
 * "rock 'n' roll", and old-fashioned clippings. Matched on the text right after the mark.
 */
const LEADING_ELISION = /^(?:\d\d(?:s|’s|'s)?\b|n['’]\s|em\b|til\b|tis\b|twas\b|cause\b|bout\b)/;

/** Reads the marks of `text` in order. */
export function scanQuoteMarks(text: string): MarkCandidate[] {
  const out: MarkCandidate[] = [];
  let sawBacktickOpen = false;
  const next = new RegExp(QUOTE_CHAR_PATTERN.source, 'g');
  for (let found = next.exec(text); found; found = next.exec(text)) {
    const i = found.index;
    const c = text[i];
    if (c === '`') {
      if (text[i + 1] === '`') {
        out.push({ offset: i, mark: '``', family: 'backtick', role: 'open', possessive: false });
        sawBacktickOpen = true;
        next.lastIndex = i + 2;
      }
      continue;
    }
    if ((c === "'" || c === '’' || c === '‘') && isAsciiWordCode(text.charCodeAt(i - 1)) && isAsciiWordCode(text.charCodeAt(i + 1))) {
      // The common case, decided without building neighbour strings: don't, Zelensky's.
      out.push({ offset: i, mark: c, family: 'single', role: 'apostrophe', possessive: false });
      continue;
    }
    const prev = i > 0 ? text[i - 1] : '';
    if (c === "'" && text[i + 1] === "'" && prev !== "'" && sawBacktickOpen) {
      // '' closes a ``-quote (LaTeX/PTB style); without an earlier `` it is two single marks.
      out.push({ offset: i, mark: "''", family: 'backtick', role: 'close', possessive: false });
      next.lastIndex = i + 2;
      continue;
    }
    const after = i + 1 < text.length ? text[i + 1] : '';
    out.push({ offset: i, mark: c, family: FAMILY[c], role: roleOf(c, prev, after, text, i), possessive: false });
    const last = out[out.length - 1];
    last.possessive = last.family === 'single' && (last.role === 'close' || last.role === 'either') && /[sS]/.test(prev) && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4));
  }
  return out;
}

/** ASCII letter or digit (NaN, past either end of the text, is not). */
function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function roleOf(c: string, prev: string, next: string, text: string, i: number): MarkRole {
  const canOpen = !isSpace(next) && (isSpace(prev) || OPENING_PUNCT.has(prev));
  const canClose = !isSpace(prev) && (isSpace(next) || CLOSING_PUNCT.has(next));
  switch (c) {
    case "'":
    case '’':
    case '‘': {
      if (isWordChar(prev) && isWordChar(next)) return 'apostrophe'; // don't, Zelensky's, l'Europe
      if (canOpen && !canClose && LEADING_ELISION.test(text.slice(i + 1, i + 6))) return 'apostrophe';
      if (canClose && /(?:^|\s)['’‘]n$/.test(text.slice(Math.max(0, i - 3), i))) return 'apostrophe'; // rock 'n' roll
      // Right after a letter a straight mark closes or is an apostrophe, never opens ("the teachers'(and parents') votes").
      if (c === "'" && isWordChar(prev)) return 'close';
      if (c === '’') return canClose ? 'close' : canOpen ? 'apostrophe' : 'stray';
      if (c === '‘') return canOpen ? 'open' : canClose ? 'close' : 'stray';
      return symmetric(canOpen, canClose, prev, next);
    }
    case '"':
      return symmetric(canOpen, canClose, prev, next);
    case '“':
      // Opens in English; closes German „…“ and sloppy “…“ (quotes.ts decides from the stack).
      return canClose && !canOpen ? 'either' : 'open';
    case '„':
    case '‚':
      return 'open';
    case '”':
      return canOpen && !canClose ? 'either' : 'close';
    default:
      // Guillemets point both ways («…» and »…«): the stack decides.
      return 'either';
  }
}

function symmetric(canOpen: boolean, canClose: boolean, prev: string, next: string): MarkRole {
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  if (isSpace(prev) && isSpace(next)) return 'stray';
  return 'either';
}
