/**
 * writeReport: PipelineResult → a report folder that opens from file:// with no network.
 *   1. names: slugs for article and event pages, outlet colours
 *   2. analysis sections: overview and per-event views (recording which articles they cite)
 *   3. highlights: counted per article for the size estimate and the kind colours
 *   4. chart files: charts/<name>.vl.json and .svg for every overview chart (rendered in Node)
 *   5. pages: overview and event pages; over the budget, only the largest events keep a page,
 *      then article views are chosen on their measured size (most cited first, then others up to
 *      a share of what is left) and the pages are rendered again with the final links, shrinking
 *      the room if longer fallback links pushed the total over
 *   6. article pages (rendered once, while measuring), assets, then the folder replaces the old
 *      report in one rename
 */
import type { PipelineResult } from '../pipeline/run.js';
import { collectGarbageIfGrown } from '../pipeline/collect-garbage.js';
import type { Article } from '../corpus/article.js';
import type { Diagnostic } from '../corpus/diagnostics.js';
import type { AnyAnalysis, DocMeta, Highlight, Section } from '../../analyses/types.js';
import { escapeHtml, html, safeUrl } from './html.js';
import { createKit, newPageParts, type KitContext, type PageParts } from './kit.js';
import { SlugRegistry, slugify } from './slug.js';
import { KIND_PALETTE, outletColors } from './palette.js';
import { dateChart, eventChart, outletChart, type CorpusChart } from './corpus-charts.js';
import { renderOverviewBody } from './overview.js';
import { renderEventBody, type EventPageOptions } from './event-page.js';
import { renderArticleBody, kindStyle } from './article-page.js';
import { isValidSpan } from './highlight-segments.js';
import { articlePriority, estimateArticlePage } from './select-articles.js';
import { renderPage, ASSET_FILES } from './layout.js';
import { REPORT_CSS, REPORT_JS, vendorScript } from './assets.js';
import { renderPng, renderSvg } from './render-svg.js';
import { ReportDir } from './report-dir.js';
import { messages } from './messages.js';

export interface WriteReportOptions {
  /** Title shown on every page. Default 'framelens report'. */
  title?: string;
  /** Diagnostics from reading the inputs, listed on the overview. Default none. */
  diagnostics?: Diagnostic[];
  /**
   * Size budget of the whole folder in bytes. Event pages take at most 60% of what the overview
   * leaves (the largest events first); article views cited as evidence come next (most cited
   * first), then other views up to half of the remaining room. Whatever has no page links to the
   * events table or to the article's original page. Default 15 MB.
   */
  maxBytes?: number;
  /** Also write charts/<name>.png next to each SVG. Default false. */
  png?: boolean;
  /** Layout of event pages (columns, leads per outlet). */
  eventPage?: EventPageOptions;
  /** Aborts the write (Ctrl-C): the temp folder is removed and nothing replaces the old report. Default none. */
  signal?: AbortSignal;
}

export interface ReportFiles {
  /** Absolute path of the report folder. */
  dir: string;
  /** Absolute path of index.html. */
  indexPath: string;
  /** Every file written, report-relative, with its size. */
  files: Array<{ path: string; bytes: number }>;
  bytes: number;
  articlePages: number;
  /** Articles without a view because of the size budget. */
  omittedArticles: number;
  /** Problems met while writing (a section that failed, an out-of-range highlight). */
  diagnostics: Diagnostic[];
  /** Report-relative page of each article view written, by doc id. */
  articlePaths: Map<string, string>;
  /** Report-relative page of each event, by event id. */
  eventPaths: Map<string, string>;
}

const DEFAULT_MAX_BYTES = 15_000_000;
/**
 * Share of the budget left after the overview, charts and assets that event pages may take; the
 * rest is for article views, so the evidence the pages cite can still be opened. When a corpus
 * has more events than fit, the largest events get pages and the others are listed only.
 */
const EVENT_PAGE_SHARE = 0.6;
/**
 * Fewer bytes than an event page takes (header, coverage, one article: the smallest seen were
 * 22.7 KB on the sample and 34 KB on ABP). A page smaller than this would only mean fewer event
 * pages than could have fit.
 */
