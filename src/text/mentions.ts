/**
 * Name mentions. wink's lite model has no PERSON/ORG entities, so mentions are built from
 * structure, in analyze.ts after tokens and sentences:
 *
 * 1. media: known outlet names and aliases (media-names.ts) are matched first.
 * 2. runs: maximal runs of capitalised tokens holding a proper noun, inside one sentence and
 *    line, joined by name connectors (of, de, al-, von, …) and glued hyphens; a run of day and
 *    month names only is a date, not a name, and a weekday opening a run is left out ("on Tuesday
 *    Whitmer said"). In a line written in title case (a headline, title-case-lines.ts) a run keeps
 *    only the words the article names in its ordinary lines (2b).
 * 3. titles: a run's leading title words ("German Foreign Minister" in "German Foreign Minister
 *    Johann Wadephul") or lower-case title words just before it ("former", "city military
 *    administration head") become the mention's title; the rest is the name.
 * 4. possessive organisations: "Seoul's foreign ministry" (name + 's + lower-case words ending
 *    in an organisation head).
 * 5. types, from data/lexicons/titles.json cues: title or honorific → person; head noun →
 *    organization / media / place / unknown; listed country or capital, or a place word opening
 *    the name ("Port X") → place; acronym → organization; an institution's head ending a longer
 *    name ("Mount Sinai Hospital") → organization; two to four title-case words → person, unless
 *    the last is an ordinary plural or a noun the article writes in lower case ("Senate Democrats",
 *    "New York State"); else unknown. Not names (name-evidence.ts): a one-word name opening a
 *    sentence that is an ordinary word ("Officials said", "Security was tight": never capitalised
 *    elsewhere in the article, and a common word in wink's lexicon or written in lower case
 *    elsewhere; not when it speaks: "Trump said"), and demonyms ("Ukrainian", "Venezuelan",
 *    "Kestrian" beside "Kestria"; not a person's surname).
 * 6. glued words: a run across a seam that scraping left between a name card and the next
 *    headline ("… Joseph HaleGOP senators") ends at the seam, keyed by the card's full name
 *    (glued-names.ts).
 * 7. keys: a one-word mention matching the last word of a longer person name in the document
 *    takes that name as key ("Lavrov" → "Sergey Lavrov"); aliases.ts does the same corpus-wide.
 * 8. places: a one-word name still untyped that the article puts in a place context once ("in X",
 *    "near X", "the mayor of X", "X's residents", "the capital, X") is a place throughout the
 *    article; aliases.ts carries that across the corpus.
 */
import type { Span } from '../corpus/article.js';
import { span } from '../corpus/article.js';
import { CALENDAR_WORDS } from './calendar-words.js';
import { gluePoints, nameBeforeSeam } from './glued-names.js';
import { mediaMatcher } from './media-names.js';
import { mentionCues, type MentionCues } from './mention-cues.js';
import { isCommonWord } from './common-words.js';
import { NameEvidence, ordinaryPlural } from './name-evidence.js';
import { TitleCaseLines } from './title-case-lines.js';
import type { Mention, MentionType, Token } from './types.js';

export interface MentionOptions {
  /** The corpus's own outlet names, recognised as media on top of outlets.json. Default none. */
  outlets?: readonly string[];
  /** Cue sets; default from data/lexicons/titles.json. */
  cues?: MentionCues;
}

const CONNECTORS = new Set(['of', 'de', 'da', 'del', 'della', 'di', 'du', 'des', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'le', 'la']);
const NAME_POS = new Set(['NOUN', 'ADJ', 'X', 'NUM']);
/**
 * A run of day and month names only ("on Monday", "in June") is a date, not a name; "May" alone
 * is as often a surname and stays. A name that starts with one ("June Carter") is a longer run.
 */
const isDateRun = (lowerRun: readonly string[]) => lowerRun.every((w) => w !== 'may' && CALENDAR_WORDS.has(w));
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** Day names (those calendar words ending in "day"; no month does). */
const WEEKDAYS: ReadonlySet<string> = new Set([...CALENDAR_WORDS].filter((w) => w.endsWith('day')));

