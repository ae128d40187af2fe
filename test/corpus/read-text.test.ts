import { describe, expect, it } from 'vitest';
import { readCorpus, readText } from '../../src/corpus/index.js';
import { context, fixture } from './helpers.js';

describe('readText (text and Markdown files, folders)', () => {
  it('reads a folder recursively in sorted order, with front matter fields', async () => {
    const { articles } = await readCorpus(fixture('md'));
    expect(articles.map((a) => a.title)).toEqual([
      'Courier readers weigh in on bridge closure',
      'A short history of the Selwyn Narrows bridge',
      'What the harbour levy means for you',
    ]);
    const explainer = articles[2];
    expect(explainer).toMatchObject({
      outlet: 'The Harbor Ledger',
      date: '2031-04-10',
      url: 'https://harborledger.example/levy-explainer',
      event: 'aldmoor-levy',
    });
    expect(explainer.meta).toMatchObject({ author: 'Rhea Okonkwo-Lind' });
    expect(explainer.text).toBe(
      'The harbour levy would add a small charge to every berth in Aldmoor harbour.\n\nSupporters say it will pay for dredging; opponents call it a "hidden tax".',
    );
  });

  it('takes the title from a leading Markdown heading and removes it from the text', async () => {
    const { articles } = await readCorpus(fixture('md'));
    const history = articles[1];
    expect(history.text).toBe('The Selwyn Narrows bridge opened in 1974 and carries about forty thousand vehicles a day.');
    expect(history.outlet).toBe('harborledger.example');
  });

  it('maps aliased front matter keys (source, headline)', async () => {
    const { articles } = await readCorpus(fixture('md'));
    expect(articles[0].outlet).toBe('Northgate Courier');
  });

  it('notes files in a folder that no reader knows instead of dropping them silently', async () => {
    const { diagnostics, stats } = await readCorpus(fixture('md'));
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'corpus:skipped-file', severity: 'info', file: fixture('md/harbor-ledger/notes.csv.bak') }));
    expect(stats).toEqual({ read: 3, ingested: 3, rejected: 0, duplicates: 0 });
  });

  it('reads a file without front matter as one article whose outlet comes from --outlet', async () => {
    const result = readText('Just a paragraph of text.\n', context('plain.txt'));
    expect(result.records[0].fields).toEqual({ text: 'Just a paragraph of text.' });
  });

  it('rejects front matter that is not a YAML mapping', () => {
    const result = readText('---\n- a\n- b\n---\nBody', context('list.md'));
    expect(result.rejects[0]).toMatchObject({ ruleId: 'corpus:bad-front-matter', reason: 'front matter is not a YAML mapping: it holds an array' });
  });
});
