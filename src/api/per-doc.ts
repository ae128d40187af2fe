/**
 * Per-article findings as flat rows for notebooks: each function takes analysed documents
 * (`analyzeDocs(articles)`) and returns plain objects tagged with `doc`, ready for a table.
 */
import type { AnalyzedDoc } from '../text/types.js';
import { detectLoaded } from '../../analyses/loaded/detect.js';
import { loadedResources } from '../../analyses/loaded/index.js';
import type { LoadedMarker } from '../../analyses/loaded/types.js';

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
