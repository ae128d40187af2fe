/**
 * Whole-sentence or embedded? Decides `Quote.embedded` from the quote's content and the
 * characters around its marks. Pure; used by quotes.ts after pairing.
 *
 * The rule. A quote is NOT embedded (it is a whole sentence or more) when any of these holds:
 *   A. its content holds two sentences or more (terminal punctuation, a space, a capital);
 *   B. its content starts with a capital (or digit) and ends with terminal punctuation (. ! ? …),
 *      and the quote opens its sentence, or follows an introducing colon or comma, or has
 *      four words or more and ends its sentence ("He called it 'The end of an era.'" counts);
 *   C. it follows an introducing colon or comma and its content ends with terminal punctuation
 *      (`stating, 'we had objected…'.` even with a lower-case start);
 *   D. it opens its sentence, starts with a capital, has three words or more and is cut off by
 *      the attribution: its content ends with a comma or dash, or punctuation follows the
 *      closing mark (`'It was clear from the beginning that…,' the minister said.`).
 * Everything else is embedded: the writer built the sentence around a fragment
 * (`a 'major crime'`, `at an 'advanced stage.'`, `'impossible without the city government,'`).
 */

export interface QuoteContext {
  text: string;
  outerStart: number;
  outerEnd: number;
  start: number;
  end: number;
  words: number;
  /** Start of the paragraph holding the opening mark. */
  paragraphStart: number;
  /** Start of the sentence holding the opening mark, when sentences are known. */
  sentenceStart?: number;
}

const TERMINAL = /[.!?…]/;
const OPENERS_TO_SKIP = /[\s(\[{—–\-"'“”‘’«»‹›„‚`]/;
/** One character of the closing run stripped from a quote's end (spaces, brackets, quote marks). */
const TRAILING_CLOSER = /[\s)\]}"'“”‘’«»‹›`]/;

export function isEmbedded(q: QuoteContext): boolean {
  const content = q.text.slice(q.start, q.end).trim();
  const core = withoutTrailingClosers(content);
  const first = /[\p{L}\p{N}]/u.exec(content)?.[0] ?? '';
  const startsCapital = first !== '' && (/\p{Lu}/u.test(first) || /\p{N}/u.test(first));
  const endsTerminal = TERMINAL.test(core.slice(-1));
  const endsCut = /[,;:—–-]$/.test(core);
  const opens = opensSentence(q);
  const before = previousChar(q.text, q.outerStart, q.paragraphStart);
  const introduced = before === ':' || before === ',';
  const after = nextChar(q.text, q.outerEnd);

  if (/[.!?…]["'”’»)]*\s+["'“‘«]?\p{Lu}/u.test(core)) return false; // A
  if (startsCapital && endsTerminal && (opens || introduced || (q.words >= 4 && closesSentence(after)))) return false; // B
  if (introduced && endsTerminal) return false; // C
  if (opens && startsCapital && q.words >= 3 && (endsCut || /[,.;!?—–]/.test(after))) return false; // D
  return true;
}

/**
 * `content` without its final run of spaces, brackets and quote marks. Walked back character by
 * character: the regex `[…]+$` tries every start position, and so rescans every space of a long
 * quote, for the one run at its end.
 */
export function withoutTrailingClosers(content: string): string {
  let end = content.length;
  while (end > 0 && TRAILING_CLOSER.test(content[end - 1])) end--;
  return end === content.length ? content : content.slice(0, end);
}

/** Only spaces, brackets, dashes or other opening marks between the sentence start and the mark. */
function opensSentence(q: QuoteContext): boolean {
  if (q.sentenceStart !== undefined && q.sentenceStart >= q.outerStart) return true;
  let i = q.outerStart - 1;
  while (i >= q.paragraphStart && OPENERS_TO_SKIP.test(q.text[i])) i--;
  if (i < q.paragraphStart) return true;
  return TERMINAL.test(q.text[i]);
}

function previousChar(text: string, offset: number, floor: number): string {
  let i = offset - 1;
  while (i >= floor && /\s/.test(text[i])) i--;
  return i >= floor ? text[i] : '';
}

function nextChar(text: string, offset: number): string {
  let i = offset;
  while (i < text.length && text[i] === ' ') i++;
  return i < text.length ? text[i] : '';
}

function closesSentence(after: string): boolean {
  return after === '' || /[\n.!?…"'“‘«\p{Lu}]/u.test(after);
}