/** Upper-case first letter; ASCII decided by code because this runs on every token. */
const isCapitalised = (t: Token) => {
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^[\p{Lu}\p{Lt}]/u.test(t.text);
};
const isAllCaps = (t: Token) => {
  const s = t.text;
  if (s.length < 2 || s === t.norm) return false;
  const second = s.charCodeAt(1);
  if (second >= 97 && second <= 122) return false; // "Putin": a lower-case ASCII letter, without upper-casing the word
  return s.toUpperCase() === s && /^\p{Lu}[\p{Lu}\p{N}.&-]+$/u.test(s);
};
/** Lower case without a final full stop ("Mr." → "mr"): wink's normal form, which is lower case. */
const bare = (t: Token) => (t.norm.endsWith('.') ? t.norm.slice(0, -1) : t.norm);

/**
 * Where mentions can start, gathered while tokens are built (analyze.ts) so finding mentions
 * does not walk every token again: capitalised tokens, and where a media name may start
 * (capitalised, a number, or after "the"). Both ascending token indexes.
 */
export interface MentionHints {
  capitals: number[];
  starts: number[];
}

export interface MentionInput {
  tokens: readonly Token[];
  text: string;
  hints?: MentionHints;
}

/** Adds token `i` to the hints (tokens must be added in order). */
export function addMentionHint(hints: MentionHints, tokens: readonly Token[], i: number): void {
  const t = tokens[i];
  const capital = isCapitalised(t);
  if (capital) hints.capitals.push(i);
  if (capital || t.type === 'number' || (i > 0 && tokens[i - 1].norm === 'the')) hints.starts.push(i);
}

function mentionHints(tokens: readonly Token[]): MentionHints {
  const hints: MentionHints = { capitals: [], starts: [] };
  for (let i = 0; i < tokens.length; i++) addMentionHint(hints, tokens, i);
  return hints;
}

/** Finds the name mentions among a document's tokens. */
export function findMentions(doc: MentionInput, options: MentionOptions = {}): Mention[] {
  const { tokens, text } = doc;
  const cues = options.cues ?? mentionCues();
  const mentions: Mention[] = [];
  const { capitals, starts } = doc.hints ?? mentionHints(tokens);
  // Per-token flags in one scratch buffer reused across documents (allocating typed arrays per document costs more than the search)
  const flags = scratchFlags(tokens.length);
  for (const i of capitals) flags[i] = CAPITAL;

  // 1. media names
  // every match, longest first at each start: "the Times" (rejected: lower-case) leaves room for "Times"
  const media = mediaMatcher(options.outlets).match({ tokens: tokens as Token[], article: { id: '', outlet: '', title: '', text } }, { overlaps: 'all', starts });
  for (const m of media) {
    const entry = m.entry as { canonical?: string; needsThe?: boolean; corpusOnly?: boolean };
    if (anyTaken(flags, m.tokenStart, m.tokenEnd)) continue;
    if (entry.needsThe && !(m.tokenStart > 0 && tokens[m.tokenStart - 1].norm === 'the')) continue;
    const first = tokens[m.tokenStart];
    if (m.entry.case !== 'sensitive' && !isCapitalised(first) && !/\d/.test(first.text[0])) continue;
    if (entry.corpusOnly && personNamedAsOutlet(tokens, m.tokenStart, m.tokenEnd, capitals, cues)) continue;
    for (let i = m.tokenStart; i < m.tokenEnd; i++) flags[i] |= TAKEN;
    mentions.push(makeMention(text, tokens, m.tokenStart, m.tokenEnd, m.tokenStart, undefined, 'media', entry.canonical ?? m.text));
  }

  const mediaCount = mentions.length;
  const evidence = new NameEvidence(tokens, text, capitals);

  // 2–5. capitalised runs
  // Capitalised nouns, adjectives and proper nouns; a capitalised adverb or verb ("Later", "Try") opens a sentence, not a name.
  const candidate = (i: number) => {
    const t = tokens[i];
    if (flags[i] !== CAPITAL || t.type !== 'word') return false;
    if (t.pos === 'PROPN' || isAllCaps(t)) return true;
    return !t.stop && (NAME_POS.has(t.pos) || cues.titles.has(bare(t)) || cues.honorifics.has(bare(t)));
  };
  const joined = (a: number, b: number) => {
    if (tokens[a].sentence !== tokens[b].sentence) return false;
    for (let k = tokens[a].end; k < tokens[b].start; k++) if (text.charCodeAt(k) === 10) return false;
    return true;
  };
  let free = 0; // first token after the last run
  for (const i of capitals) {
    if (i < free || !candidate(i)) continue;
    let end = i + 1;
    for (;;) {
      if (end < tokens.length && candidate(end) && joined(end - 1, end)) {
        end++;
        continue;
      }
      // connector word or glued hyphen followed by another candidate
      const link = tokens[end];
      if (
        link && end + 1 < tokens.length &&
        (CONNECTORS.has(link.text) ||
          ((link.text === '-' || link.text === '‐') && link.start === tokens[end - 1].end && tokens[end + 1].start === link.end)) &&
        candidate(end + 1) && joined(end - 1, end + 1)
      ) {
        end += 2;
        continue;
      }
      break;
    }
    const mention = fromRun(text, tokens, i, end, cues, evidence);
    if (mention) {
      cutAtSeam(text, tokens, mention);
      mentions.push(mention);
      for (let k = mention.tokenStart; k < mention.tokenEnd; k++) flags[k] |= TAKEN;
    }
    free = end;
  }

  bodyNamesInTitleCase(text, tokens, mentions, mediaCount);
  const sorted = withoutDemonyms(byStart(mentions, mediaCount), evidence);
  keyWithinDocument(sorted);
  typePlaces(sorted, evidence, cues);
  return sorted;
}

