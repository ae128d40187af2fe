/**
 * Per-article findings as flat rows for notebooks: each function takes analysed documents
 * (`analyzeDocs(articles)`) and returns plain objects tagged with `doc`, ready for a table.
 */
import type { AnalyzedDoc } from '../text/types.js';
import { detectLoaded } from '../../analyses/loaded/detect.js';
import { loadedResources } from '../../analyses/loaded/index.js';
import type { LoadedMarker } from '../../analyses/loaded/types.js';
import { extractAttributions } from '../../analyses/attribution/extract.js';
import type { Attribution } from '../../analyses/attribution/types.js';
import { surnameOwners } from '../../analyses/attribution/surname-merge.js';
import { sourceName } from '../../analyses/attribution/summarize.js';

export interface QuoteRow {
  doc: string;
  start: number;
  end: number;
  text: string;
  outerStart: number;
  outerEnd: number;
  words: number;
  embedded: boolean;
  depth: number;
  paragraphs: number;
}

/** Every quotation: content span, outer span with marks, words, embedded or whole sentence. */
export function quotes(docs: readonly AnalyzedDoc[]): QuoteRow[] {
  return docs.flatMap((d) =>
    d.quotes.map((q) => ({
      doc: d.article.id,
      start: q.start,
      end: q.end,
      text: q.text,
      outerStart: q.outerStart,
      outerEnd: q.outerEnd,
      words: q.words,
      embedded: q.embedded,
      depth: q.depth,
      paragraphs: q.paragraphs,
    })),
  );
}

/** Name mentions (person, organization, place, media) with their alias keys. */
export function mentions(docs: readonly AnalyzedDoc[]) {
  return docs.flatMap((d) =>
    d.mentions.map((m) => ({ doc: d.article.id, start: m.start, end: m.end, text: m.text, name: m.name.text, type: m.type, key: m.key })),
  );
}

/** Loaded-language markers (labels, euphemisms, hedges, intensifiers, report verbs, quote classes). */
export function loadedLanguage(
  docs: readonly AnalyzedDoc[],
  options: { lexiconFiles?: string[] } = {},
): Array<LoadedMarker & { doc: string; outlet: string }> {
  const resources = loadedResources(options.lexiconFiles ?? []);
  return docs.flatMap((d) =>
    detectLoaded(d, resources, {}).markers.map((m) => ({ doc: d.article.id, outlet: d.article.outlet, ...m })),
  );
}

/** Every attribution: source, cue and content spans, kind, source type, resolved name, verb and stance. */
export function attributions(
  docs: readonly AnalyzedDoc[],
  options: { lexiconFiles?: string[] } = {},
): Array<Attribution & { doc: string; outlet: string }> {
  const outlets = [...new Set(docs.map((d) => d.article.outlet))];
  return docs.flatMap((d) =>
    extractAttributions(d, { lexiconFiles: options.lexiconFiles, outlets }).map((a) => ({ doc: d.article.id, outlet: d.article.outlet, ...a })),
  );
}

/** Who each group quotes: attributions counted by resolved source (a surname one full name owns counts as that name), with source type and stance mix. */
export function sources(
  rows: ReadonlyArray<Attribution & { doc: string; outlet: string }>,
  options: { by?: (row: Attribution & { doc: string; outlet: string }) => string } = {},
) {
  const groupOf = options.by ?? ((r) => r.outlet);
  // A surname one full name owns across the rows counts as that person, as in the report (surname-merge.ts).
  const owners = surnameOwners(rows.map((r) => ({ source: sourceName(r), sourceType: r.sourceType, attributions: 1 })));
  const counts = new Map<string, { group: string; source: string; sourceType: string; attributions: number; quotedWords: number; stances: Record<string, number> }>();
  for (const r of rows) {
    const name = sourceName(r);
    const source = owners.get(name) ?? name;
    const key = JSON.stringify([groupOf(r), source]);
    let row = counts.get(key);
    if (!row) counts.set(key, (row = { group: groupOf(r), source, sourceType: r.sourceType, attributions: 0, quotedWords: 0, stances: {} }));
    row.attributions++;
    row.quotedWords += r.quotedWords;
    row.stances[r.stance] = (row.stances[r.stance] ?? 0) + 1;
  }
  return [...counts.values()].sort((a, b) => a.group.localeCompare(b.group) || b.attributions - a.attributions || a.source.localeCompare(b.source));
}
