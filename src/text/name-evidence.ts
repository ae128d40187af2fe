/**
 * What one article shows about a capitalised word, for the mention finder (mentions.ts): whether a
 * word opens a sentence or line (where any word is capitalised), whether the article capitalises it
 * anywhere else or writes it in lower case, whether it is a demonym ("Kestrian" beside "Kestria",
 * "Venezuelan"), and whether a one-word name stands in a place context ("in X", "the mayor of X",
 * "X's residents", "the capital, X"). Built per document on first question; every answer is a
 * function of the document's tokens, wink's lexicon (common-words.ts) and the cue lexicon.
 */
import { isCommonWord, lexicalPos, LEX_ADJ, LEX_NOUN, LEX_PROPN, UNKNOWN_WORD } from './common-words.js';
import type { MentionCues } from './mention-cues.js';
import type { Mention, Token } from './types.js';

/** Marks before a word that still leave it at the opening of a sentence: quotes, brackets, bullets, dashes. */
const OPENING_MARKS = new Set(['"', '“', '‘', "'", '«', '„', '(', '[', '*', '•', '·', '-', '–', '—', '―', '>', '``']);
const QUOTE_MARKS = new Set(['"', '“', '‘', "'", '«', '„', '``']);
/**
 * Suffixes of demonyms and of the adjectives of nations and faiths ("Ukrainian", "Israeli",
 * "Chinese", "Irish"); not "-ic", which ends as many seas and titles ("Atlantic", "Pacific") as it
 * does adjectives of faiths.
 */
const DEMONYM_SHAPE = /(?:an|ian|ean|ese|ish|i)s?$/;
/**
 * Endings that turn a place name into its demonym, with what the place name ends in instead:
 * "Kestria" → "Kestrian" (+n), "Ukraine" → "Ukrainian", "Mexico" → "Mexican", "Israel" →
 * "Israeli", "China" → "Chinese". Tried on the demonym's stem, longest ending first.
 */
const DEMONYM_ENDINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ian', ['', 'a', 'e', 'y', 'ia']],
  ['ese', ['', 'a']],
  ['an', ['', 'a', 'o', 'e']],
  ['n', ['']],
  ['i', ['']],
];
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/**
 * Verbs of saying that mark the word before them as someone speaking (NameEvidence.actsAsName): a
 * general short list, not the attribution lexicon, and no form that is a plural noun too
 * ("states", "claims", "notes": "Several states said").
 */
const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'tweeted', 'wrote', 'writes', 'added', 'adds', 'argued', 'argues', 'claimed', 'insisted', 'insists',
  'announced', 'announces', 'responded', 'responds', 'replied', 'stated', 'noted', 'asked', 'warned', 'warns', 'acknowledged',
  'denied', 'denies', 'declared', 'declares', 'explained', 'explains',
]);

/**
 * Whether `lower` (lower case) is the demonym of a place name `isPlace` accepts: "kestrian(s)" of
 * "kestria", "ukrainian" of "ukraine", "israeli" of "israel".
 */
export function formedFromPlace(lower: string, isPlace: (place: string) => boolean): boolean {
  if (!DEMONYM_SHAPE.test(lower)) return false;
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  for (const [ending, places] of DEMONYM_ENDINGS) {
    if (!singular.endsWith(ending) || singular.length - ending.length < 3) continue;
    const stem = singular.slice(0, -ending.length);
    if (places.some((end) => stem + end !== singular && isPlace(stem + end))) return true;
  }
  return false;
}

/**
 * Whether `lower` is an ordinary plural: wink's lexicon knows it as a noun and it and its singular
 * only as common words ("democrats", "photos"; not "sanders", "holmes", which it does not know).
 */
export function ordinaryPlural(lower: string): boolean {
  return lower.length > 3 && lower.endsWith('s') && (lexicalPos(lower) & LEX_NOUN) !== 0 && isCommonWord(lower) && isCommonWord(lower.slice(0, -1));
}

