import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeReport, type ReportFiles } from '../../src/report/write-report.js';
import { buildResult } from '../report/fixture.js';
import { hostileArticles } from '../report/hostile.js';
import { listFiles } from '../report/report-files.js';
import { hasChromium, launch, openPage, screenshotPath, skipMessage, type Session } from './browser.js';

if (!hasChromium) console.warn(`hostile browser test skipped: ${skipMessage}`);

describe.skipIf(!hasChromium)('the hostile corpus in chromium', () => {
  let session: Session;
  let report: ReportFiles;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framelens-hostile-browser-'));
    report = await writeReport(buildResult(hostileArticles()), join(dir, 'report'));
    session = await launch();
  }, 30_000);

  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs no injected script on any page, opens no dialog and logs no error', async () => {
    const files = listFiles(report.dir).filter((f) => f.endsWith('.html'));
    expect(files).toHaveLength(6);
    for (const file of files) {
      const opened = await openPage(session, join(report.dir, file));
      expect(await opened.page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned), file).toBeUndefined();
      expect(opened.dialogs, file).toEqual([]);
      expect(opened.errors, file).toEqual([]);
      const root = pathToFileURL(report.dir).href;
      expect(opened.requests.filter((url) => !url.startsWith(`${root}/`)), file).toEqual([]);
      await opened.page.close();
    }
  });

  it('shows the payloads as text in the overview table, the charts and the article view', async () => {
    const opened = await openPage(session, report.indexPath);
    const { page } = opened;
    await expect.poll(() => page.locator('#table-articles').innerText()).toContain('<img src=x onerror="window.pwned=1"> Headline');
    expect(await page.locator('#table-articles').innerText()).toContain('javascript:alert(1)');
    expect(await page.locator('.fl-chart svg').first().textContent()).toContain('</script><script>window.pwned=1</script>');
    // Sorting and searching rebuild the rows client-side: still text, still no script.
    await page.locator('#table-articles button[data-sort]').first().click();
    await page.locator('#table-articles input[data-search]').fill('<img');
    expect(await page.locator('#table-articles tbody tr').count()).toBe(2); // one title, one outlet
    expect(await page.locator('#table-articles tbody img').count()).toBe(0);
    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.filter((h) => /^\s*(javascript|data):/i.test(h))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
    await page.screenshot({ path: screenshotPath('hostile-overview'), fullPage: true });

    const article = listFiles(report.dir).find((f) => f.startsWith('articles/img-src-x-onerror'))!;
    const view = await openPage(session, join(report.dir, article));
    const text = await view.page.locator('#text').textContent();
    expect(text).toContain('Opening line with </script><script>window.pwned=1</script> inside.\u2028Line separator');
    expect(text).toContain('<!-- a comment --> and ${alert(1)}');
    await view.page.screenshot({ path: screenshotPath('hostile-article'), fullPage: true });
  });
});