/**
 * Whether a match of a corpus outlet named like a person ("Barack Obama": corpora of opinion
 * pieces list their writers as sources) names the person in this article: a title or honorific
 * before the name or before its last word alone ("President Barack Obama", "Mr. Obama"), or the
 * last word alone, mid-sentence, where it is no ordinary word ("said Obama"). Typed as media,
 * politicians who wrote a piece for the corpus became media in every article: 2,700 attributions
 * on 20,730 ABP articles ("Barack Obama" 1,105, "Mitt Romney" 533, "Paul Ryan" 400).
 */
function personNamedAsOutlet(tokens: readonly Token[], start: number, end: number, capitals: readonly number[], cues: MentionCues): boolean {
  if (end - start < 2) return false;
  for (let i = start; i < end; i++) if (tokens[i].type !== 'word' || !isCapitalised(tokens[i])) return false;
  const last = tokens[end - 1];
  if (cues.mediaHeads.has(bare(last))) return false;
  const titled = (i: number) => i > 0 && (cues.titles.has(bare(tokens[i - 1])) || cues.honorifics.has(bare(tokens[i - 1])));
  if (titled(start)) return true;
  const ordinary = isCommonWord(last.norm);
  for (const i of capitals) {
    if (tokens[i].text !== last.text || (i >= start && i < end) || (i > 0 && tokens[i - 1].text === tokens[end - 2].text)) continue;
    if (titled(i) || (!ordinary && i > 0 && tokens[i - 1].sentence === tokens[i].sentence)) return true;
  }
  return false;
}

/**
 * `mentions.sort((a, b) => a.start - b.start)`: the media mentions (the first `split`) and the
 * run mentions after them each come in text order, so merging them gives the same order (a
 * media mention first on a tie, as the stable sort keeps it) without a comparison sort.
 */
function byStart(mentions: Mention[], split: number): Mention[] {
  const inOrder = (from: number, to: number) => {
    for (let i = from + 1; i < to; i++) if (mentions[i].start < mentions[i - 1].start) return false;
    return true;
  };
  if (!inOrder(0, split) || !inOrder(split, mentions.length)) return mentions.sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  let a = 0;
  let b = split;
  while (a < split && b < mentions.length) out.push(mentions[b].start < mentions[a].start ? mentions[b++] : mentions[a++]);
  while (a < split) out.push(mentions[a++]);
  while (b < mentions.length) out.push(mentions[b++]);
  return out;
}

/** Words in the longest entry of a cue set, cached per set (and its size, should a caller's set grow). */
const longestPhrase = new WeakMap<ReadonlySet<string>, { size: number; words: number }>();

