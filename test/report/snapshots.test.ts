import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReport, type ReportFiles } from '../../src/report/write-report.js';
import { buildResult, fixtureArticles } from './fixture.js';

/**
 * HTML snapshots of the fixture report. Page names and anchors are derived from content
 * (slugs + hashes, span offsets), so there is nothing random to renumber; the overview's
 * inlined script bodies are replaced by their length.
 */
describe('report HTML snapshots', () => {
  let dir: string;
  let report: ReportFiles;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framelens-snap-'));
    report = await writeReport(buildResult(fixtureArticles()), join(dir, 'report'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const page = (path: string) => readFileSync(join(report.dir, path), 'utf8');

  it('writes the same article view for the same input', async () => {
    await expect(page(report.articlePaths.get('s1')!)).toMatchFileSnapshot('__snapshots__/article-page.html');
  });

  it('writes the same event page for the same input', async () => {
    await expect(page(report.eventPaths.get('talks')!)).toMatchFileSnapshot('__snapshots__/event-page.html');
  });

  it('writes the same overview for the same input (script bodies elided)', async () => {
    const overview = page('index.html')
      .replace(/<script>([\s\S]*?)<\/script>/g, (_m, body: string) => `<script>/* ${body.length} chars */</script>`)
      .replace(/'sha256-[^']+'/g, "'sha256-…'");
    await expect(overview).toMatchFileSnapshot('__snapshots__/overview.html');
  });
});
