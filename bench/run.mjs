/**
 * `npm run bench`: runs every benchmark file in bench/ (except this one and dot-files), one
 * child process each so they do not share JIT state, in name order; each prints JSON lines.
 * Exits non-zero when one fails. Arguments are passed on to every file: `npm run bench -- --quick`
 * runs the scale benchmark on the sample corpus instead of the 20k-article corpus (which takes
 * about an hour on two cores).
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineState, warnIfBusy } from './lib/machine.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('.')).sort();
// The text layer last, so its combined line is the last line printed.
files.sort((a, b) => Number(a === 'text-layer.mjs') - Number(b === 'text-layer.mjs'));
const machine = machineState();
console.log(JSON.stringify({ bench: 'machine', ...machine }));
warnIfBusy(machine);
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, [join(here, file), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`bench: ${file} exited with ${result.status ?? result.signal}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
