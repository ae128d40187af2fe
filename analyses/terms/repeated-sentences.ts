/**
 * Each outlet's repeated sentences: lines one outlet prints in many of its articles about
 * unrelated stories — sign-up boxes, column footers, bylines, "Update at 8:45 a.m. ET.", the
 * split-off "pic." / "twitter." of a tweet-embed link. They are the outlet's page, not its word
 * choice, and the terms summary (summarize.ts) leaves their tokens out of that outlet's counts;
 * the generic furniture every outlet has is taken out earlier, per sentence, by the text layer
 * (src/text/non-prose.ts). This is the corpus-level rule for what is left:
 *
 *   sentence keys per article (sentence-keys.ts) ─add─▶ RepeatedSentenceFinder ─decide─▶
 *     the sentences to leave out per article ─▶ leaveOutSentences (the article's TermsDoc without them)
 *
 * A key is repeated at an outlet when
 *   1. it occurs in at least max(3, 1 %) of the outlet's articles — max(5, 2 %) when the key
 *      has fewer than 4 words;
 *   2. those articles belong to at least 3 different events; and
 *   3. to at least half as many events as that many of the outlet's articles drawn at random
 *      would cover (hypergeometric expectation over the outlet's event sizes).
 * An article without an event counts as an event of its own.
 *
 * Why these numbers (chosen on a 5,000-article slice of article-bias-prediction, with
 * the events the events analysis grouped, reading every key each setting let through or held
 * back):
 * - 1 %, at least 3: the furniture of the large outlets sits far above it (the New York Times'
 *   newsletter box in 94 of its 251 articles, NPR's "Update at … a.m. ET." in 16 of 367,
 *   Fox News' "Sign up here." in 39 of 552), and a 150-article outlet's promotion in 4 of them
 *   (Townhall's "Join Townhall VIP …") is still found. Two articles are not enough: an outlet
 *   that ran one story twice.
 * - short keys ask for more: a one- to three-word sentence repeats by chance in prose ("He
 *   said." in 7 of the Washington Times' 362 articles, "Sens." cut off "Sens. Smith and …" in 9
 *   of Fox News' 552, "Yes." and "Wow." in transcripts, "He's right."), at 1–2 % of an outlet
 *   or 3–4 articles of a small one; short furniture ("Advertisement", "Photo", "Loading…", and
 *   the "pic." / "twitter." / "com." a tweet link is cut into) is at 6 to 100 articles, above
 *   2 %. (CNN's "pic.", 8 of 479, stays counted.)
 * - 3 events: a passage repeated within one running story is that story's framing and keeps
 *   counting (CNN's debate-recap paragraphs: 5 articles, one event); what the slice had under
 *   3 events was such passages, one event's call-outs for readers' stories, a stock ticker
 *   table and a few bylines.
 * - half the events chance would give: an aggregator reprinting one story's excerpts in many
 *   of its articles (The Flip Side: 15 articles on 3 events where chance gives 11.5) is the
 *   story, not the page; furniture spreads like the outlet's articles (the lowest ratio among
 *   the furniture read: Fox News' "Continue Reading Below", 14 events of the 23 chance gives,
 *   and BBC's "Please include a contact number …", 9 of 16.5).
 * - minimum length: none beyond a content word (sentence-keys.ts); the short-key thresholds
 *   do that job, as the tweet-link fragments are one word long.
 * On that slice the rule left out 5,345 sentences in 1,312 articles of 51 outlets; of 40 read
 * at random, 38 were furniture, 2 prose (a quote in a candidates' box CNN ran under 8 articles,
 * and an excerpt The Flip Side reprinted in 14). On all 20,730 articles: 17,949 sentences in
 * 5,346 articles of 78 outlets, 34 of 40 furniture. The 6 prose ones show what the rule cannot
 * tell: without event ids a story that runs for months is many grouped events, so the
 * background paragraph an outlet repeats through it (CNN, 20 articles on 19 events) passes
 * rules 2 and 3 as furniture does, and so do an aggregator's reprints at that scale.
 */
import { getOrAdd } from '../../src/get-or-add.js';
import type { SentenceKeys } from './sentence-keys.js';
import { IntList } from './term-table.js';
import type { TermsDoc } from './types.js';

const PUNCTUATION = 0x70; // p

