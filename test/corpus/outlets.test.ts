import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalOutlet, FramelensError, loadOutletAliases, outletAliasesFrom, outletKey, readCorpus } from '../../src/corpus/index.js';
import { tempDir } from './helpers.js';

describe('outlet aliases', () => {
  const aliases = loadOutletAliases();

  it('maps "Russia Today", "rt.com" and a full RT URL to RT', () => {
    for (const name of ['RT', 'Russia Today', 'rt.com', 'RT.com', 'https://www.rt.com/news/123-story/', ' russia   today ']) {
      expect(canonicalOutlet(name, aliases)).toBe('RT');
    }
  });

  it('ignores case, a leading "the", "www." and subdomains', () => {
    expect(canonicalOutlet('the guardian', aliases)).toBe('The Guardian');
    expect(canonicalOutlet('www.theguardian.com', aliases)).toBe('The Guardian');
    expect(canonicalOutlet('New York Times', aliases)).toBe('The New York Times');
    expect(canonicalOutlet('edition.cnn.com', aliases)).toBe('CNN');
    expect(canonicalOutlet('Associated Press', aliases)).toBe('AP');
    expect(canonicalOutlet('SZ', aliases)).toBe('Süddeutsche Zeitung');
    expect(canonicalOutlet('Yonhap News Agency', aliases)).toBe('Yonhap');
  });

  it('keeps The Times and The New York Times apart', () => {
    expect(canonicalOutlet('The Times', aliases)).toBe('The Times');
    expect(canonicalOutlet('NYT', aliases)).toBe('The New York Times');
  });

  it('passes unknown outlets through, trimmed and with spaces collapsed', () => {
    expect(canonicalOutlet('  Valdoria   Wire ', aliases)).toBe('Valdoria Wire');
    expect(canonicalOutlet('news.example.org', aliases)).toBe('news.example.org');
  });

  it('ships about forty real outlets, each with a kind and a note', () => {
    expect(aliases.entries.length).toBeGreaterThanOrEqual(40);
    for (const entry of aliases.entries) {
      expect(entry.kind, entry.name).toMatch(/^(media|wire|state-media)$/);
      expect(entry.note?.length, entry.name).toBeGreaterThan(5);
    }
  });

  it('gives every alias one meaning across the built-in table', () => {
    const seen = new Map<string, string>();
    for (const entry of aliases.entries) {
      for (const alias of [entry.name, ...entry.aliases]) {
        const key = outletKey(alias);
        expect(seen.get(key) ?? entry.name, `${alias} is claimed by two outlets`).toBe(entry.name);
        seen.set(key, entry.name);
      }
    }
  });

  it('is extended by user files, whose entries win', async () => {
    const file = join(tempDir(), 'my-outlets.json');
    writeFileSync(file, JSON.stringify({ outlets: [{ name: 'Valdoria Wire', aliases: ['VW', 'valdoriawire.example'] }, { name: 'Russia Today', aliases: ['RT'] }] }));
    const extended = loadOutletAliases([file]);
    expect(canonicalOutlet('vw', extended)).toBe('Valdoria Wire');
    expect(canonicalOutlet('RT', extended)).toBe('Russia Today');
    const { articles } = await readCorpus(join(import.meta.dirname, '../fixtures/corpus/articles.json'), { outletsFiles: [file] });
    expect(articles.map((a) => a.outlet)).toContain('Valdoria Wire');
  });

  it('throws a FramelensError naming a malformed alias file', () => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, '{"outlets": [{"aliases": []}]}');
    expect(() => loadOutletAliases([file])).toThrow(FramelensError);
    expect(() => loadOutletAliases([file])).toThrow(`outlet alias file ${file}: entry 0 needs a "name" string and an "aliases" array of strings`);
  });

  it('builds a table from entries for notebooks', () => {
    const table = outletAliasesFrom([{ name: 'Meridian Post', aliases: ['MP'] }]);
    expect(canonicalOutlet('mp', table)).toBe('Meridian Post');
  });
});
