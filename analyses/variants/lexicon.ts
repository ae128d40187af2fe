/**
 * Variant sets: loads the shipped lexicon (data/lexicons/variants.json) plus user files
 * (`--variants file.json`; a set with an existing id replaces it), validates them, and compiles
 * each set into one regular expression that finds its forms in article text.
 */
import { readFileSync } from 'node:fs';
import { lexiconPath } from '../../src/paths.js';
import { invalidLexicon } from './messages.js';
import { needleOf } from './needles.js';
import type { VariantCategory, VariantLexiconFile, VariantSet } from './types.js';

const CATEGORIES: VariantCategory[] = ['place', 'person', 'organization', 'framing'];

/** A set ready to match: one regex over all its strings, and the form each string stands for. */
export interface CompiledVariantSet {
  set: VariantSet;
  pattern: RegExp;
  formOf: Map<string, string>;
  /**
   * Words one of which every match holds (lower case unless the set is case-sensitive): a text
   * with none of them cannot match, so the regex is skipped (needles.ts). Undefined when some
   * string has no plain ASCII word to look for.
   */
  needles?: string[];
}

/** Reads and validates one variants file. Throws with the file name and the reason. */
export function readVariantFile(file: string): VariantSet[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(invalidLexicon(file, error instanceof Error ? error.message : String(error)));
  }
  return validateSets(parsed, file);
}

/** Checks the shape of a parsed variants lexicon. */
export function validateSets(parsed: unknown, file = '<input>'): VariantSet[] {
  const sets = (parsed as VariantLexiconFile | undefined)?.sets;
  if (!Array.isArray(sets)) throw new Error(invalidLexicon(file, 'expected an object with a "sets" array'));
  sets.forEach((s: VariantSet, i) => {
    const where = `set ${i + 1}${s?.id ? ` ('${s.id}')` : ''}`;
    if (!s || typeof s.id !== 'string' || !s.id) throw new Error(invalidLexicon(file, `${where} has no id`));
    if (!CATEGORIES.includes(s.category)) throw new Error(invalidLexicon(file, `${where} has category '${s.category}' (expected ${CATEGORIES.join(', ')})`));
    if (typeof s.note !== 'string') throw new Error(invalidLexicon(file, `${where} has no note`));
    if (!Array.isArray(s.forms) || s.forms.length < 2) throw new Error(invalidLexicon(file, `${where} needs at least two forms`));
    for (const f of s.forms) {
      if (!f || typeof f.form !== 'string' || !f.form.trim()) throw new Error(invalidLexicon(file, `${where} has a form without text`));
      if (f.match !== undefined && (!Array.isArray(f.match) || f.match.some((m) => typeof m !== 'string' || !m.trim()))) {
        throw new Error(invalidLexicon(file, `${where}, form '${f.form}': "match" must be a list of strings`));
      }
    }
    s.label ??= s.forms.map((f) => f.form).join(' / ');
  });
  return sets;
}

/** The shipped sets plus `extraFiles` (later files replace sets with the same id). */
export function loadVariantSets(extraFiles: string[] = []): VariantSet[] {
  const byId = new Map<string, VariantSet>();
  for (const file of [lexiconPath('variants.json'), ...extraFiles]) for (const s of readVariantFile(file)) byId.set(s.id, s);
  return [...byId.values()];
}

/** Canonical text of a matched string: folded quotes, spaces and hyphens (and case unless sensitive). */
export function canonical(text: string, caseSensitive: boolean): string {
  const folded = text.normalize('NFC').replace(/[’‘`]/g, "'").replace(/[\s\-‐‑–]+/g, ' ').trim();
  return caseSensitive ? folded : folded.toLowerCase();
}

function literal(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .split(/[\s\-‐‑–]+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’‘]/g, "['’‘]"))
    .join('[\\s\\-‐‑–]+');
}

/** Compiles sets; longer strings come first so "North Macedonia" wins over "Macedonia". */
export function compileVariantSets(sets: VariantSet[]): CompiledVariantSet[] {
  return sets.map((set) => {
    const sensitive = set.case === 'sensitive';
    const formOf = new Map<string, string>();
    for (const f of set.forms) for (const m of f.match ?? [f.form]) formOf.set(canonical(m, sensitive), f.form);
    const strings = [...new Set(set.forms.flatMap((f) => f.match ?? [f.form]))].sort((a, b) => b.length - a.length);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${strings.map(literal).join('|')})(?![\\p{L}\\p{N}])`, sensitive ? 'gu' : 'giu');
    const needles = strings.map((m) => needleOf(m, sensitive));
    return { set, pattern, formOf, needles: needles.every((n) => n !== undefined) ? [...new Set(needles as string[])] : undefined };
  });
}
