import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { ANALYSIS_IDS } from '../../analyses/index.js';
import { writeReport, type ReportFiles } from '../../src/report/write-report.js';
import { listFiles } from '../report/report-files.js';
import { hasChromium, launch, localLinks, openPage, screenshotPath, skipMessage, type OpenedPage, type Session } from './browser.js';

const SAMPLE = fileURLToPath(new URL('../../data/sample/', import.meta.url));
const hasSample = existsSync(join(SAMPLE, 'articles.jsonl'));
const SEED = fileURLToPath(new URL('../../../shared/data/seeds/000_2b63a6624e7e042a.txt', import.meta.url));
const hasSeed = existsSync(SEED);
if (!hasChromium) console.warn(`sample browser test skipped: ${skipMessage}`);
if (!hasSample) console.warn('sample browser test skipped: data/sample/articles.jsonl is missing');
if (!hasSeed) console.warn('seed browser test skipped: ../shared/data/seeds is absent');

const CORPORA = [
  { name: 'sample', present: hasSample, inputs: () => ['articles.jsonl', 'dumps', 'html'].map((p) => join(SAMPLE, p)).filter(existsSync), minArticles: 30, minColumns: 3 },
  { name: 'seed', present: hasSeed, inputs: () => [SEED], minArticles: 4, minColumns: 1 },
];

interface Planted {
  kind: string;
  doc: string;
  phrase: string;
}

describe.each(CORPORA)('the $name corpus report in chromium', (corpus) => {
 describe.skipIf(!hasChromium || !corpus.present)('(skipped without chromium or the corpus)', () => {
  let session: Session;
  let report: ReportFiles;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `framelens-${corpus.name}-`));
    const { articles } = await readCorpus(corpus.inputs());
    report = await writeReport(runPipeline(articles), join(dir, 'report'));
    session = await launch();
  }, 30_000);

  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expectClean = async (opened: OpenedPage) => {
    expect(opened.errors).toEqual([]);
    const root = pathToFileURL(report.dir).href;
    expect(opened.requests.filter((url) => !url.startsWith(`${root}/`))).toEqual([]);
    for (const link of await localLinks(opened.page)) {
      expect(existsSync(link.path), link.path).toBe(true);
      if (link.hash) expect(readFileSync(link.path, 'utf8')).toContain(`id="${link.hash}"`);
    }
    for (const chart of await opened.page.locator('.fl-chart').all()) {
      expect(await chart.getAttribute('data-rendered')).toBe('true');
      expect(await chart.locator('svg path, svg rect').count()).toBeGreaterThan(0);
    }
  };

  it('opens the overview with every chart drawn, no errors and no outside requests', async () => {
    const opened = await openPage(session, report.indexPath);
    expect(await opened.page.locator('.fl-chart').count()).toBeGreaterThanOrEqual(3);
    expect(await opened.page.locator('#table-articles tbody tr').count()).toBeGreaterThanOrEqual(corpus.minArticles);
    await expectClean(opened);
    await opened.page.screenshot({ path: screenshotPath(`${corpus.name}-overview`), fullPage: true });
  });

  it('shows an event page with a column per covering outlet', async () => {
    const event = [...report.eventPaths.values()][0]; // the event with the most articles
    const opened = await openPage(session, join(report.dir, event));
    expect(await opened.page.locator('.columns .column').count()).toBeGreaterThanOrEqual(corpus.minColumns);
    // What ties the event together: a row per article with its closest fellow member, both linked.
    const links = opened.page.locator('#table-events-event-links tbody tr');
    if (corpus.minColumns > 1) expect(await links.count()).toBeGreaterThanOrEqual(corpus.minColumns);
    for (const row of await links.all()) expect(await row.locator('a').count()).toBe(2);
    await expectClean(opened);
    await opened.page.screenshot({ path: screenshotPath(`${corpus.name}-event`), fullPage: true });
  });

  it('shows an article view with the full text', async () => {
    const article = listFiles(report.dir).find((f) => f.startsWith('articles/'))!;
    const opened = await openPage(session, join(report.dir, article));
    expect((await opened.page.locator('#text').innerText()).split(/\s+/).length).toBeGreaterThan(100);
    await expectClean(opened);
    await opened.page.screenshot({ path: screenshotPath(`${corpus.name}-article`), fullPage: true });
  });

  it.skipIf(corpus.name !== 'sample' || !ANALYSIS_IDS.includes('loaded' as never))('highlights the planted labels, euphemisms and hedges in their articles', async () => {
    const planted = (JSON.parse(readFileSync(join(SAMPLE, 'planted.json'), 'utf8')).entries as Planted[]).filter((e) =>
      ['label', 'euphemism', 'hedge'].includes(e.kind),
    );
    let found = 0;
    const byDoc = new Map<string, Planted[]>();
    for (const entry of planted) byDoc.set(entry.doc, [...(byDoc.get(entry.doc) ?? []), entry]);
    // One page per article; all its planted phrases are checked against its marks.
    const page = await session.context.newPage();
    for (const [doc, entries] of byDoc) {
      const path = report.articlePaths.get(doc);
      expect(path, doc).toBeDefined();
      await page.goto(pathToFileURL(join(report.dir, path!)).href);
      const marks = (await page.locator('mark.hl').allInnerTexts()).map((m) => m.trim()).filter((m) => m.length > 2);
      found += entries.filter((entry) => marks.some((m) => entry.phrase.includes(m))).length;
    }
    await page.close();
    console.info(`planted phrases highlighted: ${found} of ${planted.length}`);
    expect(found / planted.length).toBeGreaterThan(0.6);
  });
});
});
