/**
 * The corpus-wide alias view of name mentions: "Lavrov" in one article and "Sergey Lavrov" in
 * another are one person. Runs after the text layer over all AnalyzedDocs (mentions are keyed
 * within each document first, in mentions.ts).
 */
import { isCommonWord } from './common-words.js';
import { formedFromPlace } from './name-evidence.js';
import type { AnalyzedDoc, MentionType } from './types.js';

export interface AliasEntry {
  key: string;
  /** Every surface name seen for the key ("Sergey Lavrov", "Lavrov"), most frequent first. */
  forms: string[];
  /** Mentions in the corpus. */
  count: number;
  /** The most frequent type among the key's mentions (person when any mention had a title). */
  type: MentionType;
}

export type AliasIndex = Map<string, AliasEntry>;

export interface AliasOptions {
  /**
   * Rewrite `Mention.key` (and a one-word mention's type) in the docs to the merged key, and type
   * as places the untyped mentions of a one-word name other articles show to be a place. Default true.
   */
  rekey?: boolean;
}

/**
 * A one-word name used more than this many times as often as the full name it would join is
 * taken as a name of its own: news text introduces a person by full name and then shortens it,
 * so a surname far outnumbering every full name that ends in it is a place or a group (a
 * country named at every turn, and once at the end of a mistyped organisation's name).
 */
const MAX_SURNAME_SHARE = 5;

/**
 * Share of the articles naming a one-word key that must show it in a place context before its
 * untyped mentions elsewhere become places: a place is put in place ("in X", "near X") by many of
 * the articles that name it, a company or a disease only now and then ("in Amazon", "in Ebola").
 */
const MIN_PLACE_SHARE = 0.2;

/**
 * Merges mention keys across the corpus: a one-word key that is the last word of exactly one
 * longer person key (the most frequent one when several) joins it, unless the one-word key is
 * mostly typed as something other than a person, or is used far more often (MAX_SURNAME_SHARE),
 * or is a common word in wink's lexicon never typed person by itself (a title, "Mr.") anywhere in
 * the corpus: "State" does not join "New York State", "Trump" joins "Donald Trump" once some
 * article says "President Trump".
 * A one-word key typed place in at least a fifth of the articles naming it (mentions.ts found it
 * in a place context there: "in X", "the mayor of X") and never person, organization or media is
 * a place wherever it was left untyped, unless it is the demonym of another one-word name
 * ("Santheran" beside "Santhera").
 */
export function buildAliasIndex(docs: readonly AnalyzedDoc[], options: AliasOptions = {}): AliasIndex {
  const personCounts = new Map<string, number>();
  // per one-word key: mentions, those typed person, those typed other than person, those typed person, organization or media, articles, articles typing it place
  const oneWord = new Map<string, { count: number; person: number; notPerson: number; named: number; docs: number; placeDocs: number }>();
  for (const doc of docs) {
    const here = new Set<string>();
    const placeHere = new Set<string>();
    for (const m of doc.mentions) {
      if (m.key.includes(' ')) {
        if (m.type === 'person') personCounts.set(m.key, (personCounts.get(m.key) ?? 0) + 1);
        continue;
      }
      const seen = oneWord.get(m.key) ?? { count: 0, person: 0, notPerson: 0, named: 0, docs: 0, placeDocs: 0 };
      seen.count++;
      if (m.type === 'person') seen.person++;
      if (!here.has(m.key)) {
        here.add(m.key);
        seen.docs++;
      }
      if (m.type === 'place' && !placeHere.has(m.key)) {
        placeHere.add(m.key);
        seen.placeDocs++;
      }
      if (m.type !== 'person' && m.type !== 'unknown') seen.notPerson++;
      if (m.type !== 'place' && m.type !== 'unknown') seen.named++;
      oneWord.set(m.key, seen);
    }
  }
  const bySurname = new Map<string, string>();
  for (const [key, count] of personCounts) {
    const surname = key.slice(key.lastIndexOf(' ') + 1);
    const known = bySurname.get(surname);
    if (!known || (personCounts.get(known) ?? 0) < count) bySurname.set(surname, key);
  }
  for (const [surname, key] of bySurname) {
    const seen = oneWord.get(surname);
    if (seen && (2 * seen.notPerson > seen.count || seen.count > MAX_SURNAME_SHARE * personCounts.get(key)!)) bySurname.delete(surname);
    else if (notAFullName(key)) bySurname.delete(surname);
    // "State", "Democrats", "Center": a common word joins a full name only once the corpus calls it a person by itself ("President Trump", "Mr. Brown")
    else if (seen && seen.person === 0 && isCommonWord(surname.toLowerCase())) bySurname.delete(surname);
  }
  const resolve = (key: string) => (key.includes(' ') ? key : (bySurname.get(key) ?? key));
  const places = new Set<string>();
  for (const [key, seen] of oneWord) {
    // a demonym of another name of the corpus ("Santheran" beside "Santhera") is no place, whatever its context
    const demonym = formedFromPlace(key.toLowerCase(), (place) => oneWord.has(place[0].toUpperCase() + place.slice(1)));
    if (seen.placeDocs > 0 && seen.placeDocs >= MIN_PLACE_SHARE * seen.docs && seen.named === 0 && !bySurname.has(key) && !demonym) places.add(key);
  }

  const forms = new Map<string, Map<string, number>>();
  const types = new Map<string, Map<MentionType, number>>();
  const index: AliasIndex = new Map();
  for (const doc of docs) {
    for (const m of doc.mentions) {
      const key = resolve(m.key);
      const merged = key !== m.key;
      const place = !merged && m.type === 'unknown' && places.has(key);
      if (merged && options.rekey !== false) {
        m.key = key;
        if (m.type === 'unknown') m.type = 'person';
      }
      if (place && options.rekey !== false) m.type = 'place';
      const type = merged ? 'person' : place ? 'place' : m.type;
      const entry = index.get(key) ?? { key, forms: [], count: 0, type };
      entry.count++;
      index.set(key, entry);
      bump(forms, key, m.name.text.replace(/\s+/g, ' '));
      bump(types, key, type);
    }
  }
  for (const entry of index.values()) {
    entry.forms = ranked(forms.get(entry.key)!);
    entry.type = ranked(types.get(entry.key)!)[0];
  }
  return index;
}

/**
 * Whether a person key cannot be a person's full name because it opens with a lower-case word
 * ("of Health", left by a headline in title case): a one-word key never joins such a name.
 */
const notAFullName = (key: string) => /^\p{Ll}/u.test(key);

function bump<K>(map: Map<string, Map<K, number>>, key: string, value: K): void {
  const inner = map.get(key) ?? new Map<K, number>();
  inner.set(value, (inner.get(value) ?? 0) + 1);
  map.set(key, inner);
}

function ranked<K>(counts: Map<K, number>): K[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}
