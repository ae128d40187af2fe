import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as registerInfo } from '../../src/cli/info.js';
import { register as registerIngest } from '../../src/cli/ingest.js';
import { diagnosticLines, loadCorpus, parseMapOption } from '../../src/cli/input-options.js';
import { FramelensError } from '../../src/corpus/diagnostics.js';
import { fixture, fixturesDir, hasSeed, seedPath, seedSkipMessage, tempDir } from '../corpus/helpers.js';
import { captureOutput } from '../helpers/capture-output.js';

const io = captureOutput();

afterEach(() => {
  vi.unstubAllEnvs();
});

async function run(...args: string[]): Promise<void> {
  const program = new Command('framelens').exitOverride();
  registerIngest(program);
  registerInfo(program);
  await program.parseAsync(['node', 'framelens', ...args]);
}

/** A stream that records what is written to it, posing as a terminal or not. */
function capture(isTTY: boolean) {
  const stream = new Writable({ write: (chunk, _enc, done) => ((stream.text += String(chunk)), done()) }) as Writable & { text: string; isTTY: boolean };
  stream.text = '';
  stream.isTTY = isTTY;
  return stream;
}

describe('framelens ingest', () => {
  it.skipIf(!hasSeed)(`writes the seed as four RT articles and prints the summary (${hasSeed ? 'seed present' : seedSkipMessage})`, async () => {
    const out = join(tempDir(), 'seed.jsonl');
    await run('ingest', seedPath, '-o', out);
    const articles = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(articles.map((a) => [a.outlet, a.title])).toEqual([
      ['RT', 'Russia will announce next talks with Ukraine soon'],
      ['RT', 'Defeating Russia impossible'],
      ['RT', 'Zelensky and Kiev mayor ‘at war\''],
      ['RT', 'Macron threatens China with NATO expansion'],
    ]);
    expect(io.stderr).toContain('read 4 · ingested 4 · rejected 0 · duplicates 0\n');
    expect(io.stderr).toContain(`wrote 4 articles to ${out}`);
    expect(io.stdout).toBe('');
  });

  it('writes the corpus to stdout without -o', async () => {
    await run('ingest', fixture('articles.jsonl'), '--quiet');
    expect(io.stdout.trim().split('\n')).toHaveLength(3);
    expect(io.stderr).toBe('');
  });

  it('prints each bad record as file:line severity reason ruleId and writes --rejects', async () => {
    const dir = tempDir();
    await run('ingest', fixture('bad/missing-text.csv'), '-o', join(dir, 'c.jsonl'), '--rejects', join(dir, 'rejects.jsonl'));
    expect(io.stderr).toContain(`${fixture('bad/missing-text.csv')}:3 error record has no text`);
    expect(io.stderr).toContain('read 3 · ingested 1 · rejected 2 · duplicates 0');
    const rejects = readFileSync(join(dir, 'rejects.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects.map((r) => r.ruleId)).toEqual(['corpus:missing-text', 'corpus:missing-outlet']);
    expect(readdirSync(dir).sort()).toEqual(['c.jsonl', 'rejects.jsonl']);
  });

  it('fails with exit-worthy FramelensError when nothing could be ingested, after writing rejects', async () => {
    const dir = tempDir();
    const out = join(dir, 'c.jsonl');
    await expect(run('ingest', fixture('bad/empty.jsonl'), fixture('bad/notes.xyz'), '-o', out, '--rejects', join(dir, 'r.jsonl'))).rejects.toThrow(
      new FramelensError('nothing could be ingested from 2 inputs (2 rejected; see the messages above)'),
    );
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(join(dir, 'r.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('stops at the first bad record with --strict', async () => {
    await expect(run('ingest', fixture('bad/malformed.jsonl'), '--strict')).rejects.toThrow(`${fixture('bad/malformed.jsonl')}:2 error not valid JSON`);
  });

  it('applies --map, --outlet and --input-format', async () => {
    await run('ingest', fixture('custom-columns.csv'), '--map', 'text=story_body', 'outlet=newspaper', '--quiet');
    expect(JSON.parse(io.stdout).outlet).toBe('The Harbor Ledger');
    io.stdout = '';
    await run('ingest', fixture('dump.txt'), '--input-format', 'text', '--outlet', 'Meridian Post', '--quiet');
    const [only] = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(only).toMatchObject({ outlet: 'Meridian Post', title: '' });
    expect(only.text.startsWith('Harbour levy lawsuit heads to court\n')).toBe(true);
  });

  it('says where the inputs went when --map, placed before them, took them as mappings', async () => {
    await expect(run('ingest', '--map', 'text=story_body', fixture('custom-columns.csv'))).rejects.toThrow(
      /missing required argument 'inputs': --map took '.*custom-columns\.csv' as a mapping; put --map after the inputs/,
    );
  });

  it('refuses an unknown --input-format and a malformed --map', async () => {
    await expect(run('ingest', fixture('articles.jsonl'), '--input-format', 'xml')).rejects.toThrow(/Allowed choices are jsonl, json, csv, tsv, text, html, dump/);
    expect(() => parseMapOption(['headline'])).toThrow("--map 'headline': expected field=column with field one of id, outlet, title, text, date, url, event");
    expect(() => parseMapOption(['author=byline'])).toThrow(FramelensError);
    expect(parseMapOption(['outlet = source.name', 'text=body'])).toEqual({ outlet: 'source.name', text: 'body' });
  });
});

describe('framelens info', () => {
  it('prints rows per outlet and event in every row format', async () => {
    await run('info', fixture('articles.jsonl'), fixture('articles.json'), '--format', 'json', '--quiet');
    const rows = JSON.parse(io.stdout);
    expect(rows[0]).toMatchObject({ group: 'corpus', key: 'all', articles: 5, first: '2031-04-08', last: '2031-04-11T09:00:00.000Z' });
    expect(rows.filter((r: { group: string }) => r.group === 'outlet').map((r: { key: string }) => r.key)).toEqual(['Valdoria Wire', 'Meridian Post', 'Northgate Courier', 'The Harbor Ledger']);
    expect(rows.find((r: { key: string }) => r.key === 'aldmoor-levy').articles).toBe(2);
    for (const format of ['csv', 'table', 'jsonl']) {
      io.stdout = '';
      await run('info', fixturesDir, '--format', format, '--quiet');
      expect(io.stdout).toMatch(/group.*key.*articles.*words.*first.*last|"group":"corpus"/);
      expect(io.stdout).toContain('Meridian Post');
    }
  });
});

describe('loadCorpus reporting', () => {
  it('colours diagnostics only on a terminal without NO_COLOR', async () => {
    vi.unstubAllEnvs();
    vi.stubEnv('NO_COLOR', '');
    const tty = capture(true);
    await loadCorpus([fixture('bad/malformed.jsonl')], {}, tty);
    expect(tty.text).toContain('\x1b[31m');
    vi.stubEnv('NO_COLOR', '1');
    const noColor = capture(true);
    await loadCorpus([fixture('bad/malformed.jsonl')], {}, noColor);
    expect(noColor.text).not.toContain('\x1b[');
    const pipe = capture(false);
    vi.stubEnv('NO_COLOR', '');
    await loadCorpus([fixture('bad/malformed.jsonl')], {}, pipe);
    expect(pipe.text).not.toContain('\x1b[');
    expect(pipe.text.trim().split('\n')).toEqual([
      expect.stringMatching(/malformed\.jsonl:2 error not valid JSON: .* corpus:malformed-json$/),
      expect.stringMatching(/malformed\.jsonl:3 error record is an array/),
      'read 4 · ingested 2 · rejected 2 · duplicates 0',
    ]);
  });

  it('with --quiet prints errors only', async () => {
    const stream = capture(false);
    await loadCorpus([fixture('md'), fixture('bad/malformed.jsonl')], { quiet: true }, stream);
    expect(stream.text.trim().split('\n')).toHaveLength(2);
    expect(stream.text).not.toContain('skipped');
  });

  it('caps repeated messages per rule and says how many were left out', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ reason: 'record has no title', ruleId: 'corpus:missing-title', severity: 'warning' as const, file: 'f.csv', line: i + 2 }));
    const lines = diagnosticLines(many);
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('… 5 more corpus:missing-title messages not shown');
  });
});
