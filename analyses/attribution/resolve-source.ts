/**
 * Step 4 of extraction: who a source is. A source inside a name mention takes the mention's
 * alias key and type. Pronouns ("he", "they", "who") and descriptions ("the minister",
 * "Germany's top diplomat", "the British daily") resolve to the nearest compatible earlier
 * source or named mention, and keep the chain as evidence. Role and group nouns without a name
 * type the source as anonymous, media, document or organization.
 */
import type { AnalyzedDoc, Mention, Token } from '../../src/text/types.js';
import type { ResolutionStep, SourceType } from './types.js';
import type { SourceNouns } from './source-lexicon.js';
import { nameBeforeSeam } from '../../src/text/glued-names.js';
import { firstStartingAt } from '../../src/text/first-starting-at.js';

/** A source already resolved earlier in the document (for pronoun continuity). */
export interface PriorSource {
  start: number;
  sentence: number;
  resolved: string;
  sourceType: SourceType;
}

export interface Resolution {
  resolved: string | null;
  sourceType: SourceType;
  chain: ResolutionStep[];
}

const PERSON_PRONOUNS = /^(he|she|him|her|his|hers)$/i;
const ANY_PRONOUNS = /^(they|them|it|its|their|we|who|which|that)$/i;
const SPEAKER_PRONOUNS = /^(i|me|my|we|you|us)$/i;
/** How far back (in sentences) a pronoun may look for its antecedent. */
const WINDOW = 4;

const mentionType = (m: Mention): SourceType =>
  m.type === 'person' ? 'person' : m.type === 'media' ? 'media' : m.type === 'unknown' ? 'unknown' : 'organization';

const RELATIVE = /^(who|which)$/i;

/** End of a source's noun phrase before the relative clause it may carry ("commentators who had spent …"). */
function phraseEnd(tokens: readonly Token[], start: number, end: number): number {
  for (let k = start + 1; k < end; k++) if (RELATIVE.test(tokens[k].text)) return k;
  return end;
}

