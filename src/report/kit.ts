/**
 * ReportKit: what an analysis's report section may use. Sections build markup with the `html`
 * tagged template (src/report/html.ts) and never write raw corpus text into markup.
 * One kit is made per page (createKit), so charts and tables are collected per page.
 */
import { html, type Html } from './html.js';
import { renderTable, formatNumber } from './table.js';
import { slugify } from './slug.js';
export type { Html } from './html.js';

export interface TableColumn<Row = Record<string, unknown>> {
  key: string;
  label: string;
  /** Right-aligned, sorted numerically. */
  numeric?: boolean;
  /** Cell markup; default: the escaped value (numbers formatted). */
  cell?: (row: Row) => Html | string | number;
  /** Link target for the cell's text (made safe with safeUrl); cheaper than `cell` for big tables. */
  href?: (row: Row) => string | undefined;
  /** Decimals shown for numeric cells. Default 2. */
  digits?: number;
  /** Keep the cell on one line (dates, codes). Default false. */
  nowrap?: boolean;
}

export interface TableOptions {
  caption?: string;
  /** Rows shown before "show all" (all rows kept in the report stay in the CSV download). Default 50. */
  limit?: number;
  /**
   * Rows written into the report at all: the first `maxRows` (so pass rows most important
   * first); a note under the table says how many were left out and where to find them.
   * Keeps a 20k-article report within its size budget. Default 1,000.
   */
  maxRows?: number;
  /** Where the rows beyond `maxRows` can be found (a CLI command, a file), shown in the note. */
  more?: string;
  /** Rows there were before the section picked `rows` (when it capped them itself), for the note. Default rows.length. */
  total?: number;
  /** Column keys searched by a search box above the table. Default: no search box. */
  search?: string[];
  /** Column keys that get a filter menu of their distinct values. Default: none. */
  filters?: string[];
}

export interface ReportKit {
  /** Relative prefix from the current page to the report root: '' or '../'. */
  readonly root: string;
  /**
   * Places a Vega-Lite chart. `caption` is the plain-words sentence under it, generated from
   * the numbers. `name` must be unique on the page; the spec is also written to charts/.
   */
  chart(name: string, spec: object, caption: string): Html;
  /** A sortable table with a CSV download of all its rows. `id` must be unique on the page. */
  table<Row extends Record<string, unknown>>(id: string, columns: TableColumn<Row>[], rows: Row[], options?: TableOptions): Html;
  /** Link to an article view, optionally to a finding (`#f-<start>-<end>`) or a highlight kind. */
  articleHref(docId: string, anchor?: { start: number; end: number } | { kind: string }): string;
  /** Link to an event page (or to the overview's events table when the event has no page). */
  eventHref(eventId: string): string;
  /** Stable colour per outlet across the whole report. */
  outletColor(outlet: string): string;
  /** Outlet name with its colour swatch. */
  outlet(outlet: string): Html;
  /** Formats a number for display (thousands separators; `digits` decimals). */
  number(value: number, digits?: number): string;
}

/** A chart placed on a page. */
export interface PlacedChart {
  /** Unique on the page; the key of the page's chart JSON block. */
  name: string;
  spec: object;
  caption: string;
}

/** What a page collects while its sections are rendered. */
export interface PageParts {
  charts: Map<string, PlacedChart>;
  tables: Set<string>;
}

/** Everything a kit needs to know about the report it links into. */
export interface KitContext {
  root: string;
  /** Page slug of an article view, or undefined when the article has none. */
  articleSlug(docId: string): string | undefined;
  eventSlug(eventId: string): string | undefined;
  /** Where a link to an article without a view goes (its original page); default '#'. */
  articleFallback?(docId: string): string | undefined;
  outletColor(outlet: string): string;
  /** Called for every article an analysis links to, so its view (and the cited span's anchor) is always written. */
  onArticleLink?(docId: string, anchor?: { start: number; end: number } | { kind: string }): void;
  /** Prefixed to chart names and table ids (the analysis id), so sections cannot collide. */
  prefix?: string;
}

/** Empty collections for one page. */
export function newPageParts(): PageParts {
  return { charts: new Map(), tables: new Set() };
}

/** The anchor id of a finding in an article view. */
export function findingAnchor(start: number, end: number): string {
  return `f-${start}-${end}`;
}

/** The CSS class (and anchor suffix) of a highlight kind. */
export function kindClass(kind: string): string {
  return `k-${slugify(kind, 60) || 'kind'}`;
}

/** True when a spec's only data is an inline, empty `values` array. */
export function hasNoData(spec: object): boolean {
  const values = (spec as { data?: { values?: unknown } }).data?.values;
  return Array.isArray(values) && values.length === 0;
}

/** Makes the kit for one page (or one section of it, with `context.prefix`). */
export function createKit(page: PageParts, context: KitContext): ReportKit {
  const prefixed = (name: string) => (context.prefix && !name.startsWith(`${context.prefix}-`) ? `${context.prefix}-${name}` : name);
  return {
    root: context.root,
    chart(name, spec, caption) {
      const key = slugify(prefixed(name), 80) || `chart-${page.charts.size + 1}`;
      if (page.charts.has(key)) throw new Error(`framelens: chart name '${key}' is used twice on one page`);
      // An empty chart draws only axes (and vega warns about infinite extents): say so instead.
      if (hasNoData(spec)) {
        return html`<figure class="fl-figure" id="chart-${key}"><p class="muted">No data to chart.</p><figcaption>${caption}</figcaption></figure>`;
      }
      page.charts.set(key, { name: key, spec, caption });
      return html`<figure class="fl-figure" id="chart-${key}"><div class="fl-chart" data-chart="${key}" role="img" aria-label="${caption}"></div><figcaption>${caption}</figcaption></figure>`;
    },
    table(id, columns, rows, options) {
      const key = prefixed(id);
      if (page.tables.has(key)) throw new Error(`framelens: table id '${key}' is used twice on one page`);
      page.tables.add(key);
      return renderTable(key, columns, rows, options);
    },
    articleHref(docId, anchor) {
      context.onArticleLink?.(docId, anchor);
      const slug = context.articleSlug(docId);
      if (!slug) return context.articleFallback?.(docId) ?? '#';
      const hash = !anchor ? '' : 'kind' in anchor ? `#${kindClass(anchor.kind)}` : `#${findingAnchor(anchor.start, anchor.end)}`;
      return `${context.root}articles/${slug}.html${hash}`;
    },
    eventHref(eventId) {
      const slug = context.eventSlug(eventId);
      // An event without a page of its own (size budget) is a row of the overview's events table.
      return slug ? `${context.root}events/${slug}.html` : `${context.root}index.html#events`;
    },
    outletColor: context.outletColor,
    outlet(outlet) {
      return html`<span class="outlet"><span class="swatch" style="--c:${context.outletColor(outlet)}"></span>${outlet}</span>`;
    },
    number: (value, digits = 2) => formatNumber(value, digits),
  };
}
