/**
 * Accumulates the outcome of reading a corpus: articles (kept once per outlet + normalized
 * text, with unique ids), rejects, duplicates and diagnostics, and keeps the count invariant
 * read = ingested + rejected + duplicates. Under `strict`, the first reject throws.
 * Flow: read-corpus (stages 5–6) → CorpusCollector → CorpusReadResult.
 */
import type { Article, Origin } from './article.js';
import { FramelensError, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { duplicateArticle, duplicateId } from './messages.js';
import { outletKey } from './outlets.js';
import { diagnosticAt, originLabel } from './reader-kit.js';
import type { CorpusReadResult, Duplicate, Reject } from './types.js';

export class CorpusCollector {
  private readonly articles: Article[] = [];
  private readonly rejects: Reject[] = [];
  private readonly duplicates: Duplicate[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly byText = new Map<string, { id: string; origin: Origin }>();
  private readonly ids = new Set<string>();

  constructor(private readonly strict: boolean) {}

  /** One file's rejects and diagnostics, in line order. Throws the first reject under `strict`. */
  addFile(rejects: Reject[], diagnostics: Diagnostic[]): void {
    const sortedRejects = [...rejects].sort((a, b) => position(a.origin) - position(b.origin));
    const rejectDiagnostics = sortedRejects.map((r) => diagnosticAt(r.origin, r, 'error'));
    if (this.strict && rejectDiagnostics.length) {
      throw new FramelensError(formatDiagnostic(rejectDiagnostics[0]), rejectDiagnostics[0]);
    }
    this.rejects.push(...sortedRejects);
    this.diagnostics.push(...[...rejectDiagnostics, ...diagnostics].sort((a, b) => position(a) - position(b)));
  }

  addArticle(article: Article, origin: Origin): void {
    const key = `${outletKey(article.outlet)}\u0000${normalizeText(article.text)}`;
    const kept = this.byText.get(key);
    if (kept) {
      this.duplicates.push({ origin, id: article.id, outlet: article.outlet, duplicateOf: kept.id });
      this.diagnostics.push(diagnosticAt(origin, duplicateArticle(kept.id, originLabel(kept.origin)), 'warning'));
      return;
    }
    if (this.ids.has(article.id)) {
      let n = 2;
      while (this.ids.has(`${article.id}-${n}`)) n++;
      const renamed = `${article.id}-${n}`;
      this.diagnostics.push(diagnosticAt(origin, duplicateId(article.id, renamed), 'warning'));
      article = { ...article, id: renamed };
    }
    this.ids.add(article.id);
    this.byText.set(key, { id: article.id, origin });
    this.articles.push(article);
  }

  result(): CorpusReadResult {
    const stats = {
      read: this.articles.length + this.rejects.length + this.duplicates.length,
      ingested: this.articles.length,
      rejected: this.rejects.length,
      duplicates: this.duplicates.length,
    };
    return { articles: this.articles, rejects: this.rejects, duplicates: this.duplicates, diagnostics: this.diagnostics, stats };
  }
}

/** Case-, width- and whitespace-insensitive form of a text, for duplicate detection. */
export function normalizeText(text: string): string {
  // Only runs that are not already one space are replaced: `/\s+/g` rebuilt every word gap
  // (1.2 of the 1.7 s this took on 20k articles), for the same result.
  return text.normalize('NFKC').toLowerCase().replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Sort key within one file: line, else record index, else the top (whole-file messages first). */
function position(at: { line?: number; record?: number }): number {
  return at.line ?? at.record ?? 0;
}
