/**
 * The naming-variants analysis: which competing form of a name (Kyiv/Kiev, Zelensky/Zelenskyy,
 * "special military operation"/"invasion") each outlet uses, and discovery of new variant pairs
 * from the corpus. Registered in analyses/index.ts; public API of `framelens/analyses/variants`.
 *
 *   AnalyzedDoc ─perDoc─▶ VariantsDoc (matches + proper nouns) ─summarize─▶ VariantsSummary
 */
import { readFileSync } from 'node:fs';
import type { Analysis, AnalysisContext, Highlight } from '../types.js';
import { candidateChart, preferenceChart } from './charts.js';
import { compileVariantSets, loadVariantSets, type CompiledVariantSet } from './lexicon.js';
import { findVariantMatches } from './match.js';
import { packProperNames, properNamesOfAnalyzed } from './proper-nouns.js';
import { variantsEventView, variantsOverview } from './report.js';
import { summarizeVariants, type VariantsAnalysisOptions, type VariantsDoc, type VariantsSummary } from './summarize.js';
import type { VariantSet } from './types.js';

/** Variant files of a run: `--lexicon` files shaped like variants.json, plus `options.variants.files`. */
function variantFiles(ctx: AnalysisContext): string[] {
  const own = (ctx.options.variants?.files as string[] | undefined) ?? [];
  const fromLexicons = ctx.lexiconFiles.filter((file) => {
    try {
      return Array.isArray(JSON.parse(readFileSync(file, 'utf8')).sets);
    } catch {
      return false; // not ours to judge: the text layer reports unreadable lexicons
    }
  });
  return [...fromLexicons, ...own];
}

// perDoc runs once per article (and per worker): load and compile the sets once per file list.
const cache = new Map<string, { sets: VariantSet[]; compiled: CompiledVariantSet[] }>();
function setsFor(ctx: AnalysisContext) {
  const files = variantFiles(ctx);
  const key = JSON.stringify(files);
  let entry = cache.get(key);
  if (!entry) {
    const sets = loadVariantSets(files);
    cache.set(key, (entry = { sets, compiled: compileVariantSets(sets) }));
  }
  return entry;
}

export const variants: Analysis<VariantsDoc, VariantsSummary> = {
  id: 'variants',
  title: 'Naming variants',
  // 2: proper nouns the article also writes in lower case are not counted for discovery
  // 3: the words of the longer names each form is part of (mates), for discovery
  // 4: proper nouns packed as arrays (proper-nouns.ts PackedProperNames)
  version: '4',
  // 2: examples per event (eventExamples); 3: name mates overlap by weight, name vs place (discover.ts)
  summaryVersion: '3',
  perDoc: (doc, ctx) => ({ matches: findVariantMatches(doc.article.text, setsFor(ctx).compiled), ...packProperNames(properNamesOfAnalyzed(doc)) }),
  summarize: (perDoc, corpus, ctx) => summarizeVariants(perDoc, corpus, setsFor(ctx).sets, (ctx.options.variants ?? {}) as VariantsAnalysisOptions),
  charts(summary, corpus): Record<string, object> {
    const preferences = preferenceChart(summary, corpus);
    const pairs = candidateChart(summary, corpus);
    return { ...(preferences ? { preferences } : {}), ...(pairs ? { 'candidate-pairs': pairs } : {}) };
  },
  overview: variantsOverview,
  eventView: variantsEventView,
  highlightKinds: (summary) => Object.keys(summary.examples).map((set) => `variant:${set}`),
  highlights(doc) {
    const sets = new Map(setsFor({ lexiconFiles: [], options: {}, outlets: [] }).sets.map((s) => [s.id, s]));
    return doc.matches.map((m): Highlight => {
      const set = sets.get(m.set);
      const note = set?.forms.find((f) => f.form === m.form)?.note;
      return { start: m.start, end: m.end, kind: `variant:${m.set}`, label: m.form, reason: `${set?.label ?? m.set}: “${m.form}”${note ? ` — ${note}` : ''}` };
    });
  },
};

/** Preference rows `{group, set, form, count, share}` from documents or their matches. */
export { variants as variantPreferences, variantRows } from './variants.js';
/** Candidate variant pairs whose use splits by outlet. */
export { discoverVariants, outletSplit, isInflection, type DiscoverInput } from './discover.js';
/** Loading, validating and compiling variant sets. */
export { loadVariantSets, readVariantFile, validateSets, compileVariantSets } from './lexicon.js';
/** Variant forms in a text, with spans. */
export { findVariantMatches } from './match.js';
/** Transliteration key and edit distance. */
export { translitKey, levenshtein, normalizedDistance } from './translit-key.js';
export { properNounsOfAnalyzed, properNounsOfText, properNamesOfAnalyzed, properNamesOfText, packProperNames, type ProperNames, type PackedProperNames } from './proper-nouns.js';
export { summarizeVariants, type VariantsDoc, type VariantsSummary, type VariantsAnalysisOptions } from './summarize.js';
export { candidateChart, preferenceChart } from './charts.js';
export type * from './types.js';
