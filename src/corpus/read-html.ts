/**
 * Reader for a saved article page (HTML). The main text comes from @mozilla/readability run on
 * linkedom's DOM, as paragraphs joined by blank lines; title, outlet, date and url come from the
 * page's meta tags (Open Graph, article:*, canonical link, <time datetime>), read before
 * Readability rewrites the document. Flow: detect-format → readHtml → validate.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { hugeRecord, noArticleText } from './messages.js';
import { emptyResult, exceedsBytes, makeReject } from './reader-kit.js';
import type { Reader } from './types.js';

/** Blocks whose text becomes one paragraph each. */
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption';

// linkedom's DOM is close to, but not typed as, the browser DOM Readability expects.
type Doc = ReturnType<typeof parseHTML>['document'];

export const readHtml: Reader = (html, context) => {
  const result = emptyResult();
  const origin = { file: context.file };
  const bytes = exceedsBytes(html, context.maxRecordBytes * 4); // markup outweighs text; the text limit applies in validate
  if (bytes !== undefined) {
    result.rejects.push(makeReject(origin, hugeRecord(bytes, context.maxRecordBytes * 4)));
    return result;
  }
  const { document } = parseHTML(html);
  const meta = pageMeta(document);
  const article = new Readability(document as never, { charThreshold: 200 }).parse();
  // Without a Readability result, fall back to the page's <p> elements rather than give up.
  const text = paragraphs(article?.content ?? '', BLOCKS) || paragraphs(html, 'p');
  if (!text) {
    result.rejects.push(makeReject(origin, noArticleText(), html));
    return result;
  }
  const fields: Record<string, unknown> = {
    title: meta.title ?? article?.title ?? undefined,
    outlet: meta.outlet ?? article?.siteName ?? undefined,
    date: meta.date ?? article?.publishedTime ?? undefined,
    url: meta.url,
    text,
  };
  if (article?.byline) fields.byline = article.byline;
  if (meta.lang) fields.lang = meta.lang;
  result.records.push({ origin, fields, raw: html, canonical: true });
  return result;
};

interface PageMeta {
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  lang?: string;
}

function pageMeta(document: Doc): PageMeta {
  const content = (...selectors: string[]) => {
    for (const selector of selectors) {
      const value = document.querySelector(selector)?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const url = content('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ?? undefined;
  return {
    title: content('meta[property="og:title"]', 'meta[name="twitter:title"]') ?? (document.querySelector('title')?.textContent?.trim() || undefined),
    outlet: content('meta[property="og:site_name"]', 'meta[name="application-name"]') ?? domainOf(url),
    date:
      content('meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[itemprop="datePublished"]', 'meta[name="dc.date"]', 'meta[name="DC.date"]') ??
      (document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || undefined),
    url: url || undefined,
    lang: document.documentElement?.getAttribute('lang') ?? undefined,
  };
}

function domainOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Text of each block element, whitespace collapsed, joined by blank lines; nested blocks count once. */
function paragraphs(html: string, selector: string): string {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  const blocks = [...document.querySelectorAll(selector)].filter((el) => !el.parentElement?.closest(selector));
  const texts = blocks.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return texts.join('\n\n');
}
