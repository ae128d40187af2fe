import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeReport, type ReportFiles } from '../../src/report/write-report.js';
import { buildResult, fixtureArticles } from '../report/fixture.js';
import { hasChromium, launch, localLinks, openPage, screenshotPath, skipMessage, type Session } from './browser.js';

if (!hasChromium) console.warn(`browser tests skipped: ${skipMessage}`);

describe.skipIf(!hasChromium)('the report in chromium (fixture corpus)', () => {
  let session: Session;
  let report: ReportFiles;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framelens-browser-'));
    report = await writeReport(buildResult(fixtureArticles()), join(dir, 'report'));
    session = await launch();
  }, 30_000);

  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pageFile = (prefix: string, contains = '') => {
    const files = readdirSync(join(report.dir, prefix)).filter((f) => f.includes(contains));
    return join(report.dir, prefix, files[0]);
  };

  const expectOnlyReportRequests = (requests: string[]) => {
    const root = pathToFileURL(report.dir).href;
    expect(requests.filter((url) => !url.startsWith(`${root}/`))).toEqual([]);
  };

  const expectLinksResolve = async (opened: Awaited<ReturnType<typeof openPage>>) => {
    for (const link of await localLinks(opened.page)) {
      expect(existsSync(link.path), link.path).toBe(true);
      if (link.hash) expect(readFileSync(link.path, 'utf8'), `#${link.hash} in ${link.path}`).toContain(`id="${link.hash}"`);
    }
  };

  it('draws every overview chart with marks, with no console errors and no requests outside the report', async () => {
    const opened = await openPage(session, report.indexPath);
    const charts = opened.page.locator('.fl-chart');
    expect(await charts.count()).toBe(4);
    for (const chart of await charts.all()) {
      expect(await chart.getAttribute('data-rendered')).toBe('true');
      expect(await chart.locator('svg path, svg rect').count()).toBeGreaterThan(0);
    }
    // Tooltips go through vega's CSP-safe expression interpreter and vega-tooltip's own styles.
    await opened.page.locator('#chart-articles-per-outlet svg path[aria-roledescription="bar"]').first().hover();
    await expect.poll(() => opened.page.locator('#vg-tooltip-element').innerText()).toContain('Northwind Courier');
    expect(opened.errors).toEqual([]);
    expectOnlyReportRequests(opened.requests);
    await expectLinksResolve(opened);
    await opened.page.screenshot({ path: screenshotPath('fixture-overview'), fullPage: true });
  });

  it('sorts the articles table by a header button and filters it by search and outlet', async () => {
    const { page } = await openPage(session, report.indexPath);
    const table = page.locator('#table-articles');
    const firstTitle = () => table.locator('tbody tr td:first-child').first().innerText();
    await table.getByRole('button', { name: 'Words' }).click();
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await firstTitle()).toBe('Talks resume in Calvora');
    await table.locator('input[data-search]').fill('dunmere');
    expect(await table.locator('tbody tr').count()).toBe(2);
    await table.locator('input[data-search]').fill('');
    await table.locator('select[data-filter]').first().selectOption('Southgate Tribune');
    expect(await table.locator('tbody tr').count()).toBe(2);
    await table.locator('button[data-sort]').first().focus();
    await page.keyboard.press('Enter');
    expect(await table.locator('th[aria-sort]').first().getAttribute('aria-sort')).toBe('ascending');
  });

  it('downloads a table as CSV built from its rows', async () => {
    const { page } = await openPage(session, report.indexPath);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#table-articles [data-csv]').click()]);
    expect(download.suggestedFilename()).toBe('articles.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Title,Outlet,Date,Event,Words');
    expect(csv).toContain('Calvora talks stall,Southgate Tribune,2031-04-03,talks,');
  });

  it('shows an event page with one column per covering outlet and the analysis view', async () => {
    const opened = await openPage(session, pageFile('events', 'talks'));
    const columns = opened.page.locator('.columns .column');
    expect(await columns.count()).toBe(3);
    expect(await columns.first().locator('h3').innerText()).toContain('Northwind Courier');
    expect(await opened.page.locator('#analysis-marks li').count()).toBeGreaterThan(0);
    expect(opened.errors).toEqual([]);
    expectOnlyReportRequests(opened.requests);
    await expectLinksResolve(opened);
    await opened.page.screenshot({ path: screenshotPath('fixture-event'), fullPage: true });
  });

  it('highlights nested spans in the article view and toggles a kind off and on', async () => {
    const opened = await openPage(session, pageFile('articles', 'calvora-talks-stall'));
    const { page } = opened;
    expect(await page.locator('mark.k-scare mark.k-loaded-label').innerText()).toBe('regime');
    const text = await page.locator('#text').innerText();
    expect(text).toContain('Critics claimed the so-called regime forces were moving north.');
    const background = () => page.locator('mark.k-loaded-label').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const shown = await background();
    await page.locator('input[data-kind-toggle="k-loaded-label"]').uncheck();
    expect(await page.evaluate(() => document.body.classList.contains('hide-k-loaded-label'))).toBe(true);
    expect(await background()).toBe('rgba(0, 0, 0, 0)');
    await page.locator('input[data-kind-toggle="k-loaded-label"]').check();
    expect(await background()).toBe(shown);
    // The panel is drawn from the page's findings data, quoting each span from the marked text.
    expect(await page.locator('.findings li').allInnerTexts()).toEqual([
      'scare phrase so-called regime forces so-called + label',
      'loaded label regime lexicon: regime — delegitimizing',
    ]);
    expect(await page.locator('#f-84-90').getAttribute('title')).toBe('loaded label');
    await page.locator('.findings a').first().click();
    expect(await page.evaluate(() => location.hash)).toMatch(/^#f-\d+-\d+$/);
    expect(opened.errors).toEqual([]);
    expectOnlyReportRequests(opened.requests);
    await expectLinksResolve(opened);
    await page.screenshot({ path: screenshotPath('fixture-article'), fullPage: true });
  });
});