/** `set.has(words.join(' '))`, without joining when no entry has that many words. */
function hasPhrase(set: ReadonlySet<string>, words: readonly string[]): boolean {
  let longest = longestPhrase.get(set);
  if (longest?.size !== set.size) {
    longest = { size: set.size, words: 0 };
    for (const entry of set) longest.words = Math.max(longest.words, entry.split(' ').length);
    longestPhrase.set(set, longest);
  }
  if (words.length > longest.words) return false;
  return set.has(words.length === 1 ? words[0] : words.join(' '));
}

/** Flag bits per token in findMentions. */
const CAPITAL = 1;
const TAKEN = 2;
let scratch = new Uint8Array(4096);

/** `length` zeroed flags (a view of the shared scratch buffer, grown when needed). */
function scratchFlags(length: number): Uint8Array {
  if (scratch.length < length) scratch = new Uint8Array(Math.max(length, 2 * scratch.length));
  const flags = scratch.subarray(0, length);
  flags.fill(0);
  return flags;
}

function anyTaken(flags: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (flags[i] & TAKEN) return true;
  return false;
}

/** One token that is a capitalised word hyphenated to a lower-case one ("Ex-minister", as wink keeps some whole). */
const HYPHENATED_LOWER = /^\p{Lu}[^-‐\s]*[-‐]\p{Ll}/u;

/** Whether tokens `at`, `at + 1` are a hyphen glued to the word before it and a lower-case word glued after it. */
function gluedToLowerCase(tokens: readonly Token[], at: number): boolean {
  const hyphen = tokens[at];
  const next = tokens[at + 1];
  return !!hyphen && !!next && (hyphen.text === '-' || hyphen.text === '‐') && tokens[at - 1].end === hyphen.start && hyphen.end === next.start && /^\p{Ll}/u.test(next.text);
}

