#!/usr/bin/env node
/**
 * The framelens command line. Each command lives in its own file and exports `register(program)`;
 * adding a command is one file plus one line in COMMANDS below.
 */
import { Command } from 'commander';
import { FramelensError } from '../corpus/diagnostics.js';

type Register = (program: Command) => void;

const COMMANDS: Array<() => Promise<{ register: Register }>> = [
  // commands: one line each, in the order `--help` lists them
  () => import('./ingest.js'),
  () => import('./info.js'),
  () => import('./report.js'),
  () => import('./quotes.js'),
  () => import('./mentions.js'),
  () => import('./events.js'),
  () => import('./similar.js'),
  () => import('./reuse.js'),
  () => import('./terms.js'),
  () => import('./keyness.js'),
  () => import('./kwic.js'),
  () => import('./variants.js'),
  () => import('./loaded.js'),
  () => import('./attributions.js'),
  () => import('./sources.js'),
  () => import('./eval.js'),
  () => import('./worker.js'),
];

export async function main(argv = process.argv): Promise<void> {
  const program = new Command('framelens')
    .description('Compare how news outlets frame the same events, with evidence spans.')
    .version('0.1.0')
    .showHelpAfterError();
  for (const load of COMMANDS) (await load()).register(program);
  await program.parseAsync(argv);
}

// `framelens quotes … | head`: the reader leaving early is not an error; stop quietly as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main().catch((error: unknown) => {
  if (error instanceof FramelensError) {
    process.stderr.write(`framelens: ${error.message}\n`);
  } else if (error instanceof Error && error.message.startsWith('framelens: ')) {
    // The library's convention for bad options (STYLE: only bad options and programmer errors
    // throw): the message is the whole story, a stack trace would only bury it.
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`framelens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  // An interrupted command (pipeline-options.ts InterruptedError) exits with 130, like a shell after Ctrl-C.
  process.exitCode = error instanceof FramelensError && 'exitCode' in error ? Number(error.exitCode) : 1;
});
