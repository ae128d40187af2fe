/**
 * Executes every notebook in notebooks/ headless with the tslab kernel (Debian's jupyter,
 * npm tslab), as a user would, and checks that each cell ran clean and the charts came out
 * as inline Vega-Lite outputs. Needs the compiled library (npm test builds it first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const jupyter = '/usr/bin/jupyter';
const python = '/usr/bin/python3';
const kernels = join(root, '.jupyter', 'share', 'jupyter');
const hasJupyter = existsSync(jupyter) && existsSync(python);
if (!hasJupyter) console.warn('notebook tests skipped: /usr/bin/jupyter not found (apt-get install jupyter-nbconvert jupyter-client jupyter-core python3-nbclient python3-ipython)');

interface Output {
  output_type: string;
  name?: string;
  text?: string[];
  data?: Record<string, unknown>;
}

function execute(notebook: string): Array<{ source: string; outputs: Output[] }> {
  const out = mkdtempSync(join(tmpdir(), 'framelens-nb-'));
  execFileSync(jupyter, ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=300', notebook, '--output-dir', out], {
    cwd: root,
    env: { ...process.env, JUPYTER_PATH: kernels },
    stdio: 'pipe',
  });
  const executed = JSON.parse(readFileSync(join(out, notebook.split('/').pop()!), 'utf8'));
  return executed.cells
    .filter((c: { cell_type: string }) => c.cell_type === 'code')
    .map((c: { source: string[]; outputs: Output[] }) => ({ source: c.source.join(''), outputs: c.outputs }));
}

const vegaLiteOutputs = (cells: Array<{ outputs: Output[] }>) =>
  cells.flatMap((c) => c.outputs).filter((o) => o.data?.['application/vnd.vegalite.v5+json']);

describe.skipIf(!hasJupyter)('notebooks', () => {
  beforeAll(() => {
    execFileSync(
      join(root, 'node_modules', '.bin', 'tslab'),
      ['install', `--python=${python}`, `--binary=${join(root, 'node_modules', '.bin', 'tslab')}`, `--prefix=${join(root, '.jupyter')}`],
      { cwd: root, stdio: 'pipe' },
    );
  });

  const notebooks = readdirSync(join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb'));

  it('there are at least two notebooks', () => {
    expect(notebooks.length).toBeGreaterThanOrEqual(2);
  });

  for (const name of notebooks) {
    it(`${name} runs every cell without errors or type errors and draws its charts inline`, () => {
      const cells = execute(join('notebooks', name));
      for (const cell of cells) {
        const problems = cell.outputs.filter((o) => o.output_type === 'error' || o.name === 'stderr');
        expect(problems, `cell:\n${cell.source}`).toEqual([]);
      }
      expect(vegaLiteOutputs(cells).length).toBeGreaterThanOrEqual(name.startsWith('01') ? 2 : 1);
    });
  }

  it('the tour shows a KWIC table built from spans in the articles', () => {
    const cells = execute('notebooks/01-sample-tour.ipynb');
    const html = cells.flatMap((c) => c.outputs).map((o) => String((o.data?.['text/html'] as string[] | string | undefined) ?? ''));
    expect(html.some((h) => h.includes('<th>match</th>') && h.includes('claimed'))).toBe(true);
    // ... and what ties an event together: each article's closest fellow member and the shared terms.
    expect(html.some((h) => h.includes('<th>closest</th>') && h.includes('<th>shared</th>') && h.includes('Corvessa'))).toBe(true);
  });
});
