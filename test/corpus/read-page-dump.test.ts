import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE, isBoilerplate, looksLikePageDump, readCorpus, readPageDump } from '../../src/corpus/index.js';
import { context, fixture, hasSeed, seedPath, seedSkipMessage } from './helpers.js';

/** Every header line a related block starts with, to check no text runs into the next story. */
function headerLines(source: string): string[] {
  const lines = source.split('\n').map((l) => l.trim());
  return lines.filter((_, i) => /ago$|^yesterday$|^\w+ \d+, \d{4}$/.test(lines[i + 1] ?? '') && (lines[i + 2] ?? '').startsWith('- '));
}

describe('readPageDump', () => {
  it('splits a dump into the main story and each related story', async () => {
    const { articles, rejects } = await readCorpus(fixture('dump.txt'));
    expect(rejects).toEqual([]);
    expect(articles.map((a) => [a.outlet, a.title])).toEqual([
      ['Meridian Post', 'Harbour levy lawsuit heads to court'],
      ['Meridian Post', 'Council prepares defence of levy'],
      ['Meridian Post', 'Bridge buses back on schedule'],
      ['Northgate Courier', 'Courier view: the levy is a test of trust'],
    ]);
  });

  it('ends each body at the first boilerplate line and keeps the text verbatim', async () => {
    const source = readFileSync(fixture('dump.txt'), 'utf8');
    const { articles } = await readCorpus(fixture('dump.txt'));
    expect(articles[0].text).toBe(
      "A judge in Aldmoor agreed on Thursday to hear the fishermen's guild challenge to the harbour levy.\nThe hearing is set for early June, court officials said.",
    );
    expect(articles[1].text).toBe('Aldmoor council lawyers began preparing their defence of the harbour levy on Thursday.\nOfficials declined to comment on the guild\'s "baseless" claims.');
    expect(articles[2].text).toBe('Bus services across the Selwyn Narrows bridge returned to their normal timetable.');
    for (const article of articles) expect(source).toContain(article.text);
  });

  it('keeps relative times in meta and turns a header date into the article date', async () => {
    const { articles } = await readCorpus(fixture('dump.txt'));
    expect(articles[1].meta).toMatchObject({ relativeTime: '2 hours ago', position: 'related' });
    expect(articles[2].meta).toMatchObject({ relativeTime: 'yesterday' });
    expect(articles[3].date).toBe('2031-04-20');
    expect(articles[0].meta).toMatchObject({ position: 'main' });
  });

  it('notes chrome lines it skipped (a tag list) rather than dropping them silently', async () => {
    const { diagnostics } = await readCorpus(fixture('dump.txt'));
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'corpus:dump-skipped-lines', line: 6, severity: 'info', reason: 'skipped 1 line of site chrome (line 6)' }));
  });

  it('lets --outlet name the main story outlet', async () => {
    const { articles } = await readCorpus(fixture('dump.txt'), { outlet: 'Harbor Ledger Aggregated' });
    expect(articles[0].outlet).toBe('Harbor Ledger Aggregated');
    expect(articles[1].outlet).toBe('Meridian Post');
  });

  it('recognises dumps by their header structure, whatever the outlet', () => {
    const dump = 'Main title\nMain body.\n\nSome Outlet\n5 minutes ago\n- Some Outlet\nOther title\nOther body.\n';
    expect(looksLikePageDump(dump)).toBe(true);
    expect(looksLikePageDump('Title\nA paragraph that mentions 3 hours ago in passing.\n- a list item\n')).toBe(false);
    const result = readPageDump(dump, context('d.txt'));
    expect(result.records.map((r) => [r.fields.outlet, r.fields.title, r.fields.text])).toEqual([
      ['Some Outlet', 'Main title', 'Main body.'],
      ['Some Outlet', 'Other title', 'Other body.'],
    ]);
  });

  it('reads a dump with Windows line endings the same way', () => {
    const source = readFileSync(fixture('dump.txt'), 'utf8');
    const lf = readPageDump(source, context('dump.txt')).records;
    const crlf = readPageDump(source.replace(/\n/g, '\r\n'), context('dump.txt')).records;
    expect(crlf.map((r) => r.fields.title)).toEqual(lf.map((r) => r.fields.title));
    expect(crlf.map((r) => String(r.fields.text).replace(/\r/g, ''))).toEqual(lf.map((r) => r.fields.text));
  });

  it('keeps every boilerplate rule documented with a note', () => {
    for (const rule of BOILERPLATE) expect(rule.note.length).toBeGreaterThan(5);
    expect(isBoilerplate('  Related Articles ')).toBe(true);
    expect(isBoilerplate('Related articles were published on Monday.')).toBe(false);
  });

  it.skipIf(!hasSeed)(`reads the seed as exactly four RT stories (${hasSeed ? 'seed present' : seedSkipMessage})`, async () => {
    const { articles, stats, rejects } = await readCorpus(seedPath);
    expect(rejects).toEqual([]);
    expect(stats).toEqual({ read: 4, ingested: 4, rejected: 0, duplicates: 0 });
    expect(articles.map((a) => a.outlet)).toEqual(['RT', 'RT', 'RT', 'RT']);
    expect(articles.map((a) => a.title)).toEqual([
      'Russia will announce next talks with Ukraine soon',
      'Defeating Russia impossible',
      'Zelensky and Kiev mayor ‘at war\'',
      'Macron threatens China with NATO expansion',
    ]);
  });

  it.skipIf(!hasSeed)(`leaves no boilerplate line and no next-story header in any seed text (${hasSeed ? 'seed present' : seedSkipMessage})`, async () => {
    const source = readFileSync(seedPath, 'utf8');
    const headers = headerLines(source);
    expect(headers.length).toBe(3);
    const { articles } = await readCorpus(seedPath);
    for (const article of articles) {
      expect(source).toContain(article.text);
      expect(article.text).toBe(article.text.trim());
      const lines = article.text.split('\n');
      expect(lines.filter(isBoilerplate)).toEqual([]);
      for (const line of lines) expect(line).not.toMatch(/^(\d+ hours? ago|- .+)$/);
      for (const title of articles.map((a) => a.title)) expect(lines).not.toContain(title);
      expect(lines).not.toContain('Russia Today');
    }
    expect(articles.slice(1).map((a) => a.meta?.relativeTime)).toEqual(['3 hours ago', '3 hours ago', '4 hours ago']);
  });
});
