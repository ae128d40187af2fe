/**
 * Head nouns that type a source (data/lexicons/sources.json): anonymous or vague ("officials",
 * "a spokesperson"), media ("the British daily"), document ("a report"), organization
 * ("the ministry"), and person roles ("the minister") that let descriptions resolve to names.
 */
import { loadLexicon } from '../../src/text/lexicon.js';
import { lexiconPath } from '../../src/paths.js';

export type SourceNounCategory = 'anonymous' | 'media' | 'document' | 'organization' | 'person-role';

/** Lemma → categories it belongs to (a noun may be in two: "representative"). */
export type SourceNouns = Map<string, Set<SourceNounCategory>>;

let shipped: SourceNouns | undefined;

/** Loads sources.json plus extra lexicon files carrying entries of these categories. */
export function loadSourceNouns(extraFiles: readonly string[] = []): SourceNouns {
  if (!extraFiles.length && shipped) return shipped;
  const nouns: SourceNouns = new Map();
  for (const file of [lexiconPath('sources.json'), ...extraFiles]) {
    for (const { term, category } of loadLexicon(file).entries) {
      if (!['anonymous', 'media', 'document', 'organization', 'person-role'].includes(category)) continue;
      const key = term.toLowerCase();
      if (!nouns.has(key)) nouns.set(key, new Set());
      nouns.get(key)!.add(category as SourceNounCategory);
    }
  }
  if (!extraFiles.length) shipped = nouns;
  return nouns;
}