/** Turns one capitalised run into a mention (or nothing: demonyms, lone title words, sentence-initial common nouns). */
function fromRun(text: string, tokens: readonly Token[], start: number, end: number, cues: MentionCues, evidence: NameEvidence): Mention | undefined {
  // "on Tuesday Whitmer said": a weekday is a date, the name starts after it; not before a common word
  // ("Saturday Night Live", "Sunday Times"), and a month may open a name ("June Carter")
  while (end - start > 1 && WEEKDAYS.has(bare(tokens[start])) && !isCommonWord(bare(tokens[start + 1]))) start++;
  const run = end - start === 1 ? [tokens[start]] : tokens.slice(start, end);
  const lowerRun = run.map(bare);
  if (isDateRun(lowerRun)) return undefined;
  // "Passers-by", "Ex-minister": one capitalised word glued by a hyphen to a lower-case word is a compound, not a name
  if (run.length === 1 && (HYPHENATED_LOWER.test(run[0].text) || gluedToLowerCase(tokens, end))) return undefined;
  // Honorifics are read without their full stop ("Mr." → "mr"), so those listed only with it ("sen.", "gov.", "rep.")
  // never match: matching them split "Ohio Sen. Sherrod Brown" right (key "Sherrod Brown", not the whole run) but
  // cost AllSides test event grouping 0.003 F1 (0.835 → 0.832: more shared keys of much-named politicians)
  const hasTitle = (w: string) => cues.titles.has(w) || cues.honorifics.has(w);
  if (!run.some((t) => t.pos === 'PROPN' || isAllCaps(t)) && !lowerRun.some(hasTitle) && !hasPhrase(cues.places, lowerRun)) return undefined;

  // 3. title inside the run: everything up to its last title word, if a name follows
  let nameStart = start;
  for (let k = run.length - 2; k >= 0; k--) {
    if (hasTitle(lowerRun[k])) {
      nameStart = start + k + 1;
      break;
    }
  }
  const cueHead = (w: string) => cues.organizationHeads.has(w) || cues.institutionHeads.has(w) || cues.mediaHeads.has(w) || cues.placeHeads.has(w) || cues.otherHeads.has(w);
  // "General Staff", "Prime Minister's Office": a cue head after the title means the run names a body, not a person
  if (nameStart > start && cueHead(lowerRun[run.length - 1])) nameStart = start;
  // a title with no name after it ("the Foreign Minister said") is not a name mention
  if (nameStart === start && hasTitle(lowerRun[run.length - 1])) return undefined;
  let titleStart = nameStart > start ? start : -1;
  if (titleStart >= 0) {
    // extend over lower-case modifiers: "former President", "new Chancellor"
    while (titleStart > 0 && cues.modifiers.has(tokens[titleStart - 1].text) && tokens[titleStart - 1].sentence === tokens[start].sentence) titleStart--;
  } else if (start > 0 && tokens[start - 1].sentence === tokens[start].sentence && hasTitle(tokens[start - 1].text)) {
    // lower-case title before the run: "city military administration head Timur Tkachenko"
    titleStart = start - 1;
    let steps = 0;
    while (titleStart > 0 && steps < 4) {
      const t = tokens[titleStart - 1];
      const modifierLike = /^\p{Ll}/u.test(t.text) && !t.stop && (t.pos === 'ADJ' || t.pos === 'NOUN' || cues.modifiers.has(t.text));
      if (!modifierLike || t.sentence !== tokens[start].sentence) break;
      titleStart--;
      steps++;
    }
  }
  const nameTokens = nameStart === start ? run : run.slice(nameStart - start);
  const nameLower = nameStart === start ? lowerRun : lowerRun.slice(nameStart - start);
  // "Prosecutor General", "Attorney General": title words all through name nobody ("Dr. King" does)
  if (!nameTokens.length || (nameStart > start && nameLower.every(hasTitle) && !lowerRun.some((w) => cues.honorifics.has(w)))) return undefined;

  // 4. possessive organisation: "Seoul's foreign ministry"
  const org = possessiveOrganization(tokens, end, cues);
  if (titleStart < 0 && org > end) {
    return makeMention(text, tokens, start, org, start, undefined, 'organization', nameKey(text, tokens[start].start, tokens[org - 1].end));
  }

  if (titleStart < 0 && nameTokens.length === 1 && (cues.demonyms.has(nameLower[0]) || nameTokens[0].text.length < 2)) return undefined;
  if (titleStart < 0 && nameTokens.length === 1 && !nameTokens.some((t) => t.pos === 'PROPN' || isAllCaps(t)) && !hasPhrase(cues.places, nameLower)) return undefined;
  if (titleStart < 0 && hasPhrase(cues.demonyms, nameLower)) return undefined;
  // "Officials said", "Security was tight": an ordinary word capitalised by its place (not "Trump said")
  if (titleStart < 0 && nameTokens.length === 1 && !isAllCaps(nameTokens[0]) && !cues.places.has(nameLower[0]) && evidence.opens(nameStart) && evidence.ordinaryOpener(nameTokens[0]) && !evidence.actsAsName(nameStart)) return undefined;

  const type = titleStart >= 0 ? 'person' : typeOfName(nameTokens, nameLower, cues, evidence);
  return makeMention(text, tokens, titleStart >= 0 ? titleStart : nameStart, end, nameStart, titleStart >= 0 ? titleStart : undefined, type, nameKey(text, nameTokens[0].start, nameTokens[nameTokens.length - 1].end));
}

/** Token index after "'s + lower-case words + organisation head", or -1. */
function possessiveOrganization(tokens: readonly Token[], end: number, cues: MentionCues): number {
  if (end >= tokens.length || !POSSESSIVE.has(tokens[end].text) || tokens[end].start !== tokens[end - 1].end) return -1;
  for (let k = end + 1; k < tokens.length && k <= end + 5; k++) {
    const t = tokens[k];
    if (t.sentence !== tokens[end].sentence) return -1;
    if (/^[-‐]$/.test(t.text)) continue;
    if (!/^\p{Ll}/u.test(t.text) || (t.stop && t.pos !== 'NOUN')) return -1;
    if (cues.organizationHeads.has(t.norm)) return k + 1;
  }
  return -1;
}