const MIN_EVENT_PAGE_BYTES = 16_000;
/** Articles from which a report collects its garbage between rendering passes (collect-garbage.ts). */
const LARGE_REPORT = 1000;
/**
 * Share of the room left after the cited views that views no section cites may fill. They are a
 * convenience (the full text of an uncited article, no evidence in it): the rest is headroom.
 */
const FILL_SHARE = 0.5;
/** Article views tried in a row that do not fit before the budget counts as full. */
const MAX_MISSES = 200;

function renderSection(analysis: AnyAnalysis, render: () => Section | undefined, diagnostics: Diagnostic[]): Section[] {
  const id = `analysis-${slugify(analysis.id) || 'section'}`;
  try {
    const section = render();
    return section ? [{ id, title: section.title || analysis.title, html: section.html }] : [];
  } catch (error) {
    const reason = messages.sectionFailed(analysis.id, error);
    diagnostics.push({ reason, ruleId: 'report:section-failed', severity: 'error' });
    return [{ id, title: analysis.title, html: html`<p class="error">${reason}</p>` }];
  }
}

function chartSpecs(parts: PageParts[]): Record<string, object> {
  const specs: Record<string, object> = {};
  for (const p of parts) for (const [name, chart] of p.charts) specs[name] = chart.spec;
  return specs;
}

/** Writes the report for a pipeline result into `outDir` (replaced only when complete). */
export async function writeReport(result: PipelineResult, outDir: string, options: WriteReportOptions = {}): Promise<ReportFiles> {
  options.signal?.throwIfAborted();
  const out = new ReportDir(outDir);
  try {
    const summary = await buildReport(result, out, options);
    await new Promise((resolve) => setImmediate(resolve)); // lets a pending Ctrl-C land before the rename
    options.signal?.throwIfAborted();
    out.commit();
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (out.bytes > maxBytes) summary.diagnostics.push({ reason: messages.overFloor(out.bytes, maxBytes), ruleId: 'report:over-budget-floor', severity: 'warning' });
    return { ...summary, dir: out.target, indexPath: `${out.target}/index.html`, files: out.files, bytes: out.bytes };
  } catch (error) {
    out.abort();
    throw error;
  }
}

