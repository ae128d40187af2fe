/**
 * Step 2 of extraction: the source span of a cue, by PolNeAR's conventions: the noun phrase right
 * before the cue (skipping auxiliaries and adverbs: "Lavrov has since stated"), or right after it
 * when the cue opens the clause or follows a quote ("…,' said Macron", "according to Yonhap");
 * for participle cues ("adding that", "by saying", "citing") the subject of the clause. A relative
 * clause between the source and the cue is stepped over ("Sorn, 77, who …, said", "people who
 * … say"); words glued by hyphens ("mum-of-three") are one word; time expressions ("last
 * winter", "on Monday") are never a source; an apostrophe after punctuation closes a quote
 * ("…,'' said Brel") and is no possessive.
 */
import type { Token } from '../../src/text/types.js';

/** Token range of a source, with the rule that found it. */
export interface SourceRange {
  tokenStart: number;
  tokenEnd: number;
  rule: string;
}

type Tok = Pick<Token, 'text' | 'lemma' | 'pos' | 'sentence' | 'start' | 'end'>;

const PP_JOIN = new Set(['of', 'in', 'at', 'from', 'for']);
const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'ADJ', 'DET', 'NUM']);
const SKIP_POS = new Set(['AUX', 'ADV', 'PART']);
const POSSESSIVE = /^['’]s?$/;
/**
 * Cues whose source follows them. Not "cited" / "citing": PolNeAR gives those to the one who
 * cites ("The report cited an internal investigation", "…,' he said, citing …"): on train the
 * phrase after was the source of none of the 44 such cues with a source.
 */
const SOURCE_AFTER = /^(according|per|from|by)\b/i;
const DASH = /^(?:[—―–]|-{1,2})$/;
const PRONOUN_SUBJECTS = /^(he|she|they|it|i|we|you|who|which|that)$/i;

const isNpToken = (t: Tok) => NP_POS.has(t.pos) || POSSESSIVE.test(t.text) || t.text === '-' || t.text === '.';

/** "Two of them", "some of us": a pronoun after "of" and one of these is a share of a group. */
const GROUP_PRONOUNS = /^(?:them|us|those|these)$/i;
const QUANTIFIERS = /^(?:some|many|most|all|none|several|both|each|few|any|one)$/i;
const HYPHEN = /^[-‐‑]$/;
/** Whether token `k` is a hyphen touching the words on both sides ("mum-of-three"), not a spaced dash. */
const isGlue = (tokens: readonly Tok[], k: number) =>
  k > 0 && k + 1 < tokens.length && HYPHEN.test(tokens[k].text) && tokens[k - 1].end === tokens[k].start && tokens[k].end === tokens[k + 1].start;

/**
 * First token of the hyphen-glued word holding token `k`: the tagger splits "mum-of-three" and
 * "foreign-backed" into parts whose tags ("of", "backed") would end a noun phrase.
 */
function wordStart(tokens: readonly Tok[], k: number, sentenceStart: number): number {
  while (k - 2 >= sentenceStart && isGlue(tokens, k - 1)) k -= 2;
  return k;
}

/** One past the last token of the hyphen-glued word starting at token `k`. */
function wordEnd(tokens: readonly Tok[], k: number, sentenceEnd: number): number {
  while (k + 2 < sentenceEnd && isGlue(tokens, k + 1)) k += 2;
  return k + 1;
}

/** Walks left from `end` (exclusive) over one noun phrase; returns its first token. */
function npLeft(tokens: readonly Tok[], end: number, sentenceStart: number): number {
  let k = wordStart(tokens, end - 1, sentenceStart);
  if (k === end - 1 && tokens[k].pos === 'PRON') {
    // "Two of them", "some of us": a share of a group is one phrase.
    const share = k - 2 >= sentenceStart && tokens[k - 1].lemma === 'of' && GROUP_PRONOUNS.test(tokens[k].text) && (tokens[k - 2].pos === 'NUM' || QUANTIFIERS.test(tokens[k - 2].text));
    return share ? npLeft(tokens, k - 1, sentenceStart) : k;
  }
  while (k - 1 >= sentenceStart && tokens[k].pos !== 'DET') {
    const previous = wordStart(tokens, k - 1, sentenceStart);
    // A glued word ("foreign-backed") belongs to the phrase whatever its parts are tagged.
    if (previous === k - 1 && (!isNpToken(tokens[k - 1]) || tokens[k - 1].pos === 'PRON')) break;
    k = previous;
  }
  // "the director of the FBI said", "officials in the capital said": join a prepositional
  // phrase to the noun before it.
  if (k - 2 >= sentenceStart && PP_JOIN.has(tokens[k - 1].lemma) && (tokens[k - 2].pos === 'NOUN' || tokens[k - 2].pos === 'PROPN' || isShare(tokens, k)) && !TIME_WORDS.test(tokens[end - 1].text)) {
    return npLeft(tokens, k - 1, sentenceStart);
  }
  // "officials familiar with the matter", "people briefed on the talks": a reduced relative clause.
  const modifier = tokens[k - 2];
  if (k - 3 >= sentenceStart && tokens[k - 1].pos === 'ADP' && (modifier.pos === 'ADJ' || (modifier.pos === 'VERB' && modifier.text.endsWith('ed'))) && ['NOUN', 'PROPN'].includes(tokens[k - 3].pos)) {
    return npLeft(tokens, k - 2, sentenceStart);
  }
  while (k < end - 1 && (tokens[k].text === '-' || tokens[k].text === '.' || POSSESSIVE.test(tokens[k].text))) k++;
  return k;
}

/** "Six in 10", "two of three": a share of people, a number joined to a number. */
const isShare = (tokens: readonly Tok[], k: number) => tokens[k].pos === 'NUM' && tokens[k - 2].pos === 'NUM' && (tokens[k - 1].lemma === 'in' || tokens[k - 1].lemma === 'of');

/** "His lawyer, Daria Holm, told": a name in commas right before the cue joins the phrase. */
function withApposition(tokens: readonly Tok[], range: SourceRange | null, cueStart: number): SourceRange | null {
  if (!range || tokens[range.tokenEnd]?.text !== ',' || tokens[cueStart - 1]?.text !== ',' || cueStart - 2 <= range.tokenEnd) return range;
  for (let k = range.tokenEnd + 1; k < cueStart - 1; k++) if (tokens[k].pos !== 'PROPN' && tokens[k].text !== '.' && tokens[k].text !== '-') return range;
  return { tokenStart: range.tokenStart, tokenEnd: cueStart - 1, rule: `${range.rule} with its apposition` };
}

/** Walks right from `start` over one noun phrase; returns one past its last token. */
function npRight(tokens: readonly Tok[], start: number, sentenceEnd: number): number {
  let k = start;
  if (k < sentenceEnd && tokens[k].pos === 'PRON') return k + 1;
  while (k < sentenceEnd) {
    const next = wordEnd(tokens, k, sentenceEnd);
    if (next === k + 1) {
      if (!(isNpToken(tokens[k]) || (tokens[k].lemma === 'of' && k > start))) break;
      if (tokens[k].text === '.' && k + 1 >= sentenceEnd) break;
      if (tokens[k].pos === 'PRON' && k > start) break;
    }
    k = next;
  }
  while (k > start && (tokens[k - 1].lemma === 'of' || tokens[k - 1].text === '-' || tokens[k - 1].text === '.')) k--;
  return k;
}

/** Time words that head adverbial noun phrases ("on Tuesday", "in recent weeks", "last winter"), never sources. */
const TIME_WORDS = /^(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|today|yesterday|tonight|week|weeks|month|months|year|years|day|days|night|morning|afternoon|evening|time|times|weekend|hour|hours|January|February|March|April|June|July|August|September|October|November|December|winter|winters|summer|summers|autumn|autumns|decade|decades|fortnight)$/;
/** Whether a phrase ends in a time word (or is a bare number): the source rules pass such phrases over. */
const isTimePhrase = (tokens: readonly Tok[], start: number, end: number) => TIME_WORDS.test(tokens[end - 1].text) || (tokens[start].pos === 'NUM' && end - start === 1);

/**
 * Whether a source is a time expression on its own ("last winter", "Monday"): it ends in a time
 * word and every noun of it, before any relative clause, is one ("a study last year",
 * "Tuesday's primary" and "the 46-year-old" are not).
 */
function isTimeOnly(tokens: readonly Tok[], start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) if (RELATIVE.test(tokens[k].text)) end = k;
  if (!TIME_WORDS.test(tokens[end - 1].text) || isGlue(tokens, end - 2)) return false;
  for (let k = start; k < end; k++) {
    const noun = tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN';
    if (noun && (!TIME_WORDS.test(tokens[k].text) || isGlue(tokens, k - 1) || isGlue(tokens, k + 1))) return false;
  }
  return true;
}

