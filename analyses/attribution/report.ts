/**
 * Report sections of the attribution analysis: the overview (charts + per-outlet sourcing table
 * + top sources with links to evidence) and one event's view (who each outlet quotes, and the
 * sources only one outlet carries). Captions are sentences built from the numbers.
 */
import { html, join } from '../../src/report/html.js';
import type { ReportKit } from '../../src/report/kit.js';
import type { CorpusIndex, Section } from '../types.js';
import { kindChart, outletsWithData, sourceTypeChart } from './charts.js';
import type { AttributionSummary, SourcingProfile } from './types.js';
import { CAPS, cliNote, eventOutlets } from '../../src/report/caps.js';
import { plural } from '../../src/plural.js';

/** Other outlets named in an "only one outlet quotes" line before "and N others". */
const NAMED_OTHERS = 4;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function profileRows(profiles: Record<string, SourcingProfile>, outlets: readonly string[]) {
  return outlets
    .filter((o) => profiles[o]?.attributions)
    .map((outlet) => {
      const p = profiles[outlet];
      const top = p.topSources[0];
      return {
        outlet,
        attributions: p.attributions,
        direct: Math.round(p.directShare * 100),
        anonymous: Math.round(p.anonymousShare * 100),
        loadedVerbs: Math.round(((p.attributions - p.stances.neutral) / p.attributions) * 100),
        topSource: top ? `${top.source} (${pct(top.quotedShare)} of quoted words)` : '',
      };
    });
}

/** One row per outlet of `outlets`; `total` counts the outlets with attributions when only some are listed. */
function profileTable(kit: ReportKit, id: string, profiles: Record<string, SourcingProfile>, outlets: readonly string[], total?: number) {
  return kit.table(
    id,
    [
      { key: 'outlet', label: 'Outlet', cell: (r) => kit.outlet(String(r.outlet)) },
      { key: 'attributions', label: 'Attributions', numeric: true },
      { key: 'direct', label: 'Direct or mixed %', numeric: true },
      { key: 'anonymous', label: 'Anonymous %', numeric: true },
      { key: 'loadedVerbs', label: 'Non-neutral verb %', numeric: true },
      { key: 'topSource', label: 'Most quoted source' },
    ],
    profileRows(profiles, outlets),
    { total, more: cliNote('sources') },
  );
}

/** Each outlet's top sources (CAPS.perOutlet of them), outlet by outlet, at most `max` rows; the note counts the rest. */
function sourcesTable(kit: ReportKit, id: string, profiles: Record<string, SourcingProfile>, outlets: readonly string[], max: number, counted = outlets) {
  const total = counted.reduce((sum, o) => sum + (profiles[o]?.topSources.length ?? 0), 0);
  const rows = outlets.flatMap((outlet) =>
    (profiles[outlet]?.topSources ?? []).slice(0, CAPS.perOutlet).map((s) => ({ outlet, source: s.source, type: s.sourceType, attributions: s.attributions, quotedWords: s.quotedWords, share: Math.round(s.quotedShare * 100), doc: s.example.doc, start: s.example.start, end: s.example.end })),
  );
  return kit.table(
    id,
    [
      { key: 'outlet', label: 'Outlet', cell: (r) => kit.outlet(String(r.outlet)) },
      { key: 'source', label: 'Source', cell: (r) => html`<a href="${kit.articleHref(String(r.doc), { start: Number(r.start), end: Number(r.end) })}">${String(r.source)}</a>` },
      { key: 'type', label: 'Type' },
      { key: 'attributions', label: 'Attributions', numeric: true },
      { key: 'quotedWords', label: 'Quoted words', numeric: true },
      { key: 'share', label: 'Share of quoted words %', numeric: true },
    ],
    rows.slice(0, max),
    { limit: 30, total, more: cliNote('sources') },
  );
}

/** "A, B, C, D and 7 other outlets". */
function othersList(outlets: string[]): string {
  if (outlets.length <= NAMED_OTHERS + 1) return outlets.join(', ');
  return `${outlets.slice(0, NAMED_OTHERS).join(', ')} and ${outlets.length - NAMED_OTHERS} other outlets`;
}

