/**
 * Step 3 of extraction: the content of a cue and the attribution kind. A quote next to the cue
 * is the content ("Macron said: '…'", "'…,' Macron said"); otherwise the clause after the cue
 * ("said that …", PolNeAR keeps "that" in the content), or before it when the cue closes the
 * sentence ("…, he said." / "…, according to Yonhap") or what follows it only says why the source
 * goes unnamed ("…, the official said on condition of anonymity": anonymity.ts).
 */
import type { Token } from '../../src/text/types.js';
import type { AttributionKind } from './types.js';
import { anonymityClauseAt } from './anonymity.js';

/** A quote as character offsets: inner content and outer (with marks). */
export interface QuoteSpan {
  start: number;
  end: number;
  outerStart: number;
  outerEnd: number;
}

export interface ContentRange {
  start: number;
  end: number;
  kind: AttributionKind;
}

type Tok = Pick<Token, 'start' | 'end' | 'text' | 'lemma' | 'pos'>;

const TRAILING = /^[.,;:!?]$/;
const ACCORDING = /^(according|citing|per)$/i;

const GLUE = /^[ \t\u00a0,:;—–-]*$/;
/** The first characters GLUE allows (space, tab, no-break space , : ; — – -). */
const isGlue = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 44 || c === 58 || c === 59 || c === 0x2014 || c === 0x2013 || c === 45;
/**
 * Characters between two offsets contain only spaces and the given punctuation. Every cue asks
 * this of every quote of the article, mostly far away: the first character settles most cases
 * without slicing the text between.
 */
const onlyGlue = (text: string, from: number, to: number) => from <= to && (from === to || from >= text.length || isGlue(text.charCodeAt(from))) && GLUE.test(text.slice(from, to));
/**
 * What may stand between a cue and the quote it introduces: an addressee and a colon ("told the
 * Klaxon: "), or a colon and a paragraph break. Such a gap starts with a space, a tab or the colon.
 */
