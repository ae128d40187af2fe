/**
 * The loaded-language lexicons (data/lexicons: labels, euphemisms, hedges, intensifiers,
 * report-verbs), loaded and matched with the shared matcher of the text layer
 * (src/text/lexicon.ts). Users add or override entries with `--lexicon file.json` (an entry with
 * the same term and category replaces ours). Sits between the text layer and detect.ts.
 */
import type { AnalyzedDoc } from '../../src/text/types.js';
import { compileLexicon, loadLexicons, type LexiconEntry, type LexiconMatch } from '../../src/text/lexicon.js';
import { LEXICON_CATEGORIES, type LexiconCategory } from './types.js';
import { saidOfPeople } from './said-of-people.js';

export type { LexiconEntry } from '../../src/text/lexicon.js';

/** A lexicon entry of one of our categories found in a document. */
export interface LexiconHit extends LexiconMatch {
  category: LexiconCategory;
}

/** The lexicons this analysis ships (names of files in data/lexicons). */
export const LOADED_LEXICONS = ['labels', 'euphemisms', 'hedges', 'intensifiers', 'report-verbs'];

/** Reads the shipped lexicons plus `extraFiles`, keeping entries of the loaded-language categories. */
export function loadLoadedLexicons(extraFiles: readonly string[] = []): LexiconEntry[] {
  return loadLexicons(LOADED_LEXICONS, extraFiles).entries.filter((e) => (LEXICON_CATEGORIES as readonly string[]).includes(e.category));
}

/** Categories of sources.json whose nouns name people ("official", "resident", "minister"). */
const PERSON_SOURCE_CATEGORIES = new Set(['anonymous', 'person-role']);

/**
 * Lemmas of the nouns for people, read by said-of-people.ts: the person nouns attribution already
 * knows (sources.json) and the groups people.json adds ("migrant", "rioter"), plus `extraFiles`
 * named "people" or "sources".
 */
export function loadPeopleNouns(extraFiles: readonly string[] = []): Set<string> {
  const sources = loadLexicons(['sources'], extraFiles).entries.filter((e) => PERSON_SOURCE_CATEGORIES.has(e.category));
  return new Set([...sources, ...loadLexicons(['people'], extraFiles).entries].map((e) => e.term.toLowerCase()));
}

/** A compiled matcher over a fixed list of entries. */
export interface LoadedMatcher {
  match(doc: AnalyzedDoc): LexiconHit[];
}

/**
 * Compiles entries once; `match` returns every hit (overlaps are resolved in detect.ts), except
 * hits of entries marked `people` that are not said of people (said-of-people.ts).
 */
export function compileLoadedLexicon(entries: readonly LexiconEntry[], people: ReadonlySet<string> = new Set()): LoadedMatcher {
  const matcher = compileLexicon(entries);
  return {
    match(doc) {
      // The matches are new objects of this call: tag them in place rather than copy each.
      const hits = matcher.match(doc, { overlaps: 'all' }) as LexiconHit[];
      for (const hit of hits) hit.category = hit.entry.category as LexiconCategory;
      return hits.filter((hit) => !hit.entry.people || saidOfPeople(doc, hit, people));
    },
  };
}