/** " The 15 outlets with the most articles are drawn." when a chart leaves outlets out. */
function drawnNote(drawn: number, all: number): string {
  return drawn < all ? ` The ${drawn} outlets with the most articles are drawn (of ${all} with attributions); the table lists all.` : '';
}

/** Plain-words sentence about the outlet with the most anonymous sourcing. */
function anonymousCaption(summary: AttributionSummary, outlets: readonly string[]): string {
  const ranked = outlets.filter((o) => summary.byOutlet[o]?.attributions).sort((a, b) => summary.byOutlet[b].anonymousShare - summary.byOutlet[a].anonymousShare);
  if (!ranked.length) return 'No attributions found.';
  const top = summary.byOutlet[ranked[0]];
  const low = summary.byOutlet[ranked[ranked.length - 1]];
  return ranked.length > 1
    ? `${ranked[0]} attributes ${pct(top.anonymousShare)} of its ${plural(top.attributions, 'attribution')} to anonymous or vague sources; ${ranked[ranked.length - 1]} ${pct(low.anonymousShare)}.`
    : `${ranked[0]} attributes ${pct(top.anonymousShare)} of its ${plural(top.attributions, 'attribution')} to anonymous or vague sources.`;
}

function directCaption(summary: AttributionSummary, outlets: readonly string[]): string {
  const ranked = outlets.filter((o) => summary.byOutlet[o]?.attributions).sort((a, b) => summary.byOutlet[b].directShare - summary.byOutlet[a].directShare);
  if (!ranked.length) return 'No attributions found.';
  const parts = ranked.slice(0, 3).map((o) => `${o} ${pct(summary.byOutlet[o].directShare)}`);
  return `Share of attributions in direct or mixed quotation: ${parts.join(', ')}${ranked.length > 3 ? ', …' : ''}.`;
}

export function attributionOverview(summary: AttributionSummary, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  if (!summary.total) return undefined;
  const types = sourceTypeChart(summary, corpus);
  const kinds = kindChart(summary, corpus);
  const drawn = outletsWithData(summary, corpus);
  const withData = corpus.outlets.filter((o) => summary.byOutlet[o]?.attributions).length;
  return {
    id: 'attribution',
    title: 'Attribution: whose voice each outlet carries',
    html: html`<p>${kit.number(summary.total)} attributions (source, cue, content) across ${corpus.outlets.length} outlets.</p>
      ${types ? kit.chart('attribution-source-types', types, anonymousCaption(summary, drawn) + drawnNote(drawn.length, withData)) : ''}
      ${kinds ? kit.chart('attribution-kinds', kinds, directCaption(summary, drawn) + drawnNote(drawn.length, withData)) : ''}
      ${profileTable(kit, 'attribution-profiles', summary.byOutlet, corpus.outlets)}
      ${sourcesTable(kit, 'attribution-top-sources', summary.byOutlet, corpus.outlets, CAPS.overviewRows)}`,
  };
}

export function attributionEventView(summary: AttributionSummary, event: string, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const sourcing = summary.byEvent[event];
  if (!sourcing) return undefined;
  const outlets = corpus.outlets.filter((o) => sourcing.byOutlet[o]);
  const exclusive = sourcing.exclusive.slice(0, 12).map((e) => html`<li>${kit.outlet(e.outlet)} quotes ${e.source} (${e.sourceType}, ${e.attributions}×); ${othersList(e.otherOutlets)} do not.</li>`);
  const sourceOutlets = eventOutlets(corpus, event, CAPS.eventOutlets, (o) => !!sourcing.byOutlet[o]);
  return {
    id: 'attribution',
    title: 'Attribution',
    html: html`${profileTable(kit, `attribution-profiles-${event}`, sourcing.byOutlet, sourceOutlets, outlets.filter((o) => sourcing.byOutlet[o].attributions).length)}
      ${exclusive.length ? html`<p>Sources only one outlet quotes:</p><ul>${join(exclusive)}</ul>` : ''}
      ${sourcesTable(kit, `attribution-sources-${event}`, sourcing.byOutlet, sourceOutlets, CAPS.eventRows, outlets)}`,
  };
}