/** The thresholds of the rule (see the file header for how they were chosen). */
export const REPEAT_RULE = {
  /** Articles of the outlet holding the key: at least this many … */
  minArticles: 3,
  /** … and at least this share of the outlet's articles. */
  minShare: 0.01,
  /** Keys with fewer words than this are short … */
  shortWords: 4,
  /** … and need this many articles … */
  shortMinArticles: 5,
  /** … and this share. */
  shortMinShare: 0.02,
  /** Different events among those articles. */
  minEvents: 3,
  /** Events as a share of the events as many random articles of the outlet would cover. */
  minSpread: 0.5,
} as const;

/** One repeated key of one outlet, as decided. */
export interface RepeatedKey {
  outlet: string;
  hash: number;
  /** Articles of the outlet holding it. */
  docs: number;
  /** Events of those articles. */
  events: number;
}

/** What decide() found: the sentences to leave out, by table document index. */
export interface RepeatDecision {
  /** Document index → indices of its sentences to leave out (ascending). */
  dropped: Map<number, number[]>;
  /** Document index → the repeated key of each dropped sentence (same order as `dropped`). */
  keysOf: Map<number, RepeatedKey[]>;
  /** Every repeated key, outlet by outlet (outlets in first-seen order, keys by articles, most first). */
  keys: RepeatedKey[];
}

