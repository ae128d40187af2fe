import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/corpus/article.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run.js';
import { writeReport, type ReportFiles } from '../../src/report/write-report.js';
import { CAPS } from '../../src/report/caps.js';
import { brokenLinks, listFiles } from './report-files.js';

/**
 * The size budget at scale: the sample corpus copied under four sets of outlet names (4 × 33
 * articles, 20 outlets, every event covered by twice as many outlets) must give report sections
 * that keep to their caps, and a tight budget must still hold with every link resolving.
 */
const SAMPLE = fileURLToPath(new URL('../../data/sample/articles.jsonl', import.meta.url));
const hasSample = existsSync(SAMPLE);
if (!hasSample) console.warn('report size budget test skipped: data/sample/articles.jsonl is missing');

const COPIES = 4;

function scaled(articles: Article[]): Article[] {
  return Array.from({ length: COPIES }, (_, k) => articles.map((a) => ({ ...a, id: `${a.id}-${k}`, outlet: `${a.outlet} ${k + 1}` }))).flat();
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** Chart specs of a page by name. */
function pageCharts(page: string): Record<string, { data?: { values?: Array<Record<string, unknown>> } }> {
  const block = /<script type="application\/json" id="fl-charts">([\s\S]*?)<\/script>/.exec(page);
  return block ? JSON.parse(block[1]) : {};
}

/** Table data blocks of a page by table id. */
function pageTables(page: string): Map<string, { rows: unknown[] }> {
  return new Map([...page.matchAll(/<script type="application\/json" data-table-data="([^"]+)">([\s\S]*?)<\/script>/g)].map((m) => [m[1], JSON.parse(m[2])]));
}

/** Outlet names a chart draws (in any outlet-valued field of its rows). */
function drawnOutlets(spec: { data?: { values?: Array<Record<string, unknown>> } }, outlets: ReadonlySet<string>): Set<string> {
  const drawn = new Set<string>();
  for (const row of spec.data?.values ?? []) for (const value of Object.values(row)) if (typeof value === 'string' && outlets.has(value)) drawn.add(value);
  return drawn;
}

describe.skipIf(!hasSample)('report sections on a scaled-up sample corpus', () => {
  let dir: string;
  let result: PipelineResult;
  let report: ReportFiles;
  let outlets: Set<string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framelens-budget-'));
    const { articles } = await readCorpus([SAMPLE]);
    result = runPipeline(scaled(articles));
    outlets = new Set(result.index.outlets);
    report = await writeReport(result, join(dir, 'full'));
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has more outlets than any chart may draw, so the caps are exercised', () => {
    expect(result.index.outlets.length).toBeGreaterThan(CAPS.chartOutlets);
    const busiest = Math.max(...result.index.events.map((e) => new Set(result.index.docs.filter((d) => d.event === e).map((d) => d.outlet)).size));
    expect(busiest).toBeGreaterThan(CAPS.eventChartOutlets);
  });

  it('draws at most the capped number of outlets in every analysis chart, on the overview and on event pages', () => {
    const overview = pageCharts(read(report.dir, 'index.html'));
    const analysisCharts = Object.entries(overview).filter(([name]) => !name.startsWith('articles-'));
    expect(analysisCharts.length).toBeGreaterThan(3);
    for (const [name, spec] of analysisCharts) expect(drawnOutlets(spec, outlets).size, name).toBeLessThanOrEqual(CAPS.chartOutlets);
    let eventCharts = 0;
    for (const page of report.eventPaths.values()) {
      for (const [name, spec] of Object.entries(pageCharts(read(report.dir, page)))) {
        eventCharts++;
        expect(drawnOutlets(spec, outlets).size, `${page} ${name}`).toBeLessThanOrEqual(CAPS.eventChartOutlets);
      }
    }
    expect(eventCharts).toBeGreaterThan(0);
  });

  it('keeps evidence tables to their row caps and says how many rows were left out and where they are', () => {
    const evidence = /examples|sources|passages/;
    const overview = pageTables(read(report.dir, 'index.html'));
    for (const [id, table] of overview) if (evidence.test(id)) expect(table.rows.length, id).toBeLessThanOrEqual(CAPS.overviewRows);
    let capped = 0;
    for (const page of report.eventPaths.values()) {
      const html = read(report.dir, page);
      for (const [id, table] of pageTables(html)) if (evidence.test(id)) expect(table.rows.length, `${page} ${id}`).toBeLessThanOrEqual(CAPS.eventRows);
      if (/of [\d,]+ rows (is|are) in this table and its CSV download/.test(html)) capped++;
    }
    expect(capped, 'some event table is capped on this corpus').toBeGreaterThan(0);
    const notes = report.eventPaths.size ? [...report.eventPaths.values()].map((p) => read(report.dir, p)).join('') : '';
    expect(notes).toMatch(/framelens (loaded|sources|reuse) &lt;corpus&gt; --format csv/);
  });

  it('keeps every event page small whatever the size of its event', () => {
    for (const page of report.eventPaths.values()) expect(statSync(join(report.dir, page)).size, page).toBeLessThan(150_000);
  });

  it('holds a tight budget with fewer event pages and article views, and every remaining link resolves', async () => {
    const eventBytes = [...report.eventPaths.values()].reduce((sum, p) => sum + statSync(join(report.dir, p)).size, 0);
    const fixed = report.files.filter((f) => !/^(events|articles)\//.test(f.path)).reduce((sum, f) => sum + f.bytes, 0);
    // Room for about half of the event pages (at the 60% share) and a few article views.
    const maxBytes = Math.round(fixed + eventBytes * 0.8);
    const tight = await writeReport(result, join(dir, 'tight'), { maxBytes });
    expect(tight.bytes).toBeLessThanOrEqual(maxBytes);
    expect(tight.eventPaths.size).toBeGreaterThan(0);
    expect(tight.eventPaths.size).toBeLessThan(result.index.events.length);
    expect(tight.diagnostics.map((d) => d.ruleId)).toContain('report:events-over-budget');
    expect(read(tight.dir, 'index.html')).toContain('no page of their own');
    expect(listFiles(tight.dir).filter((f) => f.startsWith('events/'))).toHaveLength(tight.eventPaths.size);
    expect(brokenLinks(tight.dir)).toEqual([]);
  });
});

describe('a corpus with more events than the budget could ever give pages', () => {
  it('gives pages to the largest events only, says so, and every link resolves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-many-events-'));
    try {
      // 130 events: 10 of three articles, 120 of one; a 1 MB budget holds at most 37 event pages.
      const articles: Article[] = [];
      for (let e = 0; e < 130; e++) {
        for (let k = 0; k < (e < 10 ? 3 : 1); k++) {
          articles.push({ id: `e${e}-${k}`, outlet: `Outlet ${k}`, event: `event-${e}`, title: `Council vote ${e} (${k})`, text: `The council of Varn voted on plan ${e} on Monday. Members said the plan ${e} would cost ${e + 10} florins.` });
        }
      }
      const result = runPipeline(articles, { analyses: ['events', 'terms', 'loaded'] });
      const report = await writeReport(result, join(dir, 'out'), { maxBytes: 1_000_000 });
      expect(report.eventPaths.size).toBeGreaterThan(0);
      expect(report.eventPaths.size).toBeLessThanOrEqual(37);
      // largest first: every three-article event has a page before any one-article event does
      for (let e = 0; e < Math.min(10, report.eventPaths.size); e++) expect(report.eventPaths.has(`event-${e}`)).toBe(true);
      expect(report.diagnostics.map((d) => d.ruleId)).toContain('report:events-over-budget');
      expect(brokenLinks(report.dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
