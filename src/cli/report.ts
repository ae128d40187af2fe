/**
 * `framelens report <inputs...> [-o dir]`: reads the inputs, runs the pipeline and writes the
 * HTML report folder (atomically). Prints the path of index.html on stdout; everything else
 * (diagnostics, progress, the size line) goes to stderr and is silenced by --quiet.
 */
import type { Command } from 'commander';
import { basename, extname, join, relative } from 'node:path';
import { FramelensError } from '../corpus/diagnostics.js';
import { writeReport } from '../report/write-report.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { addPipelineOptions, checkPipelineOptions, interruptSignal, runPipelineFromCli, type PipelineCliOptions } from './pipeline-options.js';

interface ReportCliOptions extends InputCliOptions, PipelineCliOptions {
  output?: string;
  title?: string;
  maxMb?: string;
  png?: boolean;
}

/** `reports/<first input's name without extension>`. */
export function defaultReportDir(inputs: string[]): string {
  const first = inputs[0].replace(/[\\/]+$/, '');
  const name = basename(first, extname(first)).replace(/\.(jsonl|json|csv|tsv)$/i, '') || 'report';
  return join('reports', name);
}

export function register(program: Command): void {
  const command = program
    .command('report')
    .description('write an HTML report (overview, event pages, article views) that opens offline')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads')
    .option('-o, --output <dir>', 'report folder (default: reports/<name of the first input>)')
    .option('--title <text>', 'title shown on every page', 'framelens report')
    .option('--max-mb <n>', 'size budget of the report in MB; article views beyond it are left out', '15')
    .option('--png', 'also write charts/<name>.png');
  addPipelineOptions(addInputOptions(command)).action(async (inputs: string[], opts: ReportCliOptions) => {
    const maxMb = Number(opts.maxMb);
    if (!(maxMb > 0)) throw new FramelensError(`--max-mb must be a positive number, got '${opts.maxMb}'`);
    checkPipelineOptions(opts);
    const { articles, diagnostics } = await loadCorpus(inputs, opts);
    const result = await runPipelineFromCli(articles, opts);
    const outDir = opts.output ?? defaultReportDir(inputs);
    const pipelineDiagnostics = 'diagnostics' in result ? result.diagnostics : [];
    const report = await writeReport(result, outDir, {
      title: opts.title,
      diagnostics: [...diagnostics, ...pipelineDiagnostics],
      maxBytes: maxMb * 1e6,
      png: opts.png,
      signal: interruptSignal(),
    });
    if (!opts.quiet) {
      for (const d of report.diagnostics) process.stderr.write(`report ${d.severity} ${d.reason} ${d.ruleId}\n`);
      const omitted = report.omittedArticles ? ` (${report.omittedArticles} article views left out by the size budget)` : '';
      process.stderr.write(
        `wrote ${report.files.length} files, ${(report.bytes / 1e6).toFixed(2)} MB, ${report.articlePages} article views${omitted} to ${relative(process.cwd(), report.dir) || '.'}\n`,
      );
    }
    process.stdout.write(`${report.indexPath}\n`);
  });
}