async function buildReport(result: PipelineResult, out: ReportDir, options: WriteReportOptions) {
  const { index, analyses } = result;
  const title = options.title ?? 'framelens report';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const diagnostics: Diagnostic[] = [];
  const articles = new Map<string, Article>(result.articles.map((a) => [a.id, a]));

  // 1. names
  const docSlugs = new SlugRegistry('article');
  for (const d of index.docs) docSlugs.add(d.id, d.title);
  const eventSlugs = new SlugRegistry('event');
  for (const e of index.events) eventSlugs.add(e, index.eventLabels.get(e) ?? e);
  const colorOf = outletColors(index.outlets);
  const referenced = new Set<string>();
  // Spans sections link to (`#f-start-end`), by doc: each gets an anchor even if no highlight has it.
  const cited = new Map<string, Map<string, { start: number; end: number; by: Set<string> }>>();
  const citedKinds = new Map<string, Set<string>>();
  const cite = (analysis: string, id: string, anchor?: { start: number; end: number } | { kind: string }) => {
    if (!articles.has(id)) return;
    referenced.add(id);
    citations.set(id, (citations.get(id) ?? 0) + 1);
    if (anchor && 'kind' in anchor) {
      if (!citedKinds.has(id)) citedKinds.set(id, new Set());
      citedKinds.get(id)!.add(anchor.kind);
    }
    if (!anchor || !('start' in anchor)) return;
    if (!cited.has(id)) cited.set(id, new Map());
    const key = `${anchor.start}-${anchor.end}`;
    const entry = cited.get(id)!.get(key) ?? { start: anchor.start, end: anchor.end, by: new Set<string>() };
    entry.by.add(analysis);
    cited.get(id)!.set(key, entry);
  };
  let paged: Set<string> | undefined; // undefined: every event has a page
  const hasPage = (event: string) => !paged || paged.has(event);
  let selected: Set<string> | undefined; // undefined: every article has a view
  let citable: Set<string> | undefined; // undefined: every cited article gets a view
  const isCitable = (id: string) => !citable || citable.has(id);
  const citations = new Map<string, number>();
  const hasView = (id: string) => docSlugs.get(id) !== undefined && (!selected || selected.has(id));
  const contextFor = (root: string, prefix?: string): KitContext => ({
    root,
    prefix,
    outletColor: colorOf,
    eventSlug: (id) => (hasPage(id) ? eventSlugs.get(id) : undefined),
    // Analyses cite evidence: every article they link to gets a view, unless the cited views
    // alone break the budget; then the least-cited link to their original page instead.
    articleSlug: (id) => (prefix === undefined ? (hasView(id) ? docSlugs.get(id) : undefined) : isCitable(id) ? docSlugs.get(id) : undefined),
    articleFallback: (id) => {
      const url = safeUrl(articles.get(id)?.url);
      return url === '#' ? undefined : url;
    },
    onArticleLink: prefix !== undefined ? (id, anchor) => isCitable(id) && cite(prefix, id, anchor) : undefined,
  });
  const articleLink = (root: string) => (id: string) => {
    if (hasView(id)) return `${root}articles/${docSlugs.get(id)}.html`;
    const url = safeUrl(articles.get(id)?.url);
    return url === '#' ? undefined : url;
  };
  const summaryOf = (a: AnyAnalysis) => result.summaries.get(a.id);

  // 2. analysis sections (rendered again with fewer evidence views if those break the budget)
  const renderSections = (sectionDiagnostics: Diagnostic[]) => {
    referenced.clear();
    cited.clear();
    citedKinds.clear();
    citations.clear();
    const overviewParts = newPageParts();
    const overviewSections = analyses.flatMap((a) =>
      a.overview ? renderSection(a, () => a.overview!(summaryOf(a), index, createKit(overviewParts, contextFor('', a.id))), sectionDiagnostics) : [],
    );
    const eventViews = new Map<string, { parts: PageParts; sections: Section[] }>();
    for (const event of index.events) {
      if (!hasPage(event)) continue;
      const parts = newPageParts();
      const sections = analyses.flatMap((a) =>
        a.eventView ? renderSection(a, () => a.eventView!(summaryOf(a), event, index, createKit(parts, contextFor('../', a.id))), sectionDiagnostics) : [],
      );
      eventViews.set(event, { parts, sections });
    }
    return { overviewParts, overviewSections, eventViews };
  };
  // Events past the number of pages the budget could hold are not rendered at all, not even to
  // be measured: a corpus without event ids has thousands of small content groups (2,910 on
  // 5,000 articles, 10,720 on 20k), and rendering each of their pages first cost 1.7 s of 8.5 s
  // writing and 110 MB of peak RSS on the 5,000 (the pages that fit: 65).
  const maxPages = Math.floor((maxBytes * EVENT_PAGE_SHARE) / MIN_EVENT_PAGE_BYTES);
  if (index.events.length > maxPages) paged = new Set(index.events.slice(0, maxPages));
  // Every rendering pass leaves its pages behind as garbage V8 keeps until the heap doubles: on
  // 20k articles the main heap reached 2 GB while writing (on 5,000, 0.3–0.45 GB of it was live).
  const tidy = () => index.docs.length >= LARGE_REPORT && collectGarbageIfGrown();
  let { overviewParts, overviewSections, eventViews } = renderSections(diagnostics);

  // 3. highlights. Kinds get their colours report-wide before any page is drawn: from the
  // analyses when they name their kinds (highlightKinds), else by reading every article's
  // highlights first, which on a 20k-article corpus means decoding every article's findings.
  const highlighters = analyses.filter((a) => a.highlights);
  const highlightNotes: Diagnostic[] = [];
  const invalid = new Map<string, number>();
  const checked = new Set<string>();
  const highlightsOf = (meta: DocMeta): Highlight[] => {
    const length = articles.get(meta.id)?.text.length ?? 0;
    const check = !checked.has(meta.id);
    checked.add(meta.id);
    const found: Highlight[] = [];
    for (const a of highlighters) {
      const perDoc = result.perDoc.get(a.id)?.get(meta.id);
      if (perDoc === undefined) continue;
      for (const h of a.highlights!(perDoc, meta, summaryOf(a))) {
        if (isValidSpan(h, length)) found.push(h);
        else if (check) {
          if (!invalid.has(a.id)) highlightNotes.push({ reason: messages.invalidHighlight(a.id, meta.id, h.start, h.end), ruleId: 'report:invalid-highlight', severity: 'warning' });
          invalid.set(a.id, (invalid.get(a.id) ?? 0) + 1);
        }
      }
    }
    const own = new Set(found.map((h) => `${h.start}-${h.end}`));
    for (const [key, c] of cited.get(meta.id) ?? []) {
      if (own.has(key) || !isValidSpan(c, length)) continue;
      found.push({ start: c.start, end: c.end, kind: 'cited', label: 'cited evidence', reason: messages.citedBy([...c.by]) });
    }
    return found;
  };
  const estimates = new Map<string, number>();
  const estimate = (meta: DocMeta, highlights: number) => {
    const article = articles.get(meta.id);
    const bytes = estimateArticlePage(Buffer.byteLength(escapeHtml(article?.text ?? '')), Buffer.byteLength(escapeHtml(article?.title ?? '')), highlights);
    estimates.set(meta.id, bytes);
    return bytes;
  };
  const estimateOf = (id: string): number => {
    const meta = index.byId.get(id);
    return estimates.get(id) ?? (meta ? estimate(meta, highlightsOf(meta).length) : 0);
  };
  const kinds = new Set<string>();
  const declared = highlighters.every((a) => a.highlightKinds);
  if (declared) {
    for (const a of highlighters) for (const kind of a.highlightKinds!(summaryOf(a))) kinds.add(kind);
    // Cited evidence is its own kind where it is not one of the article's highlights: only cited articles can tell.
    if ([...cited.keys()].some((id) => index.byId.has(id) && highlightsOf(index.byId.get(id)!).some((h) => h.kind === 'cited'))) kinds.add('cited');
  } else {
    for (const meta of index.docs) {
      const found = highlightsOf(meta);
      for (const h of found) kinds.add(h.kind);
      estimate(meta, found.length);
    }
  }
  const kindColors = new Map([...kinds].sort().map((k, i) => [k, KIND_PALETTE[i % KIND_PALETTE.length]]));
  /** Bytes of every article view: a lower bound (text alone) rules out most large corpora before any article is read. */
  const allViewBytes = (room: number): number => {
    let lower = 0;
    for (const d of index.docs) lower += estimateArticlePage(Buffer.byteLength(articles.get(d.id)?.text ?? ''), 0, 0);
    return lower > room ? lower : index.docs.reduce((sum, d) => sum + estimateOf(d.id), 0);
  };

  const renderArticlePage = (meta: DocMeta): string => {
    const article = articles.get(meta.id)!;
    const found = highlightsOf(meta);
    const body = renderArticleBody(
      {
        article,
        meta,
        highlights: found,
        eventLabel: meta.event ? index.eventLabels.get(meta.event) : undefined,
        analysesRan: highlighters.length > 0,
        linkedKinds: [...(citedKinds.get(meta.id) ?? [])],
      },
      createKit(newPageParts(), contextFor('../')),
    );
    return renderPage({
      title: `${article.title || '(untitled)'} — ${article.outlet}`,
      reportTitle: title,
      root: '../',
      body,
      style: kindStyle(new Set(found.map((h) => h.kind)), kindColors),
      bodyClass: 'article-page',
    });
  };

  // 4. chart files
  // The stacked timeline draws fewer outlets than the bar charts: twenty colours per bar cannot be told apart.
  const corpusCharts: CorpusChart[] = [outletChart(index, colorOf), dateChart(index, colorOf, { maxOutlets: 10 }), eventChart(index, colorOf)].filter(
    (c): c is CorpusChart => !!c,
  );
  const chartFiles = new Map<string, object>(corpusCharts.map((c) => [c.name, c.spec]));
  for (const [name, chart] of overviewParts.charts) chartFiles.set(name, chart.spec);
  const placedSpecs = new Set([...overviewParts.charts.values()].map((c) => JSON.stringify(c.spec)));
  for (const a of analyses) {
    const specs = a.charts?.(summaryOf(a), index) ?? {};
    for (const [name, spec] of Object.entries(specs)) {
      const key = slugify(name.startsWith(`${a.id}-`) ? name : `${a.id}-${name}`, 80);
      // charts() usually repeats what the section placed: write each spec once.
      if (!chartFiles.has(key) && !placedSpecs.has(JSON.stringify(spec))) chartFiles.set(key, spec);
    }
  }
  for (const [name, spec] of chartFiles) {
    options.signal?.throwIfAborted();
    out.write(`charts/${name}.vl.json`, `${JSON.stringify(spec)}\n`);
    try {
      out.write(`charts/${name}.svg`, await renderSvg(spec));
      if (options.png) out.write(`charts/${name}.png`, await renderPng(spec));
    } catch (error) {
      diagnostics.push({ reason: `Chart ${name} could not be rendered: ${(error as Error).message}`, ruleId: 'report:chart-failed', severity: 'error' });
    }
  }

  // 5. overview and event pages (twice when the budget forces a selection)
  const renderMainPages = () => {
    const corpusParts = newPageParts();
    const overviewBody = renderOverviewBody(
      {
        title,
        index,
        charts: corpusCharts,
        sections: overviewSections,
        diagnostics: [...(options.diagnostics ?? []), ...diagnostics, ...highlightNotes],
        articleLink: articleLink(''),
        omitted: { count: selected ? index.docs.length - selected.size : 0, maxBytes, events: paged ? index.events.length - paged.size : 0 },
      },
      createKit(corpusParts, contextFor('')),
    );
    const pages = new Map<string, string>();
    // The overview loads the same shared assets as every other page: vega alone is 0.8 MB.
    pages.set('index.html', renderPage({ title, reportTitle: title, root: '', body: overviewBody, charts: chartSpecs([corpusParts, overviewParts]) }));
    for (const event of index.events) {
      if (!hasPage(event)) continue;
      const view = eventViews.get(event)!;
      const body = renderEventBody(
        { event, index, articles, sections: view.sections, articleLink: articleLink('../'), options: options.eventPage },
        createKit(newPageParts(), contextFor('../')),
      );
      const label = index.eventLabels.get(event) ?? event;
      pages.set(`events/${eventSlugs.get(event)}.html`, renderPage({ title: `${label} — ${title}`, reportTitle: title, root: '../', body, charts: chartSpecs([view.parts]) }));
    }
    return pages;
  };
  // First pass: only cited articles have views (others link to their URL), sizes as in the worst case.
  selected = new Set(referenced);
  let pages = renderMainPages();
  const needsVendor = /<script type="application\/json" id="fl-charts">/.test(pages.get('index.html')!) || [...eventViews.values()].some((v) => v.parts.charts.size > 0);
  const assetBytes = Buffer.byteLength(REPORT_CSS) + Buffer.byteLength(REPORT_JS) + (needsVendor ? Buffer.byteLength(vendorScript()) : 0);
  // Event pages beyond their share of the budget: only the largest events keep a page.
  const eventRoom = Math.max(0, maxBytes - out.bytes - assetBytes - Buffer.byteLength(pages.get('index.html')!)) * EVENT_PAGE_SHARE;
  const eventBytes = index.events.map((e) => Buffer.byteLength(pages.get(`events/${eventSlugs.get(e)}.html`) ?? ''));
  const measured = paged; // the events rendered in this pass, largest first (undefined: all)
  if (measured || eventBytes.reduce((sum, b) => sum + b, 0) > eventRoom) {
    paged = new Set();
    let used = 0;
    for (const [i, event] of index.events.entries()) {
      if ((measured && !measured.has(event)) || used + eventBytes[i] > eventRoom) break;
      paged.add(event);
      used += eventBytes[i];
    }
    diagnostics.push({ reason: messages.eventsOverBudget(index.events.length, paged.size, maxBytes), ruleId: 'report:events-over-budget', severity: 'warning' });
    pages.clear();
    ({ overviewParts, overviewSections, eventViews } = renderSections([]));
    tidy();
    selected = new Set(referenced);
    pages = renderMainPages();
  }
  const mainBytes = [...pages.values()].reduce((sum, p) => sum + Buffer.byteLength(p), 0);
  const fixedBytes = out.bytes + assetBytes + mainBytes;
  // Main pages are rendered again with the final links (relative views or original URLs): keep a margin.
  const room = Math.max(0, (maxBytes - fixedBytes) * 0.97);

  // Article pages are rendered on demand and measured, so the budget holds on real bytes.
  const rendered = new Map<string, string>();
  const articlePage = (meta: DocMeta): string => {
    let page = rendered.get(meta.id);
    if (page === undefined) rendered.set(meta.id, (page = renderArticlePage(meta)));
    return page;
  };
  /** Adds ids in order while their pages fit in `limit` bytes; gives up after many misses in a row. */
  const fit = (ids: readonly string[], limit: number, taken: Set<string>, used: number): number => {
    let misses = 0;
    for (const id of ids) {
      const meta = index.byId.get(id);
      if (taken.has(id) || !meta || !articles.has(id)) continue;
      const bytes = Buffer.byteLength(articlePage(meta));
      if (used + bytes > limit) {
        rendered.delete(id);
        if (++misses >= MAX_MISSES) break;
        continue;
      }
      misses = 0;
      taken.add(id);
      used += bytes;
    }
    return used;
  };
  const citedBytes = [...referenced].reduce((sum, id) => sum + estimateOf(id), 0);
  const allCited = [...referenced].sort((a, b) => citations.get(b)! - citations.get(a)! || a.localeCompare(b));
  const fillOrder = articlePriority(index, referenced);
  const pageBytes = (id: string) => Buffer.byteLength(articlePage(index.byId.get(id)!));
  const withText = index.docs.filter((d) => articles.has(d.id)).map((d) => d.id);
  /** Picks the views for `limit` bytes: the most-cited first, then the others round-robin over event × outlet. */
  const selectViews = (limit: number) => {
    // The estimate rules out what cannot fit before anything is rendered to be measured.
    const sum = (ids: string[]) => ids.reduce((total, id) => total + pageBytes(id), 0);
    let used = fixedBytes + citedBytes <= maxBytes ? sum(allCited) : Infinity;
    if (used > limit) {
      // Links to cited articles without a view go to their original page.
      citable = new Set();
      used = fit(allCited, limit, citable, 0);
      ({ overviewParts, overviewSections, eventViews } = renderSections([]));
    }
    if (!citable && fixedBytes + allViewBytes(maxBytes - fixedBytes) <= maxBytes && sum(withText) <= limit) return undefined;
    const views = new Set(allCited.filter(isCitable));
    fit(fillOrder, used + (limit - used) * FILL_SHARE, views, used);
    return views;
  };
  let limit = room;
  const noted = diagnostics.length;
  for (let attempt = 0; ; attempt++) {
    diagnostics.length = noted; // the over-budget note of a previous attempt
    selected = selectViews(limit);
    if (citable) {
      diagnostics.push({
        reason: messages.overBudget(allCited.length, citable.size, fixedBytes + citedBytes, maxBytes),
        ruleId: 'report:over-budget',
        severity: 'warning',
      });
    }
    pages.clear();
    tidy();
    pages = renderMainPages();
    const viewBytes = index.docs.reduce((sum, d) => sum + (articles.has(d.id) && hasView(d.id) ? pageBytes(d.id) : 0), 0);
    const total = out.bytes + assetBytes + [...pages.values()].reduce((sum, p) => sum + Buffer.byteLength(p), 0) + viewBytes;
    // Links to original pages can be longer than links to views: shrink the room by the overshoot.
    if (total <= maxBytes || attempt === 3 || limit === 0) break;
    limit = Math.max(0, limit - (total - maxBytes) * 1.5);
  }
  for (const [path, page] of pages) out.write(path, page);
  pages.clear();
  tidy();

  // 6. article pages and assets
  const articlePaths = new Map<string, string>();
  for (const meta of index.docs) {
    if (!articles.has(meta.id) || !hasView(meta.id)) continue;
    if (articlePaths.size % 100 === 0) options.signal?.throwIfAborted();
    const path = `articles/${docSlugs.get(meta.id)}.html`;
    out.write(path, articlePage(meta));
    rendered.delete(meta.id);
    articlePaths.set(meta.id, path);
  }
  options.signal?.throwIfAborted();
  out.write(ASSET_FILES.css, REPORT_CSS);
  out.write(ASSET_FILES.js, REPORT_JS);
  if (needsVendor) out.write(ASSET_FILES.vendor, vendorScript());
  const eventPaths = new Map(index.events.filter(hasPage).map((e) => [e, `events/${eventSlugs.get(e)}.html`]));
  return { articlePages: articlePaths.size, omittedArticles: index.docs.length - articlePaths.size, diagnostics: [...diagnostics, ...highlightNotes], articlePaths, eventPaths };
}