/**
 * The clause subject: the first noun phrase of the sentence followed (after adverbs) by a verb,
 * else one followed by a comma; phrases inside a leading prepositional phrase and relative
 * pronouns are passed over.
 */
function clauseSubject(tokens: readonly Tok[], cueStart: number, sentenceStart: number): SourceRange | null {
  let fallback: SourceRange | null = null;
  let quoted = false;
  for (let k = sentenceStart; k < cueStart; k++) {
    const t = tokens[k];
    // Words inside quote marks are what someone said, not the subject ("“It’s a reflection …,” McCain said, citing").
    if (DOUBLE_QUOTE.test(t.text)) quoted = !quoted;
    if (quoted) continue;
    // ", who spent last winter in her kitchen,": nothing in a relative clause in commas before the cue is the subject.
    if (RELATIVE.test(t.text) && tokens[k - 1]?.text === ',') {
      let close = k + 1;
      while (close < cueStart && tokens[close].text !== ',') close++;
      if (close < cueStart) {
        k = close;
        continue;
      }
    }
    const pronoun = t.pos === 'PRON' && /^(he|she|they|it|i|we|you)$/i.test(t.text);
    if (!(t.pos === 'PROPN' || t.pos === 'NOUN' || pronoun)) continue;
    let end = pronoun ? k + 1 : wordEnd(tokens, k, cueStart);
    if (!pronoun) while (end < cueStart && isNpToken(tokens[end]) && tokens[end].pos !== 'PRON') end = wordEnd(tokens, end, cueStart);
    const start = pronoun ? k : npLeft(tokens, end, sentenceStart);
    let next = end;
    // "Top officials in Washington have …": step over one prepositional phrase.
    if (next < cueStart && tokens[next].pos === 'ADP' && tokens[next].lemma !== 'by') {
      let after = next + 1;
      while (after < cueStart && isNpToken(tokens[after])) after++;
      if (after > next + 1) next = after;
    }
    while (next < cueStart && tokens[next].pos === 'ADV') next++;
    const follower = tokens[next];
    const inPhrase = start - 1 >= sentenceStart && tokens[start - 1].pos === 'ADP';
    if (follower && !isTimePhrase(tokens, start, end) && !inPhrase) {
      if (follower.pos === 'VERB' || follower.pos === 'AUX') return { tokenStart: start, tokenEnd: end, rule: 'clause subject' };
      if (follower.text === ',' && !fallback) fallback = { tokenStart: start, tokenEnd: end, rule: 'clause subject' };
    }
    k = end - 1;
  }
  return fallback;
}

