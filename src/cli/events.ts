/**
 * `framelens events <inputs...>`: groups articles into events (content similarity, shared names,
 * date proximity). One row per article `{doc, event, label, given, grouped, linkedTo, linkScore,
 * shared}` — `event` is the final id (the given one when the input had one), `grouped` the group
 * found by content, `linkedTo` the article's closest fellow member of that group with their
 * cosine and the terms that weigh most in it (the evidence for the grouping) — or,
 * with `--summary`, one row per event `{event, label, size, outlets, firstDate, lastDate, terms, given,
 * weakestLink}`.
 */
import type { Command } from 'commander';
import type { GroupingResult } from '../../analyses/events/compute.js';
import { plural } from '../plural.js';
import { DAY_LEVEL_EVENTS, GROUPING_DEFAULTS, type GroupingOptions } from '../../analyses/events/types.js';
import { FramelensError } from '../corpus/diagnostics.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { addRunOptions, checkPipelineOptions, runPipelineFromCli, type PipelineCliOptions } from './pipeline-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';

interface EventsCliOptions extends InputCliOptions, PipelineCliOptions {
  format: RowFormat;
  output?: string;
  summary?: boolean;
  threshold?: string;
  dateWindow?: string;
  dayLevel?: boolean;
}

/**
 * The analyses `events` and `similar` run: both per-article results are the same terms, and with
 * the same analyses the two commands share one cache (its key names the analyses run).
 */
export const TERMS_ANALYSES = 'events,similarity';

/** Parses a numeric flag, or throws a FramelensError naming it. */
export function numberOption(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new FramelensError(`${name} must be a number ≥ ${min}, got '${value}'`);
  return n;
}

/** Grouping options from the command's flags (`--day-level` first, explicit numbers over it). */
export function groupingOptions(opts: Pick<EventsCliOptions, 'threshold' | 'dateWindow' | 'dayLevel'>): GroupingOptions {
  const options: GroupingOptions = { ...(opts.dayLevel ? DAY_LEVEL_EVENTS : {}) };
  const threshold = numberOption('--threshold', opts.threshold);
  const dateWindowDays = numberOption('--date-window', opts.dateWindow);
  if (threshold !== undefined) options.threshold = threshold;
  if (dateWindowDays !== undefined) options.dateWindowDays = dateWindowDays;
  return options;
}

/**
 * The lowest cosine with which a member of the event is linked to its closest fellow member
 * (EventLink), or null when none is: the member to check first when an event looks too wide.
 */
export function weakestLink(result: Pick<GroupingResult, 'links' | 'assignment'>, event: string, docs: readonly string[]): number | null {
  let weakest: number | null = null;
  for (const doc of docs) {
    const link = result.links[doc];
    if (link && result.assignment[link.doc] === event && (weakest === null || link.score < weakest)) weakest = link.score;
  }
  return weakest;
}

export function register(program: Command): void {
  const command = addRowOptions(program
    .command('events')
    .description('group stories into events across outlets; one row per article (or per event with --summary)')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads'), 'jsonl')
    .option('--summary', 'one row per event: outlets, dates, label, size')
    .option('--threshold <x>', `average-link cosine needed to merge two groups (default ${GROUPING_DEFAULTS.threshold})`)
    .option('--date-window <days>', `dated articles further apart are never linked (default ${GROUPING_DEFAULTS.dateWindowDays})`)
    .option('--day-level', "each day's coverage is its own event (daily roundups): no date slack, and a lone article joins the group it clearly prefers");
  addRunOptions(addInputOptions(command)).action(async (inputs: string[], opts: EventsCliOptions) => {
    const options = groupingOptions(opts);
    checkPipelineOptions(opts);
    const { articles: read } = await loadCorpus(inputs, opts);
    // The per-article pass of the report (workers, cache): a second run with other grouping
    // options reads every article's terms from the cache and only groups again.
    const run = await runPipelineFromCli(read, { ...opts, analyses: TERMS_ANALYSES }, { options: { events: { ...options } } });
    const result = run.summaries.get('events') as GroupingResult;
    const articles = run.articles; // without those the pass failed on (see --rejects)
    run.close();
    if (result.agreement && !opts.quiet) {
      const { precision, recall, f1, items } = result.agreement;
      process.stderr.write(
        `${plural(items, 'article')} had event ids; content grouping agrees at B³ P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}\n`,
      );
    }
    const rows: Record<string, unknown>[] = opts.summary
      ? result.events.map((e) => ({
          event: e.id,
          label: e.label,
          size: e.size,
          outlets: e.outlets,
          firstDate: e.firstDate,
          lastDate: e.lastDate,
          terms: e.terms,
          given: e.given,
          weakestLink: weakestLink(result, e.id, e.docs),
        }))
      : articles.map((a) => ({
          doc: a.id,
          event: result.assignment[a.id],
          label: result.labels[result.assignment[a.id]],
          given: a.event || null,
          grouped: result.grouped[a.id],
          linkedTo: result.links[a.id]?.doc ?? null,
          linkScore: result.links[a.id]?.score ?? null,
          shared: result.links[a.id]?.shared ?? [],
        }));
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
