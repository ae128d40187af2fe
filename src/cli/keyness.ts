/**
 * `framelens keyness <inputs...>`: the terms each outlet (or event) uses more — or less — than
 * the rest, a `--reference` group or a `--background` corpus. One row per group and term:
 * `{group, term, count, otherCount, rate, otherRate, z, g2, logRatio}` — z is the log-odds
 * z-score with informative Dirichlet prior, g2 the log-likelihood, logRatio the effect size;
 * raw counts always sit next to the scores.
 */
import { Option, type Command } from 'commander';
import { FramelensError } from '../corpus/diagnostics.js';
import { keyness, termCounts, type KeyTerm } from '../../analyses/terms/index.js';
import { addInputOptions, loadCorpus } from './input-options.js';
import { addTermOptions, countOptions, intOption, round, streamTermsDocs, warnMissingEvents, type TermsCliOptions } from './terms.js';
import { writeRows } from './output.js';

interface KeynessCliOptions extends TermsCliOptions {
  reference?: string;
  background?: string[];
  prior?: string;
  direction: 'more' | 'less' | 'both';
}

export function register(program: Command): void {
  const command = program
    .command('keyness')
    .description('distinctive terms per outlet or event: log-odds z (Monroe et al.), G², log ratio, with counts')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads')
    .option('--reference <group>', 'compare every group with this group instead of with all the others')
    .option('--background <inputs...>', 'compare every group with this corpus instead of with the others')
    .option('--prior <a0>', 'strength of the Dirichlet prior (default: the token count, i.e. the corpus is the prior)')
    .addOption(new Option('--direction <d>', 'over-used terms, under-used terms, or both').choices(['more', 'less', 'both']).default('more'));
  addTermOptions(command, { minCount: '3', top: '25' });
  addInputOptions(command).action(async (inputs: string[], opts: KeynessCliOptions) => {
    const count = countOptions(opts);
    const prior = opts.prior === undefined ? undefined : Number(opts.prior);
    if (prior !== undefined && !(prior > 0)) throw new FramelensError(`--prior must be a positive number, got '${opts.prior}'`);
    const { articles } = await loadCorpus(inputs, opts);
    warnMissingEvents(articles, opts.by, opts.quiet);
    const groups = termCounts(streamTermsDocs(articles, opts), count);
    if (opts.reference !== undefined && !groups.has(opts.reference)) {
      throw new FramelensError(`--reference '${opts.reference}' is not a group of this corpus (groups: ${[...groups.keys()].slice(0, 12).join(', ')}${groups.size > 12 ? ', …' : ''})`);
    }
    const background = opts.background
      ? termCounts(streamTermsDocs((await loadCorpus(opts.background, opts)).articles, opts), { ...count, by: 'all' }).get('all')
      : undefined;
    const scored = keyness(groups, { reference: opts.reference, background, prior, minCount: intOption(opts.minCount, '--min-count'), limit: intOption(opts.top, '--top') });
    const row = (group: string) => (t: KeyTerm) => ({
      group,
      term: t.term,
      count: t.count,
      otherCount: t.otherCount,
      rate: round(t.rate),
      otherRate: round(t.otherRate),
      z: round(t.z),
      g2: round(t.g2),
      logRatio: round(t.logRatio),
    });
    const rows = scored.flatMap((g) => [
      ...(opts.direction !== 'less' ? g.top.map(row(g.group)) : []),
      ...(opts.direction !== 'more' ? g.bottom.map(row(g.group)) : []),
    ]);
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
