/**
 * Child process of bench/scale.mjs: one full `report` run (read → analyse → summarize →
 * writeReport) on one input, in a fresh process so its peak RSS is its own. Prints one JSON
 * line with the stage times, CPU time and peak RSS (VmHWM; worker threads share the process).
 *
 *   node bench/lib/run-report.mjs <input> <outDir> <jobs> <cacheDir|none> [map...]
 */
import { readFileSync } from 'node:fs';
import { readCorpus } from '../../dist/src/corpus/read-corpus.js';
import { runPipelineParallel } from '../../dist/src/pipeline/run-parallel.js';
import { writeReport } from '../../dist/src/report/write-report.js';

const [input, outDir, jobsArg, cacheArg, ...mapArgs] = process.argv.slice(2);
const map = Object.fromEntries(mapArgs.map((m) => m.split('=')));
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

function peakRssMb() {
  const status = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return Math.round((status ? Number(status[1]) : process.resourceUsage().maxRSS) / 1024);
}

const cpuSeconds = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
const t0 = process.hrtime.bigint();
const corpus = await readCorpus(input, { map });
const read_s = seconds(t0);
const rssAfterReadMb = peakRssMb();
const t1 = process.hrtime.bigint();
const cpu1 = process.cpuUsage();
const result = await runPipelineParallel(corpus.articles, { jobs: Number(jobsArg), cache: cacheArg === 'none' ? false : cacheArg });
const pipeline_s = seconds(t1);
const pipeline_cpu_s = cpuSeconds(cpu1);
const t2 = process.hrtime.bigint();
const report = await writeReport(result, outDir);
const write_s = seconds(t2);
const usage = process.resourceUsage();
const words = result.index.docs.reduce((n, d) => n + d.words, 0);
console.log(
  JSON.stringify({
    articles: corpus.articles.length,
    words,
    jobs: Number(jobsArg),
    cache: cacheArg !== 'none',
    cached: result.stats.cached,
    analyzed: result.stats.analyzed,
    read_s,
    pipeline_s,
    analyse_s: result.stats.analyse_s,
    analyse_cpu_s: result.stats.analyse_cpu_s,
    summarize_s: result.stats.summarize_s,
    pipeline_cpu_s,
    summarize_by_analysis: result.stats.summarize_by_analysis,
    write_s,
    wall_s: seconds(t0),
    cpu_s: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peak_rss_mb: peakRssMb(),
    rss_after_read_mb: rssAfterReadMb,
    report_files: report.files.length,
    report_mb: Number((report.bytes / 1e6).toFixed(2)),
  }),
);
