// Makes the CLI entry executable after tsc (tsc keeps the shebang but not the mode).
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/src/cli/main.js', import.meta.url), 0o755);

// Self-link: node_modules/framelens → the package root, so notebooks and scripts inside this repo
// import 'framelens' exactly as a user's project does after `npm install framelens`.
import { existsSync, lstatSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('..', import.meta.url));
const link = fileURLToPath(new URL('../node_modules/framelens', import.meta.url));
if (existsSync(fileURLToPath(new URL('../node_modules', import.meta.url))) && !lstatSync(link, { throwIfNoEntry: false })) {
  symlinkSync(root, link, 'dir');
}
