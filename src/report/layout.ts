/**
 * The page shell shared by every report page: charset, Content-Security-Policy, styles, the
 * top navigation, the page's chart JSON block and its scripts. Scripts are shared files under
 * assets/ allowed by 'self' (the JSON block is data, not script). Nothing may reach the network.
 */
import { createHash } from 'node:crypto';
import { html, jsonForScript, raw, type Html } from './html.js';

/** Files every report has under assets/. */
export const ASSET_FILES = {
  css: 'assets/report.css',
  js: 'assets/report.js',
  vendor: 'assets/vendor.js',
} as const;

/** `'sha256-…'` source expression for an inline script. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The policy: no network, no eval, scripts only ours (hashed inline or files from the report). */
export function contentSecurityPolicy(inlineScripts: string[]): string {
  const hashes = inlineScripts.map(scriptHash).join(' ');
  return [
    "default-src 'none'",
    `script-src 'self'${hashes ? ` ${hashes}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface PageOptions {
  title: string;
  /** Relative prefix to the report root: '' or '../'. */
  root: string;
  body: Html;
  /** Chart specs by name, drawn by the report script. */
  charts?: Record<string, object>;
  /** Extra inline CSS (e.g. highlight kind colours). */
  style?: string;
  bodyClass?: string;
  /** Report title for the top bar. */
  reportTitle: string;
}

/** A complete HTML document. */
export function renderPage(options: PageOptions): string {
  const { root } = options;
  const hasCharts = !!options.charts && Object.keys(options.charts).length > 0;
  // Scripts are files of the report folder (CSP 'self'): vega ships once, not once per page.
  const scripts: Html[] = [];
  if (hasCharts) scripts.push(html`<script src="${root + ASSET_FILES.vendor}"></script>`);
  scripts.push(html`<script src="${root + ASSET_FILES.js}"></script>`);
  const styles = html`<link rel="stylesheet" href="${root + ASSET_FILES.css}">`;
  const extraStyle = options.style ? raw(`<style>${options.style.replace(/<\//g, '<\\/')}</style>`) : '';
  const chartData = hasCharts ? raw(`<script type="application/json" id="fl-charts">${jsonForScript(options.charts)}</script>`) : '';
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([])}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="framelens">
<title>${options.title}</title>
${styles}${extraStyle}
</head>
<body${options.bodyClass ? html` class="${options.bodyClass}"` : ''}>
<header class="fl-top"><a class="brand" href="${root}index.html">${options.reportTitle}</a>
<nav aria-label="Report"><a href="${root}index.html#corpus">Corpus</a><a href="${root}index.html#events">Events</a><a href="${root}index.html#articles">Articles</a></nav></header>
<main>
${options.body}
</main>
${chartData}
${scripts}
</body>
</html>
`;
  return page.value;
}