describe.skipIf(!hasChromium)('a large articles table in chromium', () => {
  it('decodes dictionary-encoded columns, filters, pages and shows all rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-browser-big-'));
    const session = await launch();
    try {
      const outlets = ['Northwind Courier', 'Southgate Tribune', 'Eastline Daily'];
      const articles = Array.from({ length: 240 }, (_, i) => ({
        id: `b${i}`,
        outlet: outlets[i % 3],
        title: `Harbour budget, part ${i}`,
        text: `Part ${i} of the harbour budget story. `.repeat(5),
        date: `2031-07-${String((i % 28) + 1).padStart(2, '0')}`,
        event: ['harbour', 'budget', 'ferry', 'bridge'][i % 4],
        url: `https://www.${outlets[i % 3].split(' ')[0].toLowerCase()}.example/news/part-${i}`,
      }));
      // A budget that leaves most articles without a view: their titles link to the original page.
      const report = await writeReport(buildResult(articles, []), join(dir, 'report'), { maxBytes: 1_300_000 });
      expect(report.articlePages).toBeLessThan(240);
      const opened = await openPage(session, report.indexPath);
      const table = opened.page.locator('#table-articles');
      expect(await table.locator('tbody tr').count()).toBe(50);
      await table.locator('select[data-filter]').nth(1).selectOption('ferry');
      expect(await table.locator('.fl-status').innerText()).toBe('Showing 50 of 60 rows (filtered from 240)');
      await table.locator('[data-show-all]').click();
      const rows = await table.locator('tbody tr').allInnerTexts();
      expect(rows).toHaveLength(60);
      expect(rows.every((r) => r.includes('ferry'))).toBe(true);
      const eventLink = await table.locator('tbody tr td:nth-child(4) a').first().getAttribute('href');
      expect(eventLink).toBe(`events/${readdirSync(join(report.dir, 'events')).find((f) => f.startsWith('ferry-'))}`);
      // Title links are stored as site prefix + rest and decoded in the page.
      const titleLinks = await table.locator('tbody tr td:first-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of titleLinks) expect(href).toMatch(/^(articles\/[a-z0-9-]+\.html|https:\/\/www\.(northwind|southgate|eastline)\.example\/news\/part-\d+)$/);
      expect(titleLinks.some((h) => h!.startsWith('https://'))).toBe(true);
      expect(titleLinks.some((h) => h!.startsWith('articles/'))).toBe(true);
      expect(readFileSync(report.indexPath, 'utf8')).toContain('"linkPrefixes":{"0":');
      await table.locator('input[data-search]').fill('eastline');
      expect(await table.locator('tbody tr').count()).toBe(20);
      expect(opened.errors).toEqual([]);
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
