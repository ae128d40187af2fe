/**
 * writeReport: PipelineResult → a report folder that opens from file:// with no network.
 *   1. names: slugs for article and event pages, outlet colours
 *   2. analysis sections: overview and per-event views (recording which articles they cite)
 *   3. highlights: counted per article for the size estimate and the kind colours
 *   4. chart files: charts/<name>.vl.json and .svg for every overview chart (rendered in Node)
 *   5. pages: overview and event pages; if the budget is exceeded, article views are selected
 *      (cited ones always) and the pages are rendered again with the final links
 *   6. article pages, assets, then the folder replaces the old report in one rename
 */
import type { PipelineResult } from '../pipeline/run.js';
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
import { estimateArticlePage, selectArticlePages } from './select-articles.js';
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
   * Size budget of the whole folder in bytes. Article views that do not fit are left out (their
   * titles link to the original page); views cited by analyses are always written. Default 15 MB.
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
  let selected: Set<string> | undefined; // undefined: every article has a view
  let citable: Set<string> | undefined; // undefined: every cited article gets a view
  const isCitable = (id: string) => !citable || citable.has(id);
  const citations = new Map<string, number>();
  const hasView = (id: string) => docSlugs.get(id) !== undefined && (!selected || selected.has(id));
  const contextFor = (root: string, prefix?: string): KitContext => ({
    root,
    prefix,
    outletColor: colorOf,
    eventSlug: (id) => eventSlugs.get(id),
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
      const parts = newPageParts();
      const sections = analyses.flatMap((a) =>
        a.eventView ? renderSection(a, () => a.eventView!(summaryOf(a), event, index, createKit(parts, contextFor('../', a.id))), sectionDiagnostics) : [],
      );
      eventViews.set(event, { parts, sections });
    }
    return { overviewParts, overviewSections, eventViews };
  };
  let { overviewParts, overviewSections, eventViews } = renderSections(diagnostics);

  // 3. highlights
  const highlighters = analyses.filter((a) => a.highlights);
  const invalid = new Map<string, number>();
  const highlightsOf = (meta: DocMeta, countInvalid = false): Highlight[] => {
    const length = articles.get(meta.id)?.text.length ?? 0;
    const found: Highlight[] = [];
    for (const a of highlighters) {
      const perDoc = result.perDoc.get(a.id)?.get(meta.id);
      if (perDoc === undefined) continue;
      for (const h of a.highlights!(perDoc, meta, summaryOf(a))) {
        if (isValidSpan(h, length)) found.push(h);
        else if (countInvalid) {
          if (!invalid.has(a.id)) diagnostics.push({ reason: messages.invalidHighlight(a.id, meta.id, h.start, h.end), ruleId: 'report:invalid-highlight', severity: 'warning' });
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
  const kinds = new Set<string>();
  for (const meta of index.docs) {
    const found = highlightsOf(meta, true);
    for (const h of found) kinds.add(h.kind);
    const article = articles.get(meta.id);
    estimates.set(
      meta.id,
      estimateArticlePage(Buffer.byteLength(escapeHtml(article?.text ?? '')), Buffer.byteLength(escapeHtml(article?.title ?? '')), found.length),
    );
  }
  const kindColors = new Map([...kinds].sort().map((k, i) => [k, KIND_PALETTE[i % KIND_PALETTE.length]]));

  // 4. chart files
  const corpusCharts: CorpusChart[] = [outletChart(index, colorOf), dateChart(index, colorOf), eventChart(index, colorOf)].filter(
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
    out.write(`charts/${name}.vl.json`, `${JSON.stringify(spec, null, 2)}\n`);
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
        diagnostics: [...(options.diagnostics ?? []), ...diagnostics],
        articleLink: articleLink(''),
        omitted: { count: selected ? index.docs.length - selected.size : 0, maxBytes },
      },
      createKit(corpusParts, contextFor('')),
    );
    const pages = new Map<string, string>();
    pages.set('index.html', renderPage({ title, reportTitle: title, root: '', inline: true, body: overviewBody, charts: chartSpecs([corpusParts, overviewParts]) }));
    for (const event of index.events) {
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
  const needsVendor = [...eventViews.values()].some((v) => v.parts.charts.size > 0);
  const assetBytes = Buffer.byteLength(REPORT_CSS) + Buffer.byteLength(REPORT_JS) + (needsVendor ? Buffer.byteLength(vendorScript()) : 0);
  const mainBytes = [...pages.values()].reduce((sum, p) => sum + Buffer.byteLength(p), 0);
  const articleBytes = [...estimates.values()].reduce((sum, b) => sum + b, 0);
  const fixedBytes = out.bytes + assetBytes + mainBytes;
  const citedBytes = [...referenced].reduce((sum, id) => sum + (estimates.get(id) ?? 0), 0);
  if (fixedBytes + citedBytes > maxBytes) {
    // Keep views for the most-cited articles that fit; links to the rest go to their original page.
    const room = Math.max(0, (maxBytes - fixedBytes) * 0.97);
    const byCitations = [...referenced].sort((a, b) => citations.get(b)! - citations.get(a)! || a.localeCompare(b));
    citable = new Set();
    let used = 0;
    for (const id of byCitations) {
      if (used + estimates.get(id)! > room) continue;
      citable.add(id);
      used += estimates.get(id)!;
    }
    diagnostics.push({
      reason: messages.overBudget(referenced.size, citable.size, fixedBytes + citedBytes, maxBytes),
      ruleId: 'report:over-budget',
      severity: 'warning',
    });
    ({ overviewParts, overviewSections, eventViews } = renderSections([]));
  }
  selected =
    fixedBytes + articleBytes > maxBytes
      ? selectArticlePages(index, estimates, referenced, Math.max(0, (maxBytes - fixedBytes) * 0.97))
      : undefined;
  pages = renderMainPages();
  for (const [path, page] of pages) out.write(path, page);

  // 6. article pages and assets
  const articlePaths = new Map<string, string>();
  for (const meta of index.docs) {
    const article = articles.get(meta.id);
    if (!article || !hasView(meta.id)) continue;
    if (articlePaths.size % 100 === 0) options.signal?.throwIfAborted();
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
    const path = `articles/${docSlugs.get(meta.id)}.html`;
    out.write(
      path,
      renderPage({
        title: `${article.title || '(untitled)'} — ${article.outlet}`,
        reportTitle: title,
        root: '../',
        body,
        style: kindStyle(new Set(found.map((h) => h.kind)), kindColors),
        bodyClass: 'article-page',
      }),
    );
    articlePaths.set(meta.id, path);
  }
  options.signal?.throwIfAborted();
  out.write(ASSET_FILES.css, REPORT_CSS);
  out.write(ASSET_FILES.js, REPORT_JS);
  if (needsVendor) out.write(ASSET_FILES.vendor, vendorScript());
  const eventPaths = new Map(index.events.map((e) => [e, `events/${eventSlugs.get(e)}.html`]));
  return { articlePages: articlePaths.size, omittedArticles: index.docs.length - articlePaths.size, diagnostics, articlePaths, eventPaths };
}
