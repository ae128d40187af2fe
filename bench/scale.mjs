/**
 * Scale benchmark: the full `report` (read → analyse → summarize → writeReport) on the
 * article-bias-prediction corpus (../shared/data, 20,830 articles), each run in a child process
 * (bench/lib/run-report.mjs) so peak RSS is per run. Prints one JSON line per run, then a summary
 * line with the targets of issue 10:
 *   - bare `readDoc` tokens/s and the jobs=1 per-article pipeline tokens/s on the same articles
 *   - growth with 2 jobs at 1k, 5k, 10k and all articles
 *   - all articles with 1 job (speed-up of 2 jobs), byte-identical report folders for 1 and 2 jobs
 *   - 100 articles added to a warm cache (the largest growth run leaves them out), then a warm re-run
 * `--quick`: the sample corpus repeated (fictional, in the repo) instead, for smoke runs.
 * Environment: BENCH_SCALE_SIZES (comma list), BENCH_SCALE_ONE_JOB=0 to skip the 1-job run,
 * BENCH_SCALE_BARE (articles for the readDoc baseline, default 1000).
 * Imports the compiled library from dist/ (run `npx tsc -p .` first).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { getNlp } from '../dist/src/text/nlp.js';
import { machineState, warnIfBusy } from './lib/machine.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const ABP = join(root, '../shared/data/article-bias-prediction/articles_sample.jsonl.gz');
const ABP_MAP = ['text=content_original', 'outlet=source', 'id=ID'];

function corpusLines() {
  if (quick) {
    // The sample repeated with fresh ids and a varied last line, so the cache and dedupe see new articles.
    const rows = readFileSync(join(root, 'data/sample/articles.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    return Array.from({ length: 12 }, (_, r) => rows.map((row) => JSON.stringify({ ...row, id: `${row.id}-${r}`, text: `${row.text}\n\nCopy ${r}.` }))).flat();
  }
  if (!existsSync(ABP)) return undefined;
  return gunzipSync(readFileSync(ABP)).toString('utf8').split('\n').filter((l) => l.trim());
}

const lines = corpusLines();
if (!lines) {
  console.log(JSON.stringify({ bench: 'scale', skipped: `no ${ABP} (the shared data is absent); try --quick` }));
  process.exit(0);
}
const map = quick ? [] : ABP_MAP;
const total = lines.length;
const sizes = (process.env.BENCH_SCALE_SIZES ?? (quick ? `${Math.round(total / 4)},${total}` : `1000,5000,10000,${total}`))
  .split(',')
  .map(Number)
  .filter((n) => n > 0 && n <= total);
const work = mkdtempSync(join(tmpdir(), 'framelens-bench-scale-'));
const subset = (n) => {
  const file = join(work, `corpus-${n}.jsonl`);
  if (!existsSync(file)) writeFileSync(file, lines.slice(0, n).join('\n') + '\n');
  return file;
};

function runReport(label, n, jobs, cache, out = join(work, `report-${label}`)) {
  const args = [join(root, 'bench/lib/run-report.mjs'), subset(n), out, String(jobs), cache ?? 'none', ...map];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`bench/scale: ${label} failed: ${child.stderr}`);
  const result = { bench: 'scale', run: label, ...JSON.parse(child.stdout.trim().split('\n').pop()) };
  console.log(JSON.stringify(result));
  return result;
}

/** Hash of every file of a report folder (path + bytes), for the 1 vs 2 jobs comparison. */
function folderHash(dir) {
  const hash = createHash('sha1');
  const walk = (sub) => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else hash.update(`${rel}\0`).update(readFileSync(join(dir, rel)));
    }
  };
  walk('');
  return hash.digest('hex');
}

function bareReadDoc(n) {
  const nlp = getNlp();
  const field = quick ? 'text' : 'content_original';
  const texts = lines.slice(0, n).map((l) => JSON.parse(l)[field] ?? '');
  for (const t of texts.slice(0, 50)) nlp.readDoc(t); // warm-up
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let tokens = 0;
  for (const t of texts) tokens += nlp.readDoc(t).tokens().length();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { articles: n, tokens, seconds, cpu_s: cpuSeconds, tokens_per_s: Math.round(tokens / seconds), tokens_per_cpu_s: Math.round(tokens / cpuSeconds) };
}