/** 5. Type of a name without a title. */
function typeOfName(nameTokens: readonly Token[], lower: readonly string[], cues: MentionCues, evidence: NameEvidence): MentionType {
  const of = lower.indexOf('of');
  const head = of > 0 ? lower[of - 1] : lower[lower.length - 1];
  if (lower.some((w) => cues.honorifics.has(w))) return 'person';
  if (cues.organizationHeads.has(head) || (cues.institutionHeads.has(head) && lower.length > 1)) return 'organization';
  if (cues.mediaHeads.has(head) && lower.length > 1) return 'media';
  if (cues.placeHeads.has(head) && lower.length > 1) return 'place';
  if (cues.otherHeads.has(head) && lower.length > 1) return 'unknown';
  if (hasPhrase(cues.places, lower) || cues.places.has(lower[lower.length - 1]) && lower.length > 1 && cues.compass.has(lower[0])) return 'place';
  if (lower.length > 1 && (cues.compass.has(lower[0]) || cues.placePrefixes.has(lower[0]))) return 'place';
  if (nameTokens.length === 1 && isAllCaps(nameTokens[0]) && nameTokens[0].text.replace(/\./g, '').length >= 2) return 'organization';
  if (nameTokens.length < 2 || nameTokens.length > 4) return 'unknown';
  const personLike = nameTokens.every((t) => t.pos === 'PROPN' && (/^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text) || /^\p{Lu}\.$/u.test(t.text)));
  if (!personLike || lower.some((w) => cues.places.has(w) || cues.demonyms.has(w))) return 'unknown';
  // "Senate Democrats", "New York State"; "AP Photos Comcast" (a caption run into a headline): an ordinary plural opens no person's name either
  if (evidence.commonNounEnding(lower[lower.length - 1]) || ordinaryPlural(lower[0])) return 'unknown';
  return 'person';
}

/** The name as a key: its text with runs of whitespace (line breaks, double spaces) made one space. */
function nameKey(text: string, start: number, end: number): string {
  const name = text.slice(start, end);
  return needsSpaceFolding(name) ? name.replace(/\s+/g, ' ') : name;
}

/** Same as /\s\s|[\t\n\r\u00a0]/.test(name), decided by code for the usual ASCII names. */
function needsSpaceFolding(name: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 0xa0) return true;
    const space = c === 32 || ((c === 11 || c === 12 || c > 127) && /\s/.test(name[i]));
    if (space && previousSpace) return true;
    previousSpace = space;
  }
  return false;
}

function makeMention(
  text: string, tokens: readonly Token[], from: number, to: number, nameFrom: number, titleFrom: number | undefined,
  type: MentionType, key: string,
): Mention {
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  const name: Span = span(text, tokens[nameFrom].start, end);
  const mention: Mention = { start, end, text: text.slice(start, end), name, type, key, tokenStart: from, tokenEnd: to };
  if (titleFrom !== undefined && nameFrom > titleFrom) mention.title = span(text, tokens[titleFrom].start, tokens[nameFrom - 1].end);
  return mention;
}

/** 6. Ends `mention` at the first seam of glued words in its name, keyed by the name before it. */
function cutAtSeam(text: string, tokens: readonly Token[], mention: Mention): void {
  const { name } = mention;
  const seams = gluePoints(text, name.start, name.end);
  if (!seams.length) return;
  const end = seams[0];
  mention.key = nameBeforeSeam(text, name.start, name.end) ?? mention.key;
  mention.end = end;
  mention.text = text.slice(mention.start, end);
  mention.name = span(text, name.start, end);
  while (mention.tokenEnd - 1 > mention.tokenStart && tokens[mention.tokenEnd - 1].start >= end) mention.tokenEnd--;
}

/** Words of a title-case run tried as a name of the body at most (a longer run is a headline, not a name). */
const MAX_HEADLINE_RUN = 12;

/**
 * 2b. Runs in lines written in title case (headlines, headings: title-case-lines.ts) keep only the
 * words the article names in its ordinary lines (or the last word of a person's name there), typed
 * and keyed as there: "Trump Signs Order" → "Trump"; "Big Story" and "New York State" heading a
 * section, named nowhere else, are dropped.
 * A title stays when the name kept starts right after it. `mentions[from…]` are the runs, in
 * order; media names (from a lexicon, not from capitals) stay as they are.
 */
