/**
 * Tables for report sections: the first rows as plain HTML (readable without scripts and in
 * print), all rows as a JSON block from which the report script sorts, filters, pages and builds
 * the CSV download. Cell markup is produced here with the escaping `html` template only.
 */
import { html, jsonForScript, raw, safeUrl, type Html } from './html.js';
import type { TableColumn, TableOptions } from './kit.js';

const DEFAULT_LIMIT = 50;

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

function distinct(values: Plain[]): string[] {
  return [...new Set(values.filter((v) => v !== null && v !== '').map(String))].sort((a, b) => a.localeCompare(b));
}

/** Renders a sortable, downloadable table block. */
export function renderTable<Row extends Record<string, unknown>>(
  id: string,
  columns: TableColumn<Row>[],
  rows: Row[],
  options: TableOptions = {},
): Html {
  const domId = tableDomId(id);
  const limit = options.limit ?? DEFAULT_LIMIT;
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
  const linkDicts: Record<number, Array<string | null>> = {};
  for (const c of Object.keys(links).map(Number)) {
    const encoded = dictionaryEncode(links[c]);
    if (encoded) {
      linkDicts[c] = encoded.dict as Array<string | null>;
      links[c] = encoded.codes as never;
    }
  }
  const data = {
    cols: columns.map((c) => ({ key: c.key, label: c.label, num: !!c.numeric, digits: c.digits, nw: !!c.nowrap })),
    rows: values,
    dicts,
    links,
    linkDicts,
    html: cells,
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
<span class="fl-status" aria-live="polite">Showing ${formatNumber(Math.min(limit, rows.length), 0)} of ${formatNumber(rows.length, 0)} rows</span>
</div>`;
  const head = columns.map(
    (c, i) => html`<th scope="col"${c.numeric ? raw(' class="num"') : ''}><button type="button" data-sort="${i}">${c.label}</button></th>`,
  );
  const body = rows.slice(0, limit).map(
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
${raw(`<script type="application/json" data-table-data="${domId}">${jsonForScript(data)}</script>`)}
</div>`;
}
