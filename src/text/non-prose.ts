/**
 * Sentences of an article that are not its prose: wire credit lines ("(Reporting by …; Editing
 * by …)"), bylines and sign-offs ("By Ada Renn, Ardel Post", "– Ada Renn"), photo credits and
 * captions a scraper kept ("Enlarge this image toggle caption Ada Renn/AP", "Hide Caption 4 of
 * 22 Photos: …"), page furniture (video widgets, "Related: …" links,
 * newsletter sign-ups, copyright footers) and lists (a newsletter form's country picker, a table
 * of polls by state, a roll of names). They say nothing about how the article tells its
 * event, yet they repeat across an outlet's articles: counted as words, a country picker made 28
 * unrelated undated articles of one magazine one "event" in a 20k-article corpus, a wire's
 * reporters were its most distinctive "terms" and a photographer an outlet's distinctive word on
 * an event page. Read by the analyses that measure an article's own words (terms,
 * similarity features); the text layer itself keeps every sentence, so spans and offsets are
 * untouched.
 */
import type { AnalyzedDoc, Token } from './types.js';
import { startsUpperCase } from './letter-case.js';

/** First words of a wire credit line: "(Reporting by …; Editing by …)", "Additional reporting by …". */
const CREDIT_WORDS = new Set(['reporting', 'writing', 'editing', 'additional', 'compiled', 'produced', 'graphics', 'research']);

/**
 * Marks of a photo credit or caption in scraped text: the caption widgets of news sites, picture
 * agencies after a slash ("Ada Renn/AP", "/AFP/Getty Images"), "(Photo: …)", "Photograph: …", a
 * gallery's first caption ("Photos: The flood in pictures …"; CNN's "photos" was its second most
 * distinctive word against Fox News on the 20k report before this mark). On
 * 3,000 article-bias-prediction articles they marked 2,190 sentences in 572 articles, all
 * credits or captions (read: 30 at random); most were one line each, CNN's embedded photo
 * galleries many.
 */
