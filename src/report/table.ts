/**
 * Tables for report sections: the first rows as plain HTML (readable without scripts and in
 * print), all rows as a JSON block from which the report script sorts, filters, pages and builds
 * the CSV download. Cell markup is produced here with the escaping `html` template only.
 */
import { html, jsonForScript, raw, safeUrl, type Html } from './html.js';
import type { TableColumn, TableOptions } from './kit.js';
import { messages } from './messages.js';

const DEFAULT_LIMIT = 50;
/**
 * Rows written as HTML (readable before the script runs, or without it); the script draws the
 * first `limit` from the JSON block. Every row is in the JSON once, not twice.
 */
const PRERENDERED_ROWS = 5;
/** Rows written per table unless a section asks otherwise: a cap, so no table can grow with the corpus. */
export const DEFAULT_MAX_ROWS = 1_000;

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Thousands separators, at most `digits` decimals (default 2), as the browser script does. */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '';
  let format = numberFormats.get(digits);
  if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  return format.format(value);
}

type Plain = string | number | null;

function plain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? value : String(value);
}

/** Table ids become element ids and CSV file names: keep them to a safe alphabet. */
export function tableDomId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-');
}

function cellHtml<Row extends Record<string, unknown>>(column: TableColumn<Row>, row: Row): Html {
  if (column.cell) {
    const out = column.cell(row);
    return typeof out === 'number' ? html`${formatNumber(out, column.digits)}` : html`${out}`;
  }
  const value = plain(row[column.key]);
  const text = typeof value === 'number' && column.numeric ? formatNumber(value, column.digits) : (value ?? '');
  const href = column.href?.(row);
  return href ? html`<a href="${safeUrl(href)}">${text}</a>` : html`${text}`;
}

function cellClass(column: TableColumn<never>): Html | string {
  const classes = [column.numeric ? 'num' : '', column.nowrap ? 'nowrap' : ''].filter(Boolean).join(' ');
  return classes ? html` class="${classes}"` : '';
}

/**
 * Columns with few distinct values (outlets, events, event links) are stored once and referenced
 * by index: for a 20k-row articles table this saves megabytes. Undefined when it would not help.
 */
function dictionaryEncode<T extends Plain>(column: T[]): { dict: T[]; codes: number[] } | undefined {
  if (column.length < 50) return undefined;
  const index = new Map<T, number>();
  const codes = column.map((v) => {
    let code = index.get(v);
    if (code === undefined) index.set(v, (code = index.size));
    return code;
  });
  return index.size <= column.length / 4 ? { dict: [...index.keys()], codes } : undefined;
}

/** Dictionary-encodes each column of `byColumn` in place where it helps; returns the dictionaries. */
function encodeColumns<T extends string | null>(byColumn: Record<number, T[]>): Record<number, T[]> {
  const dicts: Record<number, T[]> = {};
  for (const c of Object.keys(byColumn).map(Number)) {
    const encoded = dictionaryEncode(byColumn[c]);
    if (!encoded) continue;
    dicts[c] = encoded.dict;
    byColumn[c] = encoded.codes as never;
  }
  return dicts;
}

/**
 * Links sharing a site or a folder (`https://www.outlet.com/`, `articles/`) are written as
 * `<code>|<rest>` with each prefix listed once: original URLs are most of a 20k-row articles
 * table. Undefined when it would save little.
 */
function prefixEncode(links: Array<string | null>): { prefixes: string[]; links: Array<string | null> } | undefined {
  if (links.length < 50) return undefined;
  const index = new Map<string, number>();
  let saved = 0;
  const encoded = links.map((url) => {
    if (url === null) return null;
    const prefix = /^(https?:\/\/[^/]+\/|[^/:|]+\/)/i.exec(url)?.[1] ?? '';
    if (!prefix) return `|${url}`;
    let code = index.get(prefix);
    if (code === undefined) index.set(prefix, (code = index.size));
    saved += prefix.length - String(code).length - 1;
    return `${code}|${url.slice(prefix.length)}`;
  });
  return saved > links.length * 4 ? { prefixes: [...index.keys()], links: encoded } : undefined;
}

function distinct(values: Plain[]): string[] {
  return [...new Set(values.filter((v) => v !== null && v !== '').map(String))].sort((a, b) => a.localeCompare(b));
}

