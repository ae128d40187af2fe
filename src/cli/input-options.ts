/**
 * Options shared by every command that reads a corpus (ingest, info, report, analyses), and
 * `loadCorpus`, which reads with them and does the talking the library does not: each
 * diagnostic and a summary on stderr, the rejects file, and a failure when nothing was ingested.
 */
import { Option, type Command } from 'commander';
import { FramelensError, formatDiagnostic, type Diagnostic } from '../corpus/diagnostics.js';
import { badMapOption, moreDiagnostics, nothingIngested } from '../corpus/messages.js';
import { readCorpus } from '../corpus/read-corpus.js';
import { ARTICLE_FIELDS, INPUT_FORMATS, type ArticleField, type CorpusReadResult, type InputFormat, type ReadOptions } from '../corpus/types.js';
import { writeRejects } from '../corpus/write-corpus.js';

export interface InputCliOptions {
  inputFormat?: string;
  map?: string[];
  outlet?: string;
  outlets?: string[];
  rejects?: string;
  strict?: boolean;
  quiet?: boolean;
}

/** Messages printed per rule id before the rest are summed up in one line (the rejects file has them all). */
const MAX_PER_RULE = 20;

/**
 * `--map` takes every word after it, so inputs typed after it are read as mappings and commander
 * reports only that the inputs are missing: the message says where they went.
 */
function explainSwallowedInputs(cmd: Command): Command {
  const internal = cmd as unknown as { missingArgument(name: string): void };
  const missingArgument = internal.missingArgument.bind(cmd);
  internal.missingArgument = (name: string) => {
    const swallowed = ((cmd.getOptionValue('map') as string[] | undefined) ?? []).filter((entry) => !entry.includes('='));
    if (swallowed.length) cmd.error(`error: missing required argument '${name}': --map took ${swallowed.map((s) => `'${s}'`).join(', ')} as a mapping; put --map after the inputs`, { code: 'commander.missingArgument' });
    missingArgument(name);
  };
  return cmd;
}

export function addInputOptions(cmd: Command): Command {
  return explainSwallowedInputs(cmd)
    .addOption(new Option('--input-format <fmt>', 'read every input in this format (default: by extension and content)').choices(INPUT_FORMATS))
    .option('--map <field=column...>', `take an article field from another column, e.g. --map outlet=newspaper text=body (fields: ${ARTICLE_FIELDS.join(', ')})`)
    .option('--outlet <name>', 'outlet for records that name none (and the main story of a page dump)')
    .option('--outlets <file.json...>', 'extra outlet alias files, same shape as data/lexicons/outlets.json')
    .option('--rejects <file>', 'write rejected records as JSONL to this file')
    .option('--strict', 'stop at the first bad record')
    .option('-q, --quiet', 'print only errors: no warnings, notes or summary');
}

/** `['outlet=newspaper', 'text=body']` → `{outlet: 'newspaper', text: 'body'}`; throws on a bad entry. */
export function parseMapOption(entries: string[] = []): Partial<Record<ArticleField, string>> {
  const map: Partial<Record<ArticleField, string>> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const field = entry.slice(0, eq).trim() as ArticleField;
    const column = entry.slice(eq + 1).trim();
    if (eq < 0 || !column || !ARTICLE_FIELDS.includes(field)) throw new FramelensError(badMapOption(entry, ARTICLE_FIELDS));
    map[field] = column;
  }
  return map;
}

export function readOptionsFromCli(opts: InputCliOptions): ReadOptions {
  return {
    format: opts.inputFormat as InputFormat | undefined,
    map: parseMapOption(opts.map),
    outlet: opts.outlet,
    outletsFiles: opts.outlets,
    strict: opts.strict,
  };
}

/** Reads the inputs, reports on stderr, writes `--rejects`; throws FramelensError when nothing was ingested. */
export async function loadCorpus(inputs: string[], opts: InputCliOptions, stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Promise<CorpusReadResult> {
  const result = await readCorpus(inputs, readOptionsFromCli(opts));
  const color = Boolean(stderr.isTTY) && !process.env.NO_COLOR;
  const shown = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  for (const line of diagnosticLines(shown, color)) stderr.write(line + '\n');
  if (!opts.quiet) {
    const { read, ingested, rejected, duplicates } = result.stats;
    stderr.write(`read ${read} · ingested ${ingested} · rejected ${rejected} · duplicates ${duplicates}\n`);
  }
  if (opts.rejects) writeRejects(opts.rejects, result.rejects);
  if (result.articles.length === 0) throw new FramelensError(nothingIngested(inputs.length, result.stats.rejected));
  return result;
}

const COLORS: Record<Diagnostic['severity'], string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[2m' };

/** One line per diagnostic, at most MAX_PER_RULE per rule id, then a count of the rest. */
export function diagnosticLines(diagnostics: Diagnostic[], color = false): string[] {
  const perRule = new Map<string, number>();
  const lines: string[] = [];
  for (const d of diagnostics) {
    const n = (perRule.get(d.ruleId) ?? 0) + 1;
    perRule.set(d.ruleId, n);
    if (n <= MAX_PER_RULE) lines.push(color ? `${COLORS[d.severity]}${formatDiagnostic(d)}\x1b[0m` : formatDiagnostic(d));
  }
  for (const [ruleId, n] of perRule) if (n > MAX_PER_RULE) lines.push(moreDiagnostics(n - MAX_PER_RULE, ruleId));
  return lines;
}
