/**
 * Lines written in title case: headlines, headings and captions that a scraped article keeps in
 * its text ("Listen To Morning Edition's Story On Texas Filibuster", "Subscribe to the Big Story
 * Newsletter"). There every word is capitalised, so a run of capitalised words is no evidence of a
 * name: the mention finder (mentions.ts) keeps a run found there only where the article names the
 * same words in its ordinary lines. Asked per token in text order, answered per line (the last
 * line's answer is kept), from the line's tokens.
 */
import type { Token } from './types.js';

/**
 * Function words title case capitalises and running text does not, inside a sentence ("Listen To
 * Morning Edition's Story On Texas", "Activists Refuse To Pay Rent As New York Struggles"). Not
 * "The", "A", "An", which open names in running text ("The Associated Press"), nor "May", "Will",
 * "US", "I", which name, abbreviate or stand alone there too.
 */
const FUNCTION_WORDS = new Set([
  'to', 'on', 'in', 'at', 'for', 'with', 'from', 'by', 'of', 'and', 'or', 'but', 'as', 'than', 'into', 'over', 'after',
  'about', 'up', 'out', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'our', 'your', 'my',
  'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'what', 'why', 'how', 'when', 'who', 'can', 'could', 'should', 'would',
]);
/** Marks after which any word is capitalised: a sentence end, a colon, an opening quote or bracket, a dash, a dateline's "(CNN)". */
const OPENS_AFTER = new Set(['.', '?', '!', ':', ';', '"', '“', '‘', "'", '(', '[', ')', '—', '–', '-', '--', '•', '*']);
/** Content words capitalised per content word in lower case, at least ("most words are capitalised"). */
const MIN_CAPITAL_RATIO = 3;
/**
 * Content words a title-case line holds at most: headlines and headings are short, while a scraped
 * photo gallery run into one line ("Photos: … – Ten leaders … met with President John F. Kennedy,
 * Vice President Lyndon B. Johnson, …") is running text crowded with names and captions.
 */
const MAX_WORDS = 40;
/** Characters such a line holds at most (40 content words and their stop words): longer lines are answered without reading their tokens. */
const MAX_LINE_CHARS = 600;

export class TitleCaseLines {
  /** The last line asked about, `[start, end)` in characters, and its answer: mentions come in text order. */
  private lineStart = -1;
  private lineEnd = -1;
  private answer = false;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  /** Whether token `i` lies in a line written in title case. */
  has(i: number): boolean {
    const { tokens, text } = this;
    const at = tokens[i].start;
    if (at >= this.lineStart && at < this.lineEnd) return this.answer;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = text.indexOf('\n', tokens[i].end);
    if (lineEnd < 0) lineEnd = text.length;
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.answer = false;
    if (lineEnd - lineStart > MAX_LINE_CHARS) return false;
    let first = i;
    while (first > 0 && tokens[first - 1].start >= lineStart) first--;
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1].end <= lineEnd) last++;
    this.answer = titleCase(tokens, first, last + 1);
    return this.answer;
  }
}

/**
 * Whether tokens `[from, to)` (one line) are in title case: most content words capitalised, and a
 * function word capitalised inside a sentence ("To", "On", "Our"). A sentence crowded with names and
 * titles ("Sen. Ada Vorkosigan (D-NY) told Kestria Today") or a list of credits ("AP writers Erika
 * Kinetz in Rieti, Italy, …") capitalises no function word.
 */
function titleCase(tokens: readonly Token[], from: number, to: number): boolean {
  let capitals = 0;
  let lower = 0;
  let styled = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.type !== 'word') continue;
    if (!styled && k > from && FUNCTION_WORDS.has(t.norm) && /^\p{Lu}\p{Ll}/u.test(t.text) && !OPENS_AFTER.has(tokens[k - 1].text)) styled = true;
    if (t.stop) continue;
    const c = t.text.charCodeAt(0);
    if (c >= 65 && c <= 90) capitals++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c > 127 && /^\p{Lu}/u.test(t.text)) capitals++;
    else if (c > 127 && /^\p{Ll}/u.test(t.text)) lower++;
    // a paragraph, not a heading: most lines of an article end here
    if (capitals + lower > MAX_WORDS) return false;
  }
  return styled && capitals >= MIN_CAPITAL_RATIO * Math.max(1, lower);
}
