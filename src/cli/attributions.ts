/**
 * `framelens attributions <inputs...>`: every attribution in every article, one row each —
 * `{doc, source, cue, content (spans {start,end,text} or null), kind, sourceType, resolved, verb,
 * stance, reason}` — with the resolution chain when a pronoun or description was resolved.
 * Runs the report's per-article pass (workers, cache; after a report nothing is analysed again),
 * except with --model-file, whose weights the pass does not take: then on this thread.
 */
import type { Command } from 'commander';
import type { Article } from '../corpus/article.js';
import { analyzeDoc } from '../text/analyze.js';
import { extractAttributions, type Attribution } from '../../analyses/attribution/index.js';
import { loadCueModel } from '../../analyses/attribution/cue-model.js';
import { FramelensError } from '../corpus/diagnostics.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { addRunOptions, checkPipelineOptions, rowsFromPass, type PipelineCliOptions } from './pipeline-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';
import { createProgress } from './progress.js';

interface AttributionsCliOptions extends InputCliOptions, PipelineCliOptions {
  format: RowFormat;
  output?: string;
  threshold?: string;
  modelFile?: string;
}

function rowOf(doc: string, a: Attribution): Record<string, unknown> {
  return {
    doc, source: a.source, cue: a.cue, content: a.content, kind: a.kind, sourceType: a.sourceType,
    resolved: a.resolved, verb: a.verb, stance: a.stance, reason: a.reason,
    chain: a.chain.length > 1 ? a.chain.map((s) => `${s.text} (${s.rule})`).join(' → ') : undefined,
  };
}

/** Each article's attributions with the cue weights of --model-file, on this thread. */
function withModelFile(articles: Article[], opts: AttributionsCliOptions, threshold: number | undefined): Record<string, unknown>[] {
  const model = loadCueModel(opts.modelFile);
  const outlets = [...new Set(articles.map((a) => a.outlet))];
  const progress = createProgress('attributions', { quiet: opts.quiet });
  const rows: Record<string, unknown>[] = [];
  articles.forEach((article, i) => {
    for (const a of extractAttributions(analyzeDoc(article, { outlets }), { model, threshold, lexiconFiles: opts.lexicon, outlets })) rows.push(rowOf(article.id, a));
    progress.update(i + 1, articles.length);
  });
  progress.done();
  return rows;
}

export function register(program: Command): void {
  const command = addRowOptions(program
    .command('attributions')
    .description('who is quoted, how and with which verb: source, cue and content spans per attribution')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads'), 'jsonl')
    .option('--lexicon <file.json...>', 'extra lexicons: report-verb / cue-verb entries (stance) and source nouns (anonymous, media, document, organization, person-role)')
    .option('--threshold <p>', 'cue probability threshold (default: the one stored with the weights)')
    .option('--model-file <file.json>', 'cue weights to use instead of data/models/attribution-cues.json');
  addRunOptions(addInputOptions(command)).action(async (inputs: string[], opts: AttributionsCliOptions) => {
    const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
    if (threshold !== undefined && !(threshold > 0 && threshold < 1)) throw new FramelensError(`--threshold must be a number between 0 and 1, got '${opts.threshold}'`);
    if (opts.modelFile) loadCueModel(opts.modelFile); // a bad weights file fails before the corpus is read
    checkPipelineOptions(opts);
    const { articles } = await loadCorpus(inputs, opts);
    const rows = opts.modelFile
      ? withModelFile(articles, opts, threshold)
      : await rowsFromPass<{ attributions: Attribution[] }>(articles, opts, 'attribution', threshold === undefined ? {} : { threshold }, (doc, r) => r.attributions.map((a) => rowOf(doc, a)));
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