const machine = machineState();
warnIfBusy(machine);
try {
  // The largest growth point leaves out the last 100 articles, so adding them to its warm cache is measured too.
  const full = sizes.at(-1);
  const big = full > 200 ? full - 100 : full;
  // 1. per-article pipeline vs bare readDoc on the same articles, one thread each
  const bareN = Math.min(Number(process.env.BENCH_SCALE_BARE ?? 1000), total);
  const bare = bareReadDoc(bareN);
  console.log(JSON.stringify({ bench: 'scale', run: 'bare-readDoc', ...bare }));
  const one = runReport(`pipeline-1job-${bareN}`, bareN, 1, undefined);
  const pipelineTps = Math.round(bare.tokens / one.analyse_s);
  // On a shared machine wall time depends on the neighbours; CPU time of the one-thread pass does not (much).
  const pipelineTpCpu = Math.round(bare.tokens / one.analyse_cpu_s);

  // 2. growth with 2 jobs (no cache, except the largest: a fresh cache the later runs reuse)
  const cache = join(work, 'cache');
  const growth = sizes.map((n) => (n === full ? big : n)).map((n) => runReport(`growth-2jobs-${n}`, n, 2, n === big ? cache : undefined));
  const two = growth.at(-1);

  // 3. 100 articles added to the warm cache, then a warm re-run of everything
  const added = big < full ? runReport(`added${full - big}-2jobs-${full}`, full, 2, cache) : undefined;
  const warm = runReport(`warm-2jobs-${full}`, full, 2, cache);
  const warmSame = added ? folderHash(join(work, `report-warm-2jobs-${full}`)) === folderHash(join(work, `report-added${full - big}-2jobs-${full}`)) : undefined;

  // 4. the largest with 1 job: speed-up and byte-identical report folders
  const oneJob = process.env.BENCH_SCALE_ONE_JOB === '0' ? undefined : runReport(`full-1job-${big}`, big, 1, undefined);
  const identical = oneJob ? folderHash(join(work, `report-full-1job-${big}`)) === folderHash(join(work, `report-growth-2jobs-${big}`)) : undefined;

  console.log(
    JSON.stringify({
      bench: 'scale',
      summary: quick ? 'sample repeated (--quick)' : 'article-bias-prediction',
      articles: big,
      wall_2jobs_s: two.wall_s,
      wall_1job_s: oneJob?.wall_s,
      speedup_2_vs_1: oneJob ? Number((oneJob.wall_s / two.wall_s).toFixed(2)) : undefined,
      analyse_speedup_2_vs_1: oneJob ? Number((oneJob.analyse_s / two.analyse_s).toFixed(2)) : undefined,
      analyse_cpu_2jobs_s: two.analyse_cpu_s,
      analyse_cpu_1job_s: oneJob?.analyse_cpu_s,
      peak_rss_mb: Math.max(...growth.map((g) => g.peak_rss_mb), oneJob?.peak_rss_mb ?? 0, warm.peak_rss_mb),
      baseline_tokens_per_s: bare.tokens_per_s,
      pipeline_tokens_per_s: pipelineTps,
      ratio: Number((pipelineTps / bare.tokens_per_s).toFixed(3)),
      baseline_tokens_per_cpu_s: bare.tokens_per_cpu_s,
      pipeline_tokens_per_cpu_s: pipelineTpCpu,
      ratio_cpu: Number((pipelineTpCpu / bare.tokens_per_cpu_s).toFixed(3)),
      identical_1_vs_2_jobs: identical,
      identical_warm_vs_cold: warmSame,
      added_articles: full - big,
      added_analyzed: added?.analyzed,
      added_s: added?.wall_s,
      warm_articles: full,
      warm_s: warm.wall_s,
      warm_speedup: Number((two.wall_s / warm.wall_s).toFixed(2)),
      cpu_2jobs_s: two.cpu_s,
      cpu_1job_s: oneJob?.cpu_s,
      warm_cpu_s: warm.cpu_s,
      growth: growth.map((g) => ({ articles: g.articles, wall_s: g.wall_s, analyse_s: g.analyse_s, cpu_s: g.cpu_s, peak_rss_mb: g.peak_rss_mb })),
      machine_at_start: machine,
      load1_at_end: machineState().load1,
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
