/**
 * The cue words that type name mentions, read once from data/lexicons/titles.json: titles and
 * honorifics (person), title modifiers, head nouns of organisation / institution / media / place / event
 * names, compass words, demonyms, a modest list of countries, regions and capitals, and the
 * prepositions and nouns that put a name in a place context ("in X", "the mayor of X").
 * All keys are lower case.
 */
import { readFileSync } from 'node:fs';
import { lexiconPath } from '../paths.js';

export interface MentionCues {
  /** Single title words ("minister", "mayor", "general"); multi-word titles contribute their last word. */
  titles: Set<string>;
  honorifics: Set<string>;
  /** Words kept in a title span before the title ("former", "new", "vice"). */
  modifiers: Set<string>;
  organizationHeads: Set<string>;
  /**
   * Heads of institutions named after a place or person ("Mount Sinai Hospital", "Brennan
   * Center"): an organisation at the end of a longer name only, not alone nor after a possessive.
   */
  institutionHeads: Set<string>;
  mediaHeads: Set<string>;
  placeHeads: Set<string>;
  otherHeads: Set<string>;
  compass: Set<string>;
  demonyms: Set<string>;
  /** Whole names, lower case ("north korea", "moscow"). */
  places: Set<string>;
  /** Prepositions after which a one-word name is a place ("in", "near", "from"). */
  placePrepositions: Set<string>;
  /**
   * Nouns that tie a name to a place: "the mayor of X", "X's residents", "the capital, X"
   * ("mayor", "residents", "capital").
   */
  placeNouns: Set<string>;
  /** Words that open a place name ("port", "mount", "lake"). */
  placePrefixes: Set<string>;
}

interface CueEntry {
  term: string;
  category: string;
}

let cached: MentionCues | undefined;

/** The cues from data/lexicons/titles.json (read on first use). */
export function mentionCues(): MentionCues {
  if (cached) return cached;
  const entries = (JSON.parse(readFileSync(lexiconPath('titles.json'), 'utf8')) as { entries: CueEntry[] }).entries;
  cached = cuesFrom(entries);
  return cached;
}

/** Builds cue sets from titles.json-shaped entries. */
export function cuesFrom(entries: readonly CueEntry[]): MentionCues {
  const cues: MentionCues = {
    titles: new Set(), honorifics: new Set(), modifiers: new Set(), organizationHeads: new Set(), institutionHeads: new Set(), mediaHeads: new Set(),
    placeHeads: new Set(), otherHeads: new Set(), compass: new Set(), demonyms: new Set(), places: new Set(),
    placePrepositions: new Set(), placeNouns: new Set(), placePrefixes: new Set(),
  };
  const sets: Record<string, Set<string>> = {
    honorific: cues.honorifics, 'title-modifier': cues.modifiers, 'organization-head': cues.organizationHeads, 'institution-head': cues.institutionHeads,
    'media-head': cues.mediaHeads, 'place-cue': cues.placeHeads, 'other-cue': cues.otherHeads, compass: cues.compass,
    demonym: cues.demonyms, place: cues.places, 'place-preposition': cues.placePrepositions, 'place-noun': cues.placeNouns,
    'place-prefix': cues.placePrefixes,
  };
  for (const { term, category } of entries) {
    const lower = term.toLowerCase().trim();
    if (category === 'title') {
      const words = lower.split(/\s+/);
      cues.titles.add(words[words.length - 1]);
      for (const w of words.slice(0, -1)) cues.modifiers.add(w);
    } else sets[category]?.add(lower);
  }
  return cues;
}