/** A growable Float64Array. */
class FloatList {
  data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(2 * this.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Collects the sentence keys of every article (documents are added in table order: index 0, 1,
 * …) and decides which are repeated. Keeps only hashes (8 bytes a sentence), never texts.
 */
export class RepeatedSentenceFinder {
  private readonly hashes = new FloatList();
  private readonly short = new IntList(); // 1 where the sentence's key is short
  private readonly first = new IntList(); // document d's sentences are [first[d], first[d + 1])
  private readonly outletOf: string[] = [];
  private readonly eventOf: Array<string | undefined> = [];

  add(outlet: string, event: string | undefined, keys: SentenceKeys): void {
    this.first.push(this.hashes.length);
    this.outletOf.push(outlet);
    this.eventOf.push(event);
    for (let s = 0; s < keys.hashes.length; s++) {
      this.hashes.push(keys.hashes[s]);
      this.short.push(keys.words[s] < REPEAT_RULE.shortWords ? 1 : 0);
    }
  }

  decide(): RepeatDecision {
    const docsOfOutlet = new Map<string, number[]>();
    for (let d = 0; d < this.outletOf.length; d++) getOrAdd(docsOfOutlet, this.outletOf[d], () => []).push(d);
    const decision: RepeatDecision = { dropped: new Map(), keysOf: new Map(), keys: [] };
    for (const [outlet, docs] of docsOfOutlet) this.decideOutlet(outlet, docs, decision);
    return decision;
  }

  private sentencesOf(d: number): [number, number] {
    const first = this.first.view();
    return [first[d], d + 1 < first.length ? first[d + 1] : this.hashes.length];
  }

  /** Calls `visit(hash, sentence)` once per distinct candidate key of document d. */
  private forEachKey(d: number, visit: (hash: number, sentence: number) => void): void {
    const [from, to] = this.sentencesOf(d);
    const data = this.hashes.data;
    // most articles have a few dozen sentences: looking back is cheaper than a Set
    const seen = to - from > 64 ? new Set<number>() : undefined;
    for (let s = from; s < to; s++) {
      const h = data[s];
      if (h === 0) continue;
      let earlier = false;
      if (seen) earlier = seen.has(h) || (seen.add(h), false);
      else for (let r = from; r < s && !earlier; r++) earlier = data[r] === h;
      if (!earlier) visit(h, s);
    }
  }

  private decideOutlet(outlet: string, docs: number[], decision: RepeatDecision): void {
    const articles = docs.length;
    const least = Math.max(REPEAT_RULE.minArticles, Math.ceil(REPEAT_RULE.minShare * articles));
    const leastShort = Math.max(REPEAT_RULE.shortMinArticles, Math.ceil(REPEAT_RULE.shortMinShare * articles));
    if (articles < least) return;
    // 1. articles per key: each article's distinct keys, sorted and counted in runs (a Map keyed
    //    by 53-bit numbers boxes every key it sees, and nearly every key is seen once)
    const long = new FloatList();
    const short = new FloatList();
    const isShort = this.short.view();
    for (const d of docs) this.forEachKey(d, (h, s) => (isShort[s] ? short : long).push(h));
    const frequent = new Map<number, { docs: number; events: Set<string> }>();
    for (const [keys, needed] of [[long, least], [short, leastShort]] as const) {
      const sorted = keys.data.subarray(0, keys.length).sort();
      for (let i = 0, j = 0; i < sorted.length; i = j) {
        while (j < sorted.length && sorted[j] === sorted[i]) j++;
        if (j - i >= needed) frequent.set(sorted[i], { docs: j - i, events: new Set() });
      }
    }
    if (!frequent.size) return;
    const mayBeFrequent = hashFilter(frequent.keys());
    // 2. their events, and the outlet's event sizes for the spread expected by chance
    const eventSize = new Map<string, number>();
    for (const d of docs) {
      const event = this.eventOf[d] ?? `\u0000${d}`;
      eventSize.set(event, (eventSize.get(event) ?? 0) + 1);
      this.forEachKey(d, (h) => {
        if (mayBeFrequent(h)) frequent.get(h)?.events.add(event);
      });
    }
    const expected = expectedEvents(articles, [...eventSize.values()]);
    const repeated = new Map<number, RepeatedKey>();
    for (const [h, { docs: n, events }] of frequent) {
      if (events.size < REPEAT_RULE.minEvents || events.size < REPEAT_RULE.minSpread * expected(n)) continue;
      repeated.set(h, { outlet, hash: h, docs: n, events: events.size });
    }
    if (!repeated.size) return;
    const mayBeRepeated = hashFilter(repeated.keys());
    // 3. every occurrence of a repeated key is left out (a line printed twice in one article too)
    const hashes = this.hashes.data;
    for (const d of docs) {
      const [from, to] = this.sentencesOf(d);
      for (let s = from; s < to; s++) {
        const key = mayBeRepeated(hashes[s]) ? repeated.get(hashes[s]) : undefined;
        if (!key) continue;
        getOrAdd(decision.dropped, d, () => []).push(s - from);
        getOrAdd(decision.keysOf, d, () => []).push(key);
      }
    }
    decision.keys.push(...[...repeated.values()].sort((a, b) => b.docs - a.docs));
  }
}

/** A quick "maybe" over a few hashes by their low 16 bits, before a Map look-up of a number key. */
function hashFilter(hashes: Iterable<number>): (hash: number) => boolean {
  const bits = new Uint8Array(0x10000);
  for (const h of hashes) bits[h % 0x10000] = 1;
  return (h) => bits[h % 0x10000] === 1;
}

/**
 * The expected number of distinct events among n articles drawn without replacement from an
 * outlet's `total` articles whose events have the given sizes: Σ over events of 1 − P(none of
 * the n is in it), P = Π_{i<n} (total − size − i) / (total − i). Memoised by n; sizes are
 * grouped, as most events of an outlet have one or two of its articles.
 */
export function expectedEvents(total: number, sizes: readonly number[]): (n: number) => number {
  const bySize = new Map<number, number>();
  for (const size of sizes) bySize.set(size, (bySize.get(size) ?? 0) + 1);
  const memo = new Map<number, number>();
  return (n) => {
    let value = memo.get(n);
    if (value !== undefined) return value;
    value = 0;
    for (const [size, events] of bySize) {
      let missed = 1;
      for (let i = 0; i < n && missed > 1e-12; i++) missed *= Math.max(0, total - size - i) / (total - i);
      value += events * (1 - missed);
    }
    memo.set(n, value);
    return value;
  };
}

/**
 * The document without the given sentences: their tokens become breaks (kind `p`, as the text
 * layer marks non-prose), so no term or n-gram holds them, and its word count loses the word and
 * number tokens they held. Offsets and sentences stay, so KWIC lines keep their spans.
 */
export function leaveOutSentences(doc: TermsDoc, sentences: readonly number[]): { doc: TermsDoc; tokens: number } {
  let kind = doc.kind;
  let tokens = 0;
  for (const s of sentences) {
    const [first, last] = sentenceTokens(doc, s);
    for (let i = first; i <= last; i++) if (kind.charCodeAt(i) !== PUNCTUATION) tokens++;
    kind = kind.slice(0, first) + 'p'.repeat(last + 1 - first) + kind.slice(last + 1);
  }
  return { doc: { ...doc, kind, words: Math.max(0, doc.words - tokens) }, tokens };
}

/** Token range [first, last] of sentence s of a document. */
export function sentenceTokens(doc: TermsDoc, s: number): [number, number] {
  const end = s + 1 < doc.sentences.length ? doc.sentences[s + 1] : doc.text.length;
  return [doc.sentences[s], end - 1];
}