const introduces = (text: string, from: number, to: number) => {
  if (from > to) return false;
  if (onlyGlue(text, from, to)) return true;
  const c = text.charCodeAt(from);
  return (c === 32 || c === 9 || c === 58) && /^(?:[ \t][^"“”‘’«».!?\n]{0,40})?:\s*$/.test(text.slice(from, to));
};

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The first offset from `from` on whose character `test` fails (Infinity when the text ends first: a slice past the end is cut there). */
function runEnd(text: string, from: number, test: (c: number) => boolean): number {
  let k = from;
  while (k < text.length && test(text.charCodeAt(k))) k++;
  return k >= text.length ? Infinity : k;
}

/**
 * The furthest offset a quote may open at to be introduced from `from` (introduces): past a run
 * of glue, or past a colon within the addressee's reach and the spaces after it. Every cue asks
 * introduces of every quote of the article, and a yes needs the text between to be one of these:
 * the quotes beyond are passed over without slicing the text up to them.
 */
function introducedReach(text: string, from: number): number {
  let reach = runEnd(text, from, isGlue);
  // A colon at most 41 characters on (a space or tab and up to 40 characters of addressee before it).
  for (let c = from; c < text.length && c <= from + 41; c++) if (text.charCodeAt(c) === 58) reach = Math.max(reach, runEnd(text, c + 1, isSpace));
  return reach;
}

/** The nearest offset a quote may close at to stand right before `to` (onlyGlue up to `to`): the start of the glue run ending there. */
function glueStart(text: string, to: number): number {
  let k = Math.min(to, text.length);
  while (k > 0 && isGlue(text.charCodeAt(k - 1))) k--;
  return k;
}

function kindOf(text: string, start: number, end: number, quotes: readonly QuoteSpan[], cueWord: string): AttributionKind {
  const inside = quotes.filter((q) => q.start >= start - 1 && q.end <= end + 1);
  const whole = inside.some((q) => q.start <= start + 1 && q.end >= end - 2);
  if (whole) return 'direct';
  if (ACCORDING.test(cueWord) || /quoted|cited/.test(cueWord)) return 'according-to';
  return inside.length ? 'mixed' : 'indirect';
}

/** Whether a phrase of anonymity starts at token `from`, or after a short addressee there ("told Politico on condition of anonymity"). */
function anonymityAfterAddressee(text: string, tokens: readonly Tok[], from: number, lastWord: number): boolean {
  for (let k = from; k <= lastWord && k <= from + 4; k++) {
    if (anonymityClauseAt(text, tokens[k].start)) return true;
    if (!['PROPN', 'DET', 'NOUN'].includes(tokens[k].pos)) return false;
  }
  return false;
}

export function findContent(
  text: string,
  tokens: readonly Tok[],
  quotes: readonly QuoteSpan[],
  cue: { tokenStart: number; tokenEnd: number },
  source: { tokenStart: number; tokenEnd: number } | null,
  s0: number,
  s1: number,
): ContentRange | null {
  const cueStart = tokens[cue.tokenStart].start;
  const cueEnd = tokens[cue.tokenEnd - 1].end;
  const cueWord = tokens[cue.tokenStart].text;
  // Only a source next to the cue frames it ("'…,' Macron said"); a far one (same speaker as an
  // earlier cue in the sentence) does not.
  const adjacent = source && source.tokenEnd <= cue.tokenStart && cue.tokenStart - source.tokenEnd <= 3;
  const left = adjacent ? tokens[source.tokenStart].start : cueStart;
  const right = Math.max(cueEnd, source ? tokens[source.tokenEnd - 1].end : cueEnd);
  const make = (start: number, end: number): ContentRange | null =>
    end > start ? { start, end, kind: kindOf(text, start, end, quotes, cueWord) } : null;

  // A quote right after the cue or its source ("said: '…'"), or right before ("'…,' he said").
  // Both look-ups ask their exact question only of the quotes that can answer yes (introducedReach, glueStart).
  const reach = introducedReach(text, right);
  const after = quotes.find((q) => q.outerStart >= right && q.outerStart <= reach && introduces(text, right, q.outerStart));
  if (after) return make(after.start, after.end);
  const glued = glueStart(text, left);
  const before = quotes.find(
    (q) => q.outerEnd >= glued && q.outerEnd <= left && (onlyGlue(text, q.outerEnd, left) || (q.end <= left && onlyGlue(text, q.end, q.outerEnd) && onlyGlue(text, q.outerEnd, left))),
  );
  if (before) return make(before.start, before.end);

  let lastWord = s1 - 1;
  while (lastWord > s0 && TRAILING.test(tokens[lastWord].text)) lastWord--;
  const firstAfter = Math.max(cue.tokenEnd, source && source.tokenStart >= cue.tokenEnd ? source.tokenEnd : cue.tokenEnd);
  // Clause after the cue; skip an addressee ("told reporters that") up to "that" when close.
  let from = firstAfter;
  while (from <= lastWord && TRAILING.test(tokens[from].text)) from++;
  for (let k = from; k <= Math.min(lastWord, from + 4); k++) {
    if (tokens[k].lemma === 'that') {
      from = k;
      break;
    }
  }
  // "… Tkachenko told The Times.": a short addressee closing the sentence is not the content.
  const addresseeOnly = lastWord - from < 5 && tokens.slice(from, lastWord + 1).every((t) => ['PROPN', 'DET', 'NOUN', 'ADJ', 'PRON'].includes(t.pos));
  // "…, the official said on condition of anonymity", "according to an official, who spoke on condition of
  // anonymity": that note on the source is not what was said
  const anonymityNote = from <= lastWord && anonymityAfterAddressee(text, tokens, from, lastWord);
  if (from <= lastWord && lastWord - from >= 1 && !addresseeOnly && !anonymityNote) return make(tokens[from].start, tokens[lastWord].end);
  if (anonymityNote) {
    // "… said on condition of anonymity that the talks had failed": the content is the "that" clause after the note
    const that = tokens.findIndex((t, k) => k > from && k < lastWord && t.lemma === 'that' && t.text === 'that');
    if (that > 0) return make(tokens[that].start, tokens[lastWord].end);
    // "According to an official who spoke on condition of anonymity, the plan was dropped": nothing before, the clause after the note
    const opening = (source && source.tokenStart < cue.tokenStart ? source.tokenStart : cue.tokenStart) <= s0 + 1;
    const comma = opening ? tokens.findIndex((t, k) => k > from && k < lastWord && t.text === ',') : -1;
    if (comma > 0) return make(tokens[comma + 1].start, tokens[lastWord].end);
  }
  // The cue closes the sentence: content is what comes before its source.
  const leftToken = source && source.tokenStart < cue.tokenStart ? source.tokenStart : cue.tokenStart;
  let to = leftToken - 1;
  while (to >= s0 && TRAILING.test(tokens[to].text)) to--;
  if (to > s0) return make(tokens[s0].start, tokens[to].end);
  return null;
}
