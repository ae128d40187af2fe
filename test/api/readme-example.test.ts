/**
 * The README's library example is real code: it must type-check against the published
 * declarations (`framelens` resolves to this package through node_modules) and run as written.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library API'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README has no ```ts block under "## Library API"');
  return match[1];
}

describe('the README library example', () => {
  const dir = join(root, 'test', 'artifacts', 'readme-example');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'example.mts');
  writeFileSync(file, `${readmeExample()}\nconsole.log(JSON.stringify({ articles: articles.length, markers: markers.length, svg: svg.startsWith('<svg') }));\n`);

  it('type-checks against the package declarations', () => {
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', file];
    expect(() => execFileSync(tsc, args, { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('runs as written on the sample corpus', () => {
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    execFileSync(tsc, ['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', '--rootDir', dir, '--outDir', dir, file], { cwd: root, stdio: 'pipe' });
    const out = execFileSync(process.execPath, [join(dir, 'example.mjs')], { cwd: root, encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result.articles).toBeGreaterThanOrEqual(32);
    expect(result.markers).toBeGreaterThan(0);
    expect(result.svg).toBe(true);
  });
});
