/**
 * Cue verb → stance. Report verbs come from data/lexicons/report-verbs.json (shared with the
 * loaded-language analysis: category "report-verb", subcategory = stance); further cues from
 * data/lexicons/cue-words.json; `--lexicon` files may add or override entries of either kind.
 */
import { loadLexicon } from '../../src/text/lexicon.js';
import { lexiconPath } from '../../src/paths.js';
import type { Stance } from './types.js';

const STANCES = new Set<Stance>(['neutral', 'doubting', 'conceding', 'emphatic']);
const CUE_CATEGORIES = new Set(['report-verb', 'cue-verb', 'cue-phrase', 'cue-noun']);

/** Lemma or phrase → stance, with the lexicon each came from. */
export type StanceTable = Map<string, { stance: Stance; lexicon: string }>;

const cache = new Map<string, StanceTable>();

/** Builds the stance table from the shipped lexicons plus `extraFiles` (later files win). */
export function loadStances(extraFiles: readonly string[] = []): StanceTable {
  const key = extraFiles.join('\n');
  const cached = cache.get(key);
  if (cached) return cached;
  const table: StanceTable = new Map();
  // cue-words first so the shared report-verb stances take precedence over them.
  for (const file of [lexiconPath('cue-words.json'), lexiconPath('report-verbs.json'), ...extraFiles]) {
    // loadLexicon validates the file and names it in any error (a user's --lexicon typo included).
    const lexicon = loadLexicon(file);
    for (const entry of lexicon.entries) {
      if (!CUE_CATEGORIES.has(entry.category)) continue;
      const stance = entry.subcategory as Stance;
      if (!STANCES.has(stance)) continue;
      table.set(entry.term.toLowerCase(), { stance, lexicon: lexicon.name });
    }
  }
  cache.set(key, table);
  return table;
}

const cueWords = new WeakMap<StanceTable, Set<string>>();

/** Lower-case single-word cue lemmas of a stance table (classifier features; built once per table). */
export function cueWordsOf(table: StanceTable): Set<string> {
  let words = cueWords.get(table);
  if (!words) cueWords.set(table, (words = new Set([...table.keys()].filter((k) => !k.includes(' ')))));
  return words;
}

/** Stance of a cue, looked up by its whole text, then its head lemma; neutral when unknown. */
export function stanceOf(table: StanceTable, cueText: string, headLemma: string): Stance {
  const phrase = cueText.toLowerCase().replace(/\s+/g, ' ').replace(/[:,]$/, '').trim();
  return (table.get(phrase) ?? table.get(headLemma.toLowerCase()))?.stance ?? 'neutral';
}
