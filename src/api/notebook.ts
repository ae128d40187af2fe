/**
 * Notebook display (Jupyter with the tslab kernel): a chart inline as a Vega-Lite MIME bundle,
 * a findings table as escaped HTML. tslab is looked up only when a display function is called,
 * so the library itself never depends on it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { escapeHtml } from '../report/html.js';
import { plural } from '../plural.js';

const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

interface TslabDisplay {
  raw(mime: string, data: unknown): void;
  html(s: string): void;
}

function tslabDisplay(): TslabDisplay {
  // Resolve from the notebook's folder first (where the user installed tslab), then from here.
  for (const base of [join(process.cwd(), 'noop.js'), import.meta.url]) {
    try {
      return outsideKernelExplained((createRequire(base)('tslab') as { display: TslabDisplay }).display);
    } catch {
      // try the next place
    }
  }
  throw new Error('framelens: showChart/showTable need the tslab kernel (npm install tslab)');
}

/** tslab installed but not running as the kernel throws a bare "Not ready": say what to do instead. */
function outsideKernelExplained(display: TslabDisplay): TslabDisplay {
  const explain = (show: () => void) => {
    try {
      show();
    } catch (error) {
      if (!/not ready/i.test((error as Error).message)) throw error;
      throw new Error('framelens: showChart/showTable display inside a tslab notebook kernel only; elsewhere use renderSvg(spec) or tableHtml(rows)');
    }
  };
  return { raw: (mime, data) => explain(() => display.raw(mime, data)), html: (s) => explain(() => display.html(s)) };
}

/** A Vega-Lite spec as the MIME bundle Jupyter renders inline (v6 specs render with the v5 MIME type). */
export function vegaLiteBundle(spec: object): { mime: string; data: object } {
  return { mime: VEGA_LITE_MIME, data: spec };
}

/** Shows a Vega-Lite chart inline in a tslab notebook. */
export function showChart(spec: object): void {
  const { mime, data } = vegaLiteBundle(spec);
  tslabDisplay().raw(mime, data);
}

/** An HTML table of plain rows; every cell is escaped. */
export function tableHtml(rows: readonly object[], options: { columns?: string[]; limit?: number } = {}): string {
  const limit = options.limit ?? 50;
  const records = rows as readonly Record<string, unknown>[];
  const columns = options.columns ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => escapeHtml(v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = records
    .slice(0, limit)
    .map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c])}</td>`).join('')}</tr>`)
    .join('');
  const more = rows.length > limit ? `<p>${plural(rows.length - limit, 'more row')} not shown</p>` : '';
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}`;
}

/** Shows rows as an HTML table inline in a tslab notebook. */
export function showTable(rows: readonly object[], options: { columns?: string[]; limit?: number } = {}): void {
  tslabDisplay().html(tableHtml(rows, options));
}