/** Renders a sortable, downloadable table block. */
export function renderTable<Row extends Record<string, unknown>>(
  id: string,
  columns: TableColumn<Row>[],
  allRows: Row[],
  options: TableOptions = {},
): Html {
  const domId = tableDomId(id);
  const limit = options.limit ?? DEFAULT_LIMIT;
  const rows = allRows.slice(0, Math.max(0, options.maxRows ?? DEFAULT_MAX_ROWS));
  const total = Math.max(options.total ?? 0, allRows.length);
  const omitted = total - rows.length;
  const values = rows.map((row) => columns.map((c) => plain(row[c.key])));
  const links: Record<number, Array<string | null>> = {};
  const cells: Record<number, string[]> = {};
  columns.forEach((column, c) => {
    if (column.cell) cells[c] = rows.map((row) => cellHtml(column, row).value);
    else if (column.href) links[c] = rows.map((row) => (column.href!(row) ? safeUrl(column.href!(row)) : null));
  });
  const searchCols = (options.search ?? []).map((key) => columns.findIndex((c) => c.key === key)).filter((c) => c >= 0);
  const filterCols = (options.filters ?? []).map((key) => columns.findIndex((c) => c.key === key)).filter((c) => c >= 0);
  const filterOptions = new Map(filterCols.map((c) => [c, distinct(values.map((v) => v[c]))]));
  const dicts: Record<number, Plain[]> = {};
  columns.forEach((column, c) => {
    if (column.numeric) return;
    const encoded = dictionaryEncode(values.map((v) => v[c]));
    if (!encoded) return;
    dicts[c] = encoded.dict;
    values.forEach((v, r) => (v[c] = encoded.codes[r]));
  });
  const linkDicts = encodeColumns(links);
  const linkPrefixes: Record<number, string[]> = {};
  for (const c of Object.keys(links).map(Number)) {
    if (linkDicts[c]) continue;
    const encoded = prefixEncode(links[c]);
    if (!encoded) continue;
    linkPrefixes[c] = encoded.prefixes;
    links[c] = encoded.links;
  }
  // Cell markup repeats too (an outlet with its swatch on every row).
  const htmlDicts = encodeColumns(cells);
  const data = {
    cols: columns.map((c) => ({ key: c.key, label: c.label, num: !!c.numeric, digits: c.digits, nw: !!c.nowrap })),
    rows: values,
    dicts,
    links,
    linkDicts,
    linkPrefixes,
    html: cells,
    htmlDicts,
    limit,
    search: searchCols,
  };
  const controls = html`<div class="fl-controls">
${searchCols.length ? html`<label>Search <input type="search" data-search placeholder="${searchCols.map((c) => columns[c].label.toLowerCase()).join(', ')}"></label>` : ''}
${filterCols.map(
  (c) => html`<label>${columns[c].label} <select data-filter="${c}"><option value="">all</option>${filterOptions.get(c)!.map(
    (v) => html`<option value="${v}">${v}</option>`,
  )}</select></label>`,
)}
<button type="button" data-csv>Download CSV</button>
<span class="fl-status" aria-live="polite">Showing ${formatNumber(Math.min(limit, PRERENDERED_ROWS, rows.length), 0)} of ${formatNumber(rows.length, 0)} rows</span>
</div>`;
  const head = columns.map(
    (c, i) => html`<th scope="col"${c.numeric ? raw(' class="num"') : ''}><button type="button" data-sort="${i}">${c.label}</button></th>`,
  );
  const body = rows.slice(0, Math.min(limit, PRERENDERED_ROWS)).map(
    (row) => html`<tr>${columns.map((c) => html`<td${cellClass(c)}>${cellHtml(c, row)}</td>`)}</tr>`,
  );
  return html`<div class="fl-table-block" id="table-${domId}">
${controls}
<div class="fl-table-wrap"><table class="fl-table" data-table="${domId}">
${options.caption ? html`<caption>${options.caption}</caption>` : ''}
<thead><tr>${head}</tr></thead>
<tbody>${body}</tbody>
</table></div>
<button type="button" data-show-all${rows.length <= limit ? raw(' hidden') : ''}>Show all ${formatNumber(rows.length, 0)} rows</button>
${omitted > 0 ? html`<p class="fl-more note">${messages.rowsOmitted(omitted, total, options.more)}</p>` : ''}
${raw(`<script type="application/json" data-table-data="${domId}">${jsonForScript(data)}</script>`)}
</div>`;
}