function bodyNamesInTitleCase(text: string, tokens: readonly Token[], mentions: Mention[], from: number): void {
  let lines: TitleCaseLines | undefined;
  const inHeadline: boolean[] = [];
  for (let k = from; k < mentions.length; k++) {
    const m = mentions[k];
    // one-word mentions need no body: their type comes from cues alone, and a headline word opening the line is judged as a sentence opener
    inHeadline.push(m.tokenEnd - m.tokenStart > 1 && (lines ??= new TitleCaseLines(tokens, text)).has(m.tokenStart));
  }
  if (!inHeadline.includes(true)) return;
  const body = new Map<string, Mention>();
  const surnames = new Map<string, Mention>();
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (k >= from && inHeadline[k - from]) continue;
    if (!body.has(m.name.text)) body.set(m.name.text, m);
    // "Trump" in a headline over "President Donald Trump": keyWithinDocument keys it by the full name later
    const space = m.name.text.lastIndexOf(' ');
    if (m.type === 'person' && space > 0) surnames.set(m.name.text.slice(space + 1), m);
  }
  for (const [surname, m] of surnames) if (!body.has(surname)) body.set(surname, { ...m, key: surname });
  let out = from;
  for (let k = from; k < mentions.length; k++) {
    const m = mentions[k];
    const kept = inHeadline[k - from] ? bodyName(text, tokens, m, body) : m;
    if (kept) mentions[out++] = kept;
  }
  mentions.length = out;
}

/** The longest part of a title-case mention's name that the body names, as a mention typed and keyed like the body's. */
function bodyName(text: string, tokens: readonly Token[], m: Mention, body: ReadonlyMap<string, Mention>): Mention | undefined {
  let nameStart = m.tokenStart;
  while (tokens[nameStart].start < m.name.start) nameStart++;
  const end = Math.min(m.tokenEnd, nameStart + MAX_HEADLINE_RUN);
  for (let size = end - nameStart; size > 0; size--) {
    for (let a = nameStart; a + size <= end; a++) {
      const known = body.get(text.slice(tokens[a].start, tokens[a + size - 1].end));
      if (!known) continue;
      const titled = a === nameStart && m.title !== undefined;
      return makeMention(text, tokens, titled ? m.tokenStart : a, a + size, a, titled ? m.tokenStart : undefined, titled ? 'person' : known.type, known.key);
    }
  }
  return undefined;
}

/**
 * Demonyms and nations' adjectives ("Kestrian troops", "Venezuelan") are no names, unless the
 * word is the last word of a longer person name in the document (a surname such as "Urban").
 */
function withoutDemonyms(mentions: Mention[], evidence: NameEvidence): Mention[] {
  let surnames: Set<string> | undefined;
  const kept = mentions.filter((m) => {
    if (m.title || m.type !== 'unknown' || m.tokenEnd - m.tokenStart !== 1 || !evidence.demonym(m.key.toLowerCase())) return true;
    surnames ??= new Set(mentions.filter((p) => p.type === 'person' && p.key.includes(' ')).map((p) => p.key.slice(p.key.lastIndexOf(' ') + 1)));
    return surnames.has(m.key);
  });
  return kept.length === mentions.length ? mentions : kept;
}

/**
 * 8. One-word names still untyped that the document puts in a place context once are places
 * throughout it; not a word wink's lexicon knows as a common word ("in God", "in Ebola"), nor an
 * abbreviation or a name with digits ("in Feb.", "in Covid-19").
 */
function typePlaces(mentions: Mention[], evidence: NameEvidence, cues: MentionCues): void {
  let places: Set<string> | undefined;
  for (const m of mentions) {
    if (m.type !== 'unknown' || m.title || m.key.includes(' ') || !evidence.placeContext(m, cues)) continue;
    if (/[\d.]/.test(m.key) || isCommonWord(m.key.toLowerCase())) continue;
    (places ??= new Set()).add(m.key);
  }
  if (!places) return;
  for (const m of mentions) if (m.type === 'unknown' && !m.title && places.has(m.key)) m.type = 'place';
}

/** 7. One-word names take the key of a longer person name in the same document ending with that word. */
function keyWithinDocument(mentions: Mention[]): void {
  const bySurname = new Map<string, Mention>();
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const space = m.key.lastIndexOf(' ');
    if (space < 0) continue;
    const surname = m.key.slice(space + 1);
    const known = bySurname.get(surname);
    if (!known || known.key.length < m.key.length) bySurname.set(surname, m);
  }
  for (const m of mentions) {
    if (m.key.includes(' ') || (m.type !== 'person' && m.type !== 'unknown')) continue;
    const full = bySurname.get(m.key);
    if (full) {
      m.key = full.key;
      m.type = 'person';
    }
  }
}
