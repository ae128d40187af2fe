/**
 * The report layer's public API: write a report folder, render charts without a browser, and
 * the safe-HTML kit that analysis sections use.
 */
export { writeReport, type WriteReportOptions, type ReportFiles } from './write-report.js';
export { renderSvg, renderPng, type PngOptions } from './render-svg.js';
export { html, raw, join, escapeHtml, jsonForScript, safeUrl, Html } from './html.js';
export { createKit, newPageParts, findingAnchor, kindClass } from './kit.js';
export type { ReportKit, TableColumn, TableOptions, KitContext, PageParts, PlacedChart } from './kit.js';
export { segmentHighlights, type Segment } from './highlight-segments.js';
export { contentSecurityPolicy } from './layout.js';
export { OUTLET_PALETTE, outletColors } from './palette.js';