const QUOTE_BEFORE = /^['’”"]$/;
const DOUBLE_QUOTE = /^(?:["“”«»]|``|'')$/;
const RELATIVE = /^(who|which)$/i;
/** Words opening a clause of their own ("… in a year when voters …"): a relative clause does not run across them. */
const CLAUSE_OPENER = /^(?:when|where|while|because|if|although|since|until|that)$/i;

/** The opening comma of the comma-bounded stretch that ends at `comma` (within ten tokens), or -1. */
function openingComma(tokens: readonly Tok[], comma: number, s0: number): number {
  for (let j = comma - 1; j >= s0 && j >= comma - 10; j--) if (tokens[j].text === ',') return j;
  return -1;
}

/** A name standing alone between commas right before the cue: "The head of the PAC, Mike Murphy, praised". */
function nameInCommas(tokens: readonly Tok[], comma: number, s0: number): SourceRange | null {
  const open = openingComma(tokens, comma, s0);
  if (open < 0 || open + 1 === comma) return null;
  for (let j = open + 1; j < comma; j++) if (tokens[j].pos !== 'PROPN' && tokens[j].text !== '.' && tokens[j].text !== '-') return null;
  return { tokenStart: open + 1, tokenEnd: comma, rule: 'name in commas before cue' };
}

/**
 * The noun phrase a "who …" / "which …" clause in commas right before the cue follows, however
 * long the clause: "Barkley, who said he votes, said", "Edita Sorn, 77, who spent …, said" (an
 * age in commas between them is passed over).
 */
function beforeRelativeClause(tokens: readonly Tok[], comma: number, s0: number): SourceRange | null {
  let open = -1;
  for (let j = comma - 1; j - 1 > s0 && open < 0; j--) {
    if (DOUBLE_QUOTE.test(tokens[j].text)) return null;
    if (RELATIVE.test(tokens[j].text) && tokens[j - 1].text === ',') open = j - 1;
  }
  let end = open;
  if (end - 2 > s0 && tokens[end - 1].pos === 'NUM' && tokens[end - 2].text === ',') end -= 2;
  // "Sen. Ana Roe (Vt.), who …": the parenthesis after the name is passed over too.
  if (tokens[end - 1]?.text === ')') {
    let paren = end - 1;
    while (paren > s0 && tokens[paren].text !== '(') paren--;
    if (paren > s0) end = paren;
  }
  if (end - 1 < s0 || !isNpToken(tokens[end - 1]) || tokens[end - 1].pos === 'DET') return null;
  const start = npLeft(tokens, end, s0);
  return isTimePhrase(tokens, start, end) ? null : { tokenStart: start, tokenEnd: end, rule: 'noun phrase before a relative clause' };
}

/**
 * Start of the noun phrase whose relative clause (no commas) holds the phrase starting at
 * `start`, or -1: in "commentators who had spent months warning … were quick to question" the
 * phrase before the cue is the clause's object; the one speaking is "commentators".
 */
function relativeHost(tokens: readonly Tok[], start: number, s0: number): number {
  // "… who said he was wrong, he argued": a pronoun before the cue is a subject of its own.
  if (tokens[start].pos === 'PRON') return -1;
  let verb = false;
  for (let j = start - 1; j > s0; j--) {
    const t = tokens[j];
    if (RELATIVE.test(t.text)) {
      const host = tokens[j - 1];
      return verb && isNpToken(host) && host.text !== '.' && host.pos !== 'DET' ? npLeft(tokens, j, s0) : -1;
    }
    if ((t.pos === 'PUNCT' && !isGlue(tokens, j)) || t.pos === 'SCONJ' || CLAUSE_OPENER.test(t.text)) return -1;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
  }
  return -1;
}

/** Finds the source of the cue `[cueStart, cueEnd)` within its sentence `[s0, s1)`; a time expression alone ("said Monday") is none. */
export function findSource(tokens: readonly Tok[], cueStart: number, cueEnd: number, s0: number, s1: number): SourceRange | null {
  const found = sourceRange(tokens, cueStart, cueEnd, s0, s1);
  return found && isTimeOnly(tokens, found.tokenStart, found.tokenEnd) ? null : found;
}

function sourceRange(tokens: readonly Tok[], cueStart: number, cueEnd: number, s0: number, s1: number): SourceRange | null {
  const first = tokens[cueStart];
  // "reacted to Merz's statements by saying": the subject of the clause speaks.
  for (let k = cueStart; k < cueEnd - 1; k++) {
    if (tokens[k].lemma === 'by' && tokens[k + 1].text.endsWith('ing')) return clauseSubject(tokens, cueStart, s0);
  }
  if (SOURCE_AFTER.test(first.text) || DASH.test(first.text)) {
    const end = npRight(tokens, cueEnd, s1);
    return end > cueEnd ? { tokenStart: cueEnd, tokenEnd: end, rule: 'noun phrase after according-to cue' } : null;
  }
  let k = cueStart;
  while (k - 1 >= s0 && (SKIP_POS.has(tokens[k - 1].pos) || (tokens[k - 1].pos === 'VERB' && tokens[k].lemma === 'to')) && tokens[k - 1].lemma !== 'to') k--;
  const before = tokens[k - 1];
  // An apostrophe after punctuation closes a quote ("…,'' said Brel"); after a word it is a possessive ("the workers' views").
  const apostrophe = k - 2 >= s0 && /^['’]$/.test(before.text) && tokens[k - 2].pos === 'PUNCT';
  if (k - 1 >= s0 && isNpToken(before) && before.text !== '.' && before.pos !== 'DET' && !apostrophe) {
    const start = npLeft(tokens, k, s0);
    // Only a verb cue is the predicate a relative clause's noun can be the subject of.
    const host = first.pos === 'VERB' || first.pos === 'AUX' ? relativeHost(tokens, start, s0) : -1;
    if (host >= 0) return { tokenStart: host, tokenEnd: k, rule: 'noun phrase with its relative clause' };
    // "the Kentucky Republican on Tuesday dismissed": step over the time phrase.
    if (isTimePhrase(tokens, start, k) && start - 1 > s0 && tokens[start - 1].pos === 'ADP') {
      const again = findSource(tokens, start - 1, cueEnd, s0, s1);
      if (again) return again;
    }
    if (!isTimePhrase(tokens, start, k)) return { tokenStart: start, tokenEnd: k, rule: 'noun phrase before cue' };
  }
  // "…,' said Macron": the source follows the cue, only right after a quote.
  const afterQuote = k - 1 < s0 || QUOTE_BEFORE.test(before.text) || (before.text === ',' && k - 2 >= s0 && QUOTE_BEFORE.test(tokens[k - 2].text));
  if (afterQuote && first.pos === 'VERB' && !first.text.endsWith('ing') && cueEnd < s1 && ['PROPN', 'DET', 'PRON', 'NOUN'].includes(tokens[cueEnd].pos)) {
    const end = npRight(tokens, cueEnd, s1);
    if (end > cueEnd) return { tokenStart: cueEnd, tokenEnd: end, rule: 'noun phrase after cue (inverted)' };
  }
  // "The head of the PAC, Mike Murphy, praised …", "Barkley, who said he …, said …".
  if (before?.text === ',' && (first.pos === 'VERB' || first.pos === 'AUX')) {
    const inserted = nameInCommas(tokens, k - 1, s0) ?? beforeRelativeClause(tokens, k - 1, s0);
    if (inserted) return inserted;
  }
  // "X, who runs Y, says", "and says", "adding that", "by saying": the subject of the clause speaks.
  if (first.pos === 'VERB' || first.pos === 'AUX' || first.text === ':' || before?.text === ',' || before?.pos === 'CCONJ') {
    return withApposition(tokens, clauseSubject(tokens, cueStart, s0), cueStart);
  }
  return null;
}
