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

/** The last noun or pronoun of a token range: the head of the phrase. */
function headOf(tokens: readonly Token[], start: number, end: number): number {
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

/** Type of a phrase with no mention, from its head noun and its shape. */
function typeFromHead(nouns: SourceNouns, tokens: readonly Token[], start: number, end: number, outlets: readonly string[], text: string): SourceType {
  if (outlets.some((o) => o.toLowerCase() === text.toLowerCase())) return 'media';
  const head = tokens[headOf(tokens, start, end)];
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

export function resolveSource(
  doc: AnalyzedDoc,
  range: { tokenStart: number; tokenEnd: number },
  prior: readonly PriorSource[],
  nouns: SourceNouns,
  outlets: readonly string[],
): Resolution {
  const { tokens, mentions, article } = doc;
  const start = tokens[range.tokenStart].start;
  const end = tokens[range.tokenEnd - 1].end;
  const text = article.text.slice(start, end);
  const headIndex = headOf(tokens, range.tokenStart, range.tokenEnd);
  const head = tokens[headIndex];
  const sentence = head.sentence;
  const step = (t: string, s: number, e: number, rule: string): ResolutionStep => ({ text: t, start: s, end: e, rule });

  // 1. The head lies in a name mention: that name.
  const mention = mentions.find((m) => m.tokenStart <= headIndex && headIndex < m.tokenEnd);
  if (mention) {
    const type = mentionType(mention);
    return { resolved: mention.key, sourceType: type === 'unknown' ? typeFromHead(nouns, tokens, range.tokenStart, range.tokenEnd, outlets, text) : type, chain: [step(mention.text, mention.start, mention.end, 'name mention')] };
  }

  const earlier = (types: SourceType[], titleWord?: string) => {
    const recent = [...prior].reverse().find((p) => p.start < start && sentence - p.sentence <= WINDOW && types.includes(p.sourceType));
    const named = [...mentions]
      .reverse()
      .find((m) => m.end <= start && types.includes(mentionType(m)) && (!titleWord || (m.title?.text ?? m.text).toLowerCase().includes(titleWord)));
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
      return { resolved: named.key, sourceType: mentionType(named), chain: [step(text, start, end, 'pronoun'), step(named.text, named.start, named.end, 'nearest earlier name')] };
    }
    return { resolved: null, sourceType: typeFromHead(nouns, tokens, range.tokenStart, range.tokenEnd, outlets, text), chain: [step(text, start, end, 'unresolved pronoun')] };
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
        return { resolved: target.key, sourceType: wanted[0], chain: [step(text, start, end, `description (${head.lemma})`), step(target.text, target.start, target.end, titled ? 'earlier name with that title' : 'nearest earlier name')] };
      }
      if (recent) {
        return { resolved: recent.resolved, sourceType: wanted[0], chain: [step(text, start, end, `description (${head.lemma})`), step(recent.resolved, recent.start, recent.start, 'previous source')] };
      }
    }
  }

  // 4. No name to resolve to: the phrase itself, typed by its head.
  const sourceType = typeFromHead(nouns, tokens, range.tokenStart, range.tokenEnd, outlets, text);
  const resolved = sourceType === 'anonymous' ? text.replace(/^(a|an|the|some)\s+/i, '') : text;
  return { resolved, sourceType, chain: [step(text, start, end, sourceType === 'anonymous' ? 'unnamed source' : 'source phrase')] };
}
