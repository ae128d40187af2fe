/**
 * `framelens eval <name|all>`: scores analyses against the annotated data in ../shared/data and
 * exits non-zero when a metric drops below its floor. Data sets that are absent are skipped with
 * a message (a fresh clone has no ../shared).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { EVALUATIONS } from '../eval/index.js';
import { packageRoot } from '../paths.js';
import { FramelensError } from '../corpus/diagnostics.js';
import { formatRows, type RowFormat } from './output.js';

export function register(program: Command): void {
  program
    .command('eval')
    .description(`score analyses on annotated data (${Object.keys(EVALUATIONS).join(', ') || 'none registered'}, or all)`)
    .argument('[names...]', 'evaluations to run', ['all'])
    .option('--data <dir>', 'shared data folder', join(packageRoot(), '..', 'shared', 'data'))
    .option('--limit <n>', 'read at most n documents per data set', (v) => Number.parseInt(v, 10))
    .option('--format <fmt>', 'jsonl|json|csv|table', 'table')
    .action(async (names: string[], opts: { data: string; limit?: number; format: RowFormat }) => {
      const wanted = names.includes('all') ? Object.keys(EVALUATIONS) : names;
      const failures: string[] = [];
      for (const name of wanted) {
        const evaluation = EVALUATIONS[name];
        if (!evaluation) throw new FramelensError(`unknown evaluation '${name}' (known: ${Object.keys(EVALUATIONS).join(', ')})`);
        const dataDir = resolve(opts.data);
        const missing = evaluation.needs.filter((n) => !existsSync(join(dataDir, n)));
        if (missing.length) {
          process.stdout.write(`# ${name}: skipped, data not found: ${missing.map((m) => join(dataDir, m)).join(', ')}\n`);
          continue;
        }
        const started = Date.now();
        const result = await evaluation.run({ dataDir, limit: opts.limit });
        process.stdout.write(`# ${name}: ${evaluation.description} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
        process.stdout.write(formatRows(result.rows, { format: opts.format }));
        for (const line of result.notes ?? []) process.stdout.write(`  ${line}\n`);
        for (const [metric, floor] of Object.entries(result.floors)) {
          const value = result.metrics[metric];
          if (value === undefined || value < floor) failures.push(`${name} ${metric} = ${value?.toFixed(3) ?? 'missing'} < floor ${floor}`);
        }
      }
      if (failures.length) throw new FramelensError(`evaluation below floor:\n  ${failures.join('\n  ')}`);
    });
}
