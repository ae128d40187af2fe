/**
 * `framelens sources <inputs...> --by outlet|event`: sourcing profiles — one row per group and
 * source: attributions, quoted words and their share, source type — plus the group's share of
 * anonymous sources and of direct speech. With `--by event`, the events analysis groups the
 * articles without an event and labels every event (`eventLabel`), and `exclusive` marks
 * sources no other outlet covering the event quotes.
 */
import { Option, type Command } from 'commander';
import type { AttributionSummary, SourcingProfile } from '../../analyses/attribution/types.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { addRunOptions, checkPipelineOptions, runPipelineFromCli, type PipelineCliOptions } from './pipeline-options.js';
import { ROW_FORMATS, writeRows, type RowFormat } from './output.js';

interface SourcesCliOptions extends InputCliOptions, PipelineCliOptions {
  format: RowFormat;
  output?: string;
  by: 'outlet' | 'event';
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function rowsOf(profile: SourcingProfile, group: Record<string, string>, exclusive: Set<string>) {
  return profile.topSources.map((s) => ({
    ...group,
    source: s.source,
    sourceType: s.sourceType,
    attributions: s.attributions,
    quotedWords: s.quotedWords,
    quotedShare: round(s.quotedShare),
    ...(group.event ? { exclusive: exclusive.has(s.source) } : {}),
    groupAttributions: profile.attributions,
    anonymousShare: round(profile.anonymousShare),
    directShare: round(profile.directShare),
  }));
}

export function register(program: Command): void {
  const command = program
    .command('sources')
    .description('sourcing profiles: top sources, share of quoted words, anonymous and direct shares, per outlet or event')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads')
    .addOption(new Option('--by <group>', 'group by').choices(['outlet', 'event']).default('outlet'))
    .addOption(new Option('--format <fmt>', 'row format').choices(ROW_FORMATS).default('jsonl'))
    .option('-o, --output <file>', 'write the rows to a file (default: stdout)')
    .option('--lexicon <file.json...>', 'extra lexicon files (report verbs, cue words, source nouns)');
  addRunOptions(addInputOptions(command)).action(async (inputs: string[], opts: SourcesCliOptions) => {
    checkPipelineOptions(opts);
    const { articles } = await loadCorpus(inputs, opts);
    // By event, the events analysis runs even when every article has one: it names the events.
    // The report's per-article pass (workers, cache; after a report, nothing is analysed again).
    const result = await runPipelineFromCli(articles, { ...opts, analyses: opts.by === 'event' ? 'events,attribution' : 'attribution' }, {
      options: { attribution: { allEvents: true } }, // every event's rows, not only the largest events'
    });
    result.close();
    const summary = result.summaries.get('attribution') as AttributionSummary;
    const rows: Record<string, unknown>[] = [];
    if (opts.by === 'outlet') {
      for (const outlet of result.index.outlets) if (summary.byOutlet[outlet]) rows.push(...rowsOf(summary.byOutlet[outlet], { outlet }, new Set()));
    } else {
      for (const event of result.index.events) {
        const sourcing = summary.byEvent[event];
        if (!sourcing) continue;
        for (const outlet of result.index.outlets) {
          const profile = sourcing.byOutlet[outlet];
          if (!profile) continue;
          const exclusive = new Set(sourcing.exclusive.filter((e) => e.outlet === outlet).map((e) => e.source));
          rows.push(...rowsOf(profile, { event, eventLabel: result.index.eventLabels.get(event) ?? event, outlet }, exclusive));
        }
      }
    }
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
