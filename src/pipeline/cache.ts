/**
 * Per-article result cache: one JSON file per article, keyed by a hash of the article's fields
 * and of everything its per-article results depend on (analysis ids and versions, options,
 * lexicon file contents, the corpus's outlet names). Re-running after adding articles analyses
 * only the new ones. Writes are atomic, so a killed run leaves no corrupt entries.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../corpus/article.js';
import { writeFileAtomic } from '../corpus/write-atomic.js';
import type { AnalysisContext, AnyAnalysis } from '../../analyses/types.js';
import type { ArticleResult } from './run.js';

/** Bump when the text layer's output changes in a way analyses can see. */
export const TEXT_LAYER_VERSION = '1';

/** `$FRAMELENS_CACHE`, else `$XDG_CACHE_HOME/framelens`, else `~/.cache/framelens`. */
export function defaultCacheDir(): string {
  return process.env.FRAMELENS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'framelens');
}

function sha1(value: string): string {
  return createHash('sha1').update(value).digest('hex');
}

/**
 * Hash of what per-article results depend on besides the article itself. `outlets: false` leaves
 * the corpus's outlet names out, for caches that check them per article (outlet-relevance.ts).
 */
export function contextKey(analyses: AnyAnalysis[], context: AnalysisContext, include: { outlets?: boolean } = {}): string {
  const lexicons = context.lexiconFiles.map((f) => (existsSync(f) ? sha1(readFileSync(f, 'utf8')) : f));
  return sha1(
    JSON.stringify({
      text: TEXT_LAYER_VERSION,
      analyses: analyses.map((a) => [a.id, a.version]),
      options: context.options,
      lexicons,
      outlets: include.outlets === false ? null : [...context.outlets].sort(),
    }),
  );
}

export function articleKey(article: Article, context: string): string {
  const { id, outlet, title, text, date, url, event } = article;
  return sha1(JSON.stringify([context, id, outlet, title, text, date ?? null, url ?? null, event ?? null]));
}

export class ResultCache {
  constructor(readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): ArticleResult | undefined {
    try {
      return JSON.parse(readFileSync(this.path(key), 'utf8')) as ArticleResult;
    } catch {
      return undefined; // absent or unreadable: recompute
    }
  }

  set(key: string, result: ArticleResult): void {
    writeFileAtomic(this.path(key), JSON.stringify(result));
  }
}