const PHOTO_CREDIT = /toggle caption|[Hh]ide [Cc]aption|^\s*Photos:|Media playback is unsupported|FILE PHOTO|Slideshow \(|Image copyright|Image caption|Getty Images|\(Photo:|Photograph:|\bAP Photos?\b|\bReuters [Pp]hotos?\b|\bPhoto: /u;
/**
 * Agencies after a slash ("Ada Renn/AP"), apart from PHOTO_CREDIT and tried only on text that
 * has a slash: its letter class may start a match at any character, and inside PHOTO_CREDIT it
 * made every sentence of every article cost two to three times what the two tests do now
 * (PHOTO_CREDIT was the dearest regular expression of the whole per-article pass).
 */
const AGENCY_CREDIT = /[\p{L}.]\/(?:AP|Reuters|AFP|Getty)\b/u;

/**
 * Page furniture in scraped text: video widgets ("JUST WATCHED … Replay More Videos … MUST
 * WATCH …"), links to other stories ("Related: …", "Read more: …", "Story Continued Below"),
 * newsletter sign-ups and privacy notices, "Click here …", copyright footers, "Advertisement",
 * time stamps ("Updated at 4:20 p.m."), tweet-embed links. On 4,000 article-bias-prediction
 * articles the first of these marked 1,691 sentences in 582 articles, all furniture (read: 30 at
 * random); one outlet's footer was in 1,300 of its 20k-corpus articles. The second lot (with the
 * staff credits and media captions) marked 1,657 more sentences in 819 of 3,000 articles, 40 read
 * at random all furniture: they were outlets' "distinctive words" ("advertisement", "unsubscribe",
 * "playback", "click", "contributed").
 */
const PAGE_FURNITURE =
  /JUST WATCHED|MUST WATCH|Replay More Videos|^\s*(?:Related|RELATED|Read [Mm]ore|READ MORE)\s*:|Sign up for [^.]*[Nn]ewsletters?|Manage Newsletters|Copyright ©|© ?(?:19|20)\d\d|[Cc]lick here|CLICK HERE|All rights reserved|Story [Cc]ontinued [Bb]elow|^\s*Advertisement\s*$|By signing up|our Privacy Policy|Google Privacy Policy|Opt out or contact us|You may opt-out|delivered to your inbox|^\s*Updated (?:at|on)\b|pic\.twitter\.com|quicklist:|Read or Share this story|^\s*Story highlights\b/u;

/** Staff credits in prose form: "Ada Renn contributed to this report.", "Contributing: Bo Castel". */
const STAFF_CREDIT = /contributed to this report|^\s*Contributing:/u;

/**
 * A list, not prose: at least this many words, this share of them capitalised and fewer verbs
 * than this share. Prose that names many people still has verbs and lower-case words between
 * the names ("They are: Reps. Mike Coffman of Colorado; …" has 75 % capitals); a picker or a table
 * has neither. On 6,000 article-bias-prediction articles the rule took 37 sentences in 22
 * articles, every one a list or table.
 */
const LIST_MIN_WORDS = 40;
const LIST_MIN_CAPITALS = 0.8;
const LIST_MAX_VERBS = 0.05;

function isCreditLine(tokens: readonly Token[], from: number, to: number): boolean {
  let k = from;
  if (k < to && tokens[k].text === '(') k++;
  if (k >= to || !CREDIT_WORDS.has(tokens[k].text.toLowerCase())) return false;
  for (let j = k + 1; j < Math.min(k + 3, to); j++) if (tokens[j].text.toLowerCase() === 'by') return true;
  return false;
}

/**
 * A byline ("By Ada Renn and Bo Castel, Ardel Post") or a live blog's sign-off under an entry
 * ("– Ada Renn"): a sentence of its own, opened by "By" or a dash, then nothing but capitalised
 * words (at least two: "By Comparison" is a heading) joined by "and", commas and the like. On
 * 20,730 article-bias-prediction articles such paragraphs were 193 bylines (most of them CNN's and
 * BBC's) and 240 sign-offs (USA Today's most); the reporters' first names were among USA Today's
 * most distinctive words. A scraped share line and CNN's "Story highlights" box are PAGE_FURNITURE.
 */
const BYLINE_OPENERS = new Set(['By', 'BY', '-', '–', '—']);
const BYLINE_JOINERS = new Set(['and', '&', ',', '.', '|']);
const BYLINE_MAX_TOKENS = 16;

function isByline(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from > BYLINE_MAX_TOKENS || !BYLINE_OPENERS.has(tokens[from]?.text)) return false;
  let names = 0;
  for (let i = from + 1; i < to; i++) {
    const token = tokens[i];
    if (BYLINE_JOINERS.has(token.text)) continue;
    if (token.type !== 'word' || !startsUpperCase(token.text)) return false;
    names++;
  }
  return names >= 2;
}

function isList(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < LIST_MIN_WORDS) return false;
  let words = 0;
  let capitals = 0;
  let verbs = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.type !== 'word') continue;
    words++;
    if (startsUpperCase(token.text)) capitals++;
    if (token.pos === 'VERB' || token.pos === 'AUX') verbs++;
  }
  return words >= LIST_MIN_WORDS && capitals >= LIST_MIN_CAPITALS * words && verbs < LIST_MAX_VERBS * words;
}

/**
 * Whether a sentence or paragraph is a photo credit or caption, page furniture or a staff credit,
 * by its text alone (the event page's leads are chosen from raw paragraphs with it).
 */
export function isScrapedFurniture(text: string): boolean {
  return PHOTO_CREDIT.test(text) || (text.includes('/') && AGENCY_CREDIT.test(text)) || PAGE_FURNITURE.test(text) || STAFF_CREDIT.test(text);
}

const memo = new WeakMap<AnalyzedDoc, Uint8Array>();

/** Per sentence of `doc`, 1 when it is a credit line or byline, a photo credit or caption, page furniture or a list, else 0 (computed once per document). */
export function nonProseSentences(doc: AnalyzedDoc): Uint8Array {
  let mask = memo.get(doc);
  if (mask) return mask;
  mask = new Uint8Array(doc.sentences.length);
  doc.sentences.forEach((s, k) => {
    const text = doc.article.text.slice(s.start, s.end);
    const nonProse = isCreditLine(doc.tokens, s.tokenStart, s.tokenEnd) || isByline(doc.tokens, s.tokenStart, s.tokenEnd) || isList(doc.tokens, s.tokenStart, s.tokenEnd) || isScrapedFurniture(text);
    if (nonProse) mask![k] = 1;
  });
  memo.set(doc, mask);
  return mask;
}