export class NameEvidence {
  private capitalisedInside: Set<string> | undefined;
  private readonly lowerCase = new Map<string, boolean>();
  private lowerNouns: Set<string> | undefined;
  private capitalised: Set<string> | undefined;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
    private readonly capitals: readonly number[],
  ) {}

  /**
   * Whether token `i` opens its sentence or line, or follows a colon, a semicolon or an opening
   * quote: a position where an ordinary word is capitalised too.
   */
  opens(i: number): boolean {
    const { tokens, text } = this;
    for (let k = i; ; k--) {
      if (k === 0 || tokens[k - 1].sentence !== tokens[k].sentence) return true;
      const before = tokens[k - 1];
      for (let c = before.end; c < tokens[k].start; c++) if (text.charCodeAt(c) === 10) return true;
      // a colon, or a semicolon between credits ("(Reporting by X; Editing by Y)")
      if (before.text === ':' || before.text === ';') return true;
      if (!OPENING_MARKS.has(before.text)) return false;
      if (QUOTE_MARKS.has(before.text)) {
        // an opening quote, even mid-sentence, capitalises what it quotes ('called it "Shame"'); a
        // closing one or an apostrophe ("the workers' Council") touches the word before it
        const c = before.start > 0 ? text[before.start - 1] : ' ';
        return /[\s(\[—–-]/.test(c);
      }
      // a bracket or dash opens a clause, and so does a hyphen spaced as a dash (a dateline's
      // "(Lodestar) - Floodwaters …"); any other hyphen or asterisk may be a bullet: look before it
      if (before.text !== '-' && before.text !== '*') return true;
      if (before.text === '-' && /\s/.test(text[before.start - 1] ?? '') && /\s/.test(text[before.end] ?? '')) return true;
    }
  }

  /**
   * Whether a one-word name opening a sentence is an ordinary capitalised word ("Officials said",
   * "Security was tight", "Several were hurt"): the article never capitalises it elsewhere, and
   * wink's lexicon knows it only as a common word, or the article writes it in lower case.
   */
  ordinaryOpener(token: Token): boolean {
    const lower = token.norm;
    if (this.capitalisedElsewhere(lower)) return false;
    if (isCommonWord(lower)) return true;
    // a plural the lexicon lacks: its singular decides
    if (lower.length > 3 && lower.endsWith('s') && lexicalPos(lower) === UNKNOWN_WORD && isCommonWord(lower.slice(0, -1))) return true;
    return this.writtenLowerCase(lower);
  }

  /**
   * Whether the last word of a title-case run cannot end a person's name: an ordinary plural
   * ("Senate Democrats", "Getty Images": wink's lexicon knows it and its singular only as common
   * words; "Sanders", "Holmes" are not), or a common word the article also writes in lower case
   * ("New York State" beside "state law", "Brennan Center" beside "the center") as a noun: "Michael
   * Brown" beside "black, white, brown" is a person. A surname that is a common noun too ("Trump",
   * "Rice") is rarely written in lower case where it names someone.
   */
  commonNounEnding(lower: string): boolean {
    if (!isCommonWord(lower)) return false;
    return ordinaryPlural(lower) || this.writtenAsNoun(lower);
  }

  /**
   * Whether the sentence-opening word `i`, a common word too ("Trump", "Bush", "Cook"), is used as
   * a name there: wink tags it a proper noun, it is singular, and it says something ("Trump said",
   * "Cook told reporters"), which a singular common noun does only after a determiner ("The
   * security said" is not English; "Officials said" is plural), and the lexicon knows it as a noun
   * ("Several told reporters" is a quantifier). Not a possessive: on 1,500 ABP
   * articles "Editor's note", "Oil's demand" outnumbered "Trump's" 80 to 1.
   */
  actsAsName(i: number): boolean {
    const { tokens } = this;
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.pos !== 'PROPN' || !next || next.sentence !== t.sentence || t.norm.endsWith('s')) return false;
    // a noun to the lexicon ("trump", "cook"), not a quantifier ("Several told reporters")
    return SPEECH_VERBS.has(next.norm) && (lexicalPos(t.norm) & LEX_NOUN) !== 0;
  }

  /**
   * Whether a capitalised word is a demonym or a nation's adjective, not a name: wink's lexicon
   * knows it as an adjective of that shape ("Venezuelan", "Irish"), or the article also holds the
   * place it is formed from ("Kestrian", "Kestrians" beside "Kestria").
   */
  demonym(lower: string): boolean {
    if (!DEMONYM_SHAPE.test(lower)) return false;
    // a plural wink's lexicon knows as a noun names a party's or a faith's members ("Republicans",
    // "Christians"), a group the article speaks of like "Democrats"; it lacks nations' ("Americans")
    if (lower.endsWith('s') && (lexicalPos(lower) & LEX_NOUN) !== 0) return false;
    const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
    const bits = lexicalPos(singular);
    if (bits & LEX_ADJ && !(bits & LEX_PROPN)) return true;
    const capitalised = this.capitalisedWords();
    return formedFromPlace(lower, (place) => capitalised.has(place));
  }

  /**
   * Whether the one-word mention `m` stands in a place context: after a place preposition ("in X",
   * "near X", "from X") and not before a noun or a possessive ("in X's speech", "in X troops"),
   * after a place noun ("the mayor of X", "the capital, X"), or before one ("X's residents", "X
   * province").
   */
  placeContext(m: Mention, cues: MentionCues): boolean {
    const { tokens } = this;
    const at = m.tokenStart;
    const end = m.tokenEnd;
    const before = tokens[at - 1];
    const next = tokens[end];
    const sameSentence = (t: Token | undefined) => t !== undefined && t.sentence === tokens[at].sentence;
    if (sameSentence(before) && cues.placePrepositions.has(before.text)) {
      const possessive = next && POSSESSIVE.has(next.text) && next.start === tokens[end - 1].end;
      const compound = sameSentence(next) && /^\p{Ll}/u.test(next.text) && (next.pos === 'NOUN' || next.pos === 'PROPN');
      if (!possessive && !compound) return true;
    }
    // "the mayor of X", "residents of X"
    if (sameSentence(before) && before.text === 'of' && at >= 2 && cues.placeNouns.has(tokens[at - 2].norm) && /^\p{Ll}/u.test(tokens[at - 2].text)) return true;
    // "the capital, X"
    if (sameSentence(before) && before.text === ',' && at >= 2 && tokens[at - 2].norm === 'capital') return true;
    // "X's mayor", "X's residents", "X's northern provinces"
    if (next && POSSESSIVE.has(next.text) && next.start === tokens[end - 1].end && sameSentence(tokens[end + 1]) && cues.placeNouns.has(tokens[end + 1].norm) && /^\p{Ll}/u.test(tokens[end + 1].text)) return true;
    // "X province", "X city council": a place noun that also ends place names, right after the
    // name; not after a demonym's shape ("the Santheran city of …")
    return sameSentence(next) && next.text === next.norm && cues.placeNouns.has(next.norm) && cues.placeHeads.has(next.norm) && !DEMONYM_SHAPE.test(m.key.toLowerCase());
  }

  /** Whether the article capitalises `lower` somewhere that does not open a sentence (inside a longer name counts). */
  private capitalisedElsewhere(lower: string): boolean {
    if (!this.capitalisedInside) {
      this.capitalisedInside = new Set();
      for (const i of this.capitals) if (!this.opens(i)) this.capitalisedInside.add(this.tokens[i].norm);
    }
    return this.capitalisedInside.has(lower);
  }

  /** Lower-case forms of the article's capitalised words. */
  private capitalisedWords(): Set<string> {
    if (!this.capitalised) this.capitalised = new Set(this.capitals.map((i) => this.tokens[i].norm));
    return this.capitalised;
  }

  /** Whether the article writes `lower` in lower case where wink tags it a noun ("state law", "the center"). */
  private writtenAsNoun(lower: string): boolean {
    if (!this.lowerNouns) {
      // one pass on first question: asked of the last word of each title-case name, often several per article
      this.lowerNouns = new Set();
      for (const t of this.tokens) if (t.pos === 'NOUN' && t.text === t.norm) this.lowerNouns.add(t.norm);
    }
    return this.lowerNouns.has(lower);
  }

  /**
   * Whether the article writes `lower` in lower case somewhere. Asked of few words per article
   * (those the lexicon does not know): a scan that stops at the first hit costs less than a set
   * of all the article's words.
   */
  private writtenLowerCase(lower: string): boolean {
    let known = this.lowerCase.get(lower);
    if (known === undefined) {
      known = false;
      for (const t of this.tokens) {
        if (t.norm === lower && t.text === lower) {
          known = true;
          break;
        }
      }
      this.lowerCase.set(lower, known);
    }
    return known;
  }
}
