/**
 * Cache keys: a hash of an article's fields and of everything its per-article results depend
 * on (analysis ids and versions, options, lexicon file contents, the corpus's outlet names), and
 * where the cache lives. The results themselves are kept in packs (pack-cache.ts) and the
 * corpus-wide summaries beside them (summary-cache.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../corpus/article.js';
import type { AnalysisContext, AnyAnalysis } from '../../analyses/types.js';

/** Bump when the text layer's output changes in a way analyses can see. */
export const TEXT_LAYER_VERSION = '8'; // 2: unexpanded contractions ("wont") are their own lemma; 3: mentions end at seams of glued words; 4: day and month names alone, and a capitalised word glued to a lower-case one ('Passers-by'), are not mentions; 5: ordinary words opening a sentence ('Officials') and demonyms ('Kestrian') are not mentions, one-word names in place contexts are places; 6: runs in title-case lines count only as the body names them, a run ending in an ordinary plural or a word the article writes in lower case is no person, a sentence-opening common word that speaks or owns ('Trump said') stays; 7: a corpus outlet named like a person is that person where the article shows it (mentions.ts personNamedAsOutlet); 8: a straight single mark right after a letter never opens a quote, bylines and sign-offs are not prose

/** `$FRAMELENS_CACHE`, else `$XDG_CACHE_HOME/framelens`, else `~/.cache/framelens`. */
export function defaultCacheDir(): string {
  return process.env.FRAMELENS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'framelens');
}

function sha1(value: string): string {
  return createHash('sha1').update(value).digest('hex');
}

/**
 * Hash of what per-article results depend on besides the article itself. `outlets: false` leaves
 * the corpus's outlet names out, for caches that check them per article (outlet-relevance.ts);
 * `perDoc: true` takes of each analysis's options only what its perDoc reads (perDocOptions).
 */
export function contextKey(analyses: AnyAnalysis[], context: AnalysisContext, include: { outlets?: boolean; perDoc?: boolean } = {}): string {
  const lexicons = context.lexiconFiles.map((f) => (existsSync(f) ? sha1(readFileSync(f, 'utf8')) : f));
  return sha1(
    JSON.stringify({
      text: TEXT_LAYER_VERSION,
      analyses: analyses.map((a) => [a.id, a.version]),
      options: include.perDoc ? perDocOptions(analyses, context.options) : context.options,
      lexicons,
      outlets: include.outlets === false ? null : [...context.outlets].sort(),
    }),
  );
}

/** Each analysis's options as its perDoc reads them; an analysis whose perDoc reads none is left out. */
function perDocOptions(analyses: AnyAnalysis[], options: AnalysisContext['options']): AnalysisContext['options'] {
  const out: AnalysisContext['options'] = {};
  for (const [id, value] of Object.entries(options)) {
    const analysis = analyses.find((a) => a.id === id);
    const read = analysis?.perDocOptions ? analysis.perDocOptions(value) : value;
    if (read !== undefined) out[id] = read as Record<string, unknown>;
  }
  return out;
}

export function articleKey(article: Article, context: string): string {
  const { id, outlet, title, text, date, url, event } = article;
  return sha1(JSON.stringify([context, id, outlet, title, text, date ?? null, url ?? null, event ?? null]));
}