/** The last noun or pronoun of a token range: the head of the phrase. */
function headOf(tokens: readonly Token[], start: number, end: number): number {
  end = phraseEnd(tokens, start, end);
  // "officials in the capital": the head comes before the prepositional phrase.
  for (let k = start + 1; k < end; k++) if (tokens[k].pos === 'ADP' && !/^['’]s?$/.test(tokens[k].text)) end = k;
  for (let k = end - 1; k >= start; k--) if (['NOUN', 'PROPN', 'PRON'].includes(tokens[k].pos)) return k;
  return end - 1;
}

function categoriesOf(nouns: SourceNouns, token: Token): Set<string> {
  const lower = token.text.toLowerCase();
  // Sentence-initial plurals ("Officials said") may come tagged as names with unreduced lemmas.
  return nouns.get(token.lemma.toLowerCase()) ?? nouns.get(lower) ?? nouns.get(lower.replace(/s$/, '')) ?? new Set();
}

const outletNames = new WeakMap<readonly string[], Set<string>>();

/** Whether `text` is one of the corpus outlets' names (any case); the lower-cased names are made once per list. */
function isOutlet(outlets: readonly string[], text: string): boolean {
  let names = outletNames.get(outlets);
  if (!names) outletNames.set(outlets, (names = new Set(outlets.map((o) => o.toLowerCase()))));
  return names.has(text.toLowerCase());
}

/** Type of a phrase with no mention, from its head noun and its shape. */
function typeFromHead(nouns: SourceNouns, tokens: readonly Token[], start: number, end: number, outlets: readonly string[], text: string, head = tokens[headOf(tokens, start, end)]): SourceType {
  if (isOutlet(outlets, text)) return 'media';
  const cats = categoriesOf(nouns, head);
  const named = tokens.slice(start, end).some((t) => t.pos === 'PROPN');
  if (cats.has('media')) return 'media';
  if (cats.has('document')) return 'document';
  if (cats.has('organization')) return 'organization';
  if (cats.has('anonymous')) return 'anonymous';
  if (cats.has('person-role')) return named ? 'person' : 'anonymous';
  if (head.pos === 'PROPN') return /s$/.test(head.text) && start === end - 1 && !/^[A-Z]+$/.test(head.text) ? 'unknown' : 'person';
  if (head.pos === 'PRON') return PERSON_PRONOUNS.test(head.text) || SPEAKER_PRONOUNS.test(head.text) ? 'person' : 'unknown';
  return 'unknown';
}

/**
 * Token range of a source; `start`/`end` narrow it to characters when the range runs across a
 * seam of glued words (src/text/glued-names.ts) and the source is only the part on the cue's side.
 */
export interface SourceChars {
  tokenStart: number;
  tokenEnd: number;
  start?: number;
  end?: number;
}

/**
 * The last mention ending by `offset` that `ok` accepts. Mentions come in document order, so
 * the walk back starts at the last one starting before `offset` (found by bisection) instead of
 * at the end of the article.
 */
function lastMentionBefore(mentions: readonly Mention[], offset: number, ok: (m: Mention) => boolean): Mention | undefined {
  for (let k = firstStartingAt(mentions, offset) - 1; k >= 0; k--) if (mentions[k].end <= offset && ok(mentions[k])) return mentions[k];
  return undefined;
}

const mentionIndexes = new WeakMap<AnalyzedDoc, Int32Array>();

/** Per token, the index of the first mention (in document order) holding it, or -1: made once per document. */
function mentionAt(doc: AnalyzedDoc): Int32Array {
  let at = mentionIndexes.get(doc);
  if (at) return at;
  at = new Int32Array(doc.tokens.length).fill(-1);
  doc.mentions.forEach((m, index) => {
    for (let k = m.tokenStart; k < m.tokenEnd; k++) if (at![k] < 0) at![k] = index;
  });
  mentionIndexes.set(doc, at);
  return at;
}

export function resolveSource(
  doc: AnalyzedDoc,
  range: SourceChars,
  prior: readonly PriorSource[],
  nouns: SourceNouns,
  outlets: readonly string[],
): Resolution {
  const { tokens, mentions, article } = doc;
  const start = range.start ?? tokens[range.tokenStart].start;
  const end = range.end ?? tokens[range.tokenEnd - 1].end;
  const text = article.text.slice(start, end);
  const headIndex = headOf(tokens, range.tokenStart, range.tokenEnd);
  // A head glued to the word before the source ("…HaleAides") is read from the source's start.
  const head = tokens[headIndex].start < start ? { ...tokens[headIndex], text: article.text.slice(start, tokens[headIndex].end), lemma: article.text.slice(start, tokens[headIndex].end) } : tokens[headIndex];
  const typeOfPhrase = () => typeFromHead(nouns, tokens, range.tokenStart, phraseEnd(tokens, range.tokenStart, range.tokenEnd), outlets, text, head);
  const sentence = head.sentence;
  const step = (t: string, s: number, e: number, rule: string): ResolutionStep => ({ text: t, start: s, end: e, rule });
  const nameOf = (m: Mention) => nameBeforeSeam(article.text, m.name.start, m.end) ?? m.key;

  // 1. The head lies in a name mention (not one cut off before the source's start): that name.
  const mention = range.start === undefined
    ? mentions[mentionAt(doc)[headIndex]]
    : mentions.find((m) => m.tokenStart <= headIndex && headIndex < m.tokenEnd && m.start >= range.start!);
  if (mention) {
    const type = mentionType(mention);
    return { resolved: nameOf(mention), sourceType: type === 'unknown' ? typeOfPhrase() : type, chain: [step(mention.text, mention.start, mention.end, 'name mention')] };
  }

  const earlier = (types: SourceType[], titleWord?: string) => {
    const recent = prior.findLast((p) => p.start < start && sentence - p.sentence <= WINDOW && types.includes(p.sourceType));
    const named = lastMentionBefore(mentions, start, (m) => types.includes(mentionType(m)) && (!titleWord || (m.title?.text ?? m.text).toLowerCase().includes(titleWord)));
    return { recent, named };
  };

  // 2. Pronouns: the most recent compatible source nearby, else the nearest compatible name.
  if (range.tokenEnd - range.tokenStart === 1 && head.pos === 'PRON' && !SPEAKER_PRONOUNS.test(head.text)) {
    const types: SourceType[] = PERSON_PRONOUNS.test(head.text) ? ['person'] : ANY_PRONOUNS.test(head.text) ? ['person', 'organization', 'media'] : ['person'];
    const { recent, named } = earlier(types);
    if (recent && (!named || recent.start >= named.start || sentence - recent.sentence <= 1)) {
      return { resolved: recent.resolved, sourceType: recent.sourceType, chain: [step(text, start, end, 'pronoun'), step(recent.resolved, recent.start, recent.start, 'previous source')] };
    }
    if (named) {
      return { resolved: nameOf(named), sourceType: mentionType(named), chain: [step(text, start, end, 'pronoun'), step(named.text, named.start, named.end, 'nearest earlier name')] };
    }
    return { resolved: null, sourceType: typeOfPhrase(), chain: [step(text, start, end, 'unresolved pronoun')] };
  }

  // 3. Definite descriptions: "the minister", "Germany's top diplomat", "the British daily".
  const named = head.pos === 'PROPN';
  const plural = head.pos === 'NOUN' && head.text.toLowerCase() !== head.lemma.toLowerCase() && /s$/i.test(head.text);
  const definite = /^(the|this|that)$/i.test(tokens[range.tokenStart].text) || tokens.slice(range.tokenStart, range.tokenEnd).some((t) => /^['’]s?$/.test(t.text));
  const cats = categoriesOf(nouns, head);
  if (definite && !named && !plural) {
    const wanted: SourceType[] | null = cats.has('person-role') ? ['person'] : cats.has('media') ? ['media'] : cats.has('organization') ? ['organization'] : null;
    if (wanted) {
      // People and institutions need the head word in the name ("the minister" → "Foreign
      // Minister X", "the ministry" → "Defence Ministry"); outlets may go by any description.
      const titled = wanted[0] === 'media' ? undefined : earlier(wanted, head.lemma.toLowerCase()).named;
      const { recent, named: nearest } = earlier(wanted);
      const target = titled ?? (recent || wanted[0] === 'organization' ? undefined : nearest);
      if (target) {
        return { resolved: nameOf(target), sourceType: wanted[0], chain: [step(text, start, end, `description (${head.lemma})`), step(target.text, target.start, target.end, titled ? 'earlier name with that title' : 'nearest earlier name')] };
      }
      if (recent) {
        return { resolved: recent.resolved, sourceType: wanted[0], chain: [step(text, start, end, `description (${head.lemma})`), step(recent.resolved, recent.start, recent.start, 'previous source')] };
      }
    }
  }

  // 4. No name to resolve to: the phrase itself without its relative clause, typed by its head.
  const sourceType = typeOfPhrase();
  const clause = phraseEnd(tokens, range.tokenStart, range.tokenEnd);
  const phrase = clause < range.tokenEnd ? article.text.slice(start, tokens[clause - 1].end) : text;
  const resolved = sourceType === 'anonymous' ? phrase.replace(/^(a|an|the|some)\s+/i, '') : phrase;
  return { resolved, sourceType, chain: [step(text, start, end, sourceType === 'anonymous' ? 'unnamed source' : 'source phrase')] };
}
