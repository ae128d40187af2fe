/**
 * Queue overhead: articles/s of the pipeline (per-article pass + summaries, no report writing)
 * run locally with `--jobs 1|2` versus on the Redis queue with 1 and 2 `framelens worker`
 * processes, on the same articles. Every run happens in fresh processes, so each pays the same
 * start-up (loading the language model in each thread or worker) and no run reuses results
 * (local cache off, new article ids per queue run).
 *
 * Corpus: the first BENCH_QUEUE_N (default 300) articles of
 * ../shared/data/article-bias-prediction/articles_sample.jsonl.gz when present, else the sample
 * corpus repeated to that size under new ids. Redis: /usr/bin/redis-server on a free loopback
 * port with a temp folder (the bench prints a skip line when it is missing).
 * Runs alternate (local, queue, local, queue, … BENCH_RUNS times each, default 2) and the best
 * time of each mode counts, so a burst of load from other processes does not decide the result.
 * Each run also reports the CPU seconds it cost: the run's process (all its threads), plus for
 * queue runs the worker processes and redis-server (read from /proc). CPU seconds hardly depend on
 * how busy the machine is, so `cpu_extra_pct` is the steadier figure on a shared machine.
 * Prints one JSON line per run, then a summary line with the overhead per worker count.
 * Imports the compiled library from dist/ (run `npx tsc -p .` first).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const N = Number(process.env.BENCH_QUEUE_N ?? 300);
const BATCH = Number(process.env.BENCH_QUEUE_BATCH ?? 16);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));
const REDIS = '/usr/bin/redis-server';
/** The budget: the queue may cost at most this much throughput. */
const BUDGET_PCT = 15;

// ---- child mode: one timed pipeline run in a fresh process, prints {seconds}
if (process.argv[2] === '--child') {
  const [, , , mode, arg, corpusFile, suffix] = process.argv;
  const articles = JSON.parse(readFileSync(corpusFile, 'utf8')).map((a) => ({ ...a, id: `${a.id}${suffix}` }));
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  if (mode === 'local') {
    const { runPipelineParallel } = await import('../dist/src/pipeline/run-parallel.js');
    await runPipelineParallel(articles, { jobs: Number(arg), cache: false, batchSize: BATCH });
  } else {
    const { runPipelineOnQueue } = await import('../dist/src/queue/coordinator.js');
    const result = await runPipelineOnQueue(articles, { queue: `${arg}?batch=${BATCH}`, pollMs: 250 });
    if (result.stats.analyzed !== articles.length) throw new Error(`expected ${articles.length} analysed, got ${JSON.stringify(result.stats)}`);
  }
  const cpu = process.cpuUsage(cpuStarted);
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 }) + '\n');
  process.exit(0);
}

function corpus() {
  const abp = join(root, '../shared/data/article-bias-prediction/articles_sample.jsonl.gz');
  if (existsSync(abp)) {
    const rows = gunzipSync(readFileSync(abp)).toString('utf8').split('\n').filter(Boolean).slice(0, N).map((l) => JSON.parse(l));
    return {
      name: 'article-bias-prediction',
      articles: rows.map((r, i) => ({ id: `abp-${i}`, outlet: r.source, title: r.title ?? '', text: r.content ?? r.content_original ?? '' })),
    };
  }
  const sample = readFileSync(join(root, 'data/sample/articles.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { name: 'data/sample (repeated)', articles: Array.from({ length: N }, (_, i) => ({ ...sample[i % sample.length], id: `${sample[i % sample.length].id}-${i}` })) };
}

function run(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}: ${err}`))));
  });
}

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.on('data', (d) => (socket.destroy(), resolve(String(d).startsWith('+PONG'))));
    socket.on('error', () => resolve(false));
  });
}

async function startWorkers(url, count) {
  const workers = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, [cli, 'worker', '--queue', url], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (c) => (log += c));
    workers.push(child);
    while (!log.includes('ready on')) {
      if (child.exitCode !== null) throw new Error(`worker exited: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return workers;
}

/** CPU seconds a process has used so far (user + system, all its threads), from /proc; 0 where /proc is missing. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return 0;
  }
}

const stop = (children) => Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : (c.once('exit', r), c.kill('SIGTERM'))))));

if (!existsSync(REDIS)) {
  process.stdout.write(JSON.stringify({ bench: 'queue', skipped: `${REDIS} is missing (apt-get install redis-server)` }) + '\n');
  process.exit(0);
}
const { name, articles } = corpus();
const dir = mkdtempSync(join(tmpdir(), 'framelens-bench-queue-'));
const corpusFile = join(dir, 'articles.json');
writeFileSync(corpusFile, JSON.stringify(articles));
const port = await freePort();
const redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
const url = `redis://127.0.0.1:${port}`;
const rates = {};
try {
  while (!(await ping(port))) await new Promise((r) => setTimeout(r, 50));
  let runNo = 0;
  const line = (fields) => process.stdout.write(JSON.stringify({ bench: 'queue', corpus: name, articles: articles.length, batch: BATCH, ...fields }) + '\n');
  const child = (args) => run([fileURLToPath(import.meta.url), '--child', ...args, corpusFile, `-r${runNo++}`]).then((out) => JSON.parse(out));
  const fixed = (x) => +x.toFixed(2);
  for (const count of [1, 2]) {
    const best = { local: { seconds: Infinity, cpu: Infinity }, queue: { seconds: Infinity, cpu: Infinity } };
    const keep = (mode, seconds, cpu) => (best[mode] = { seconds: Math.min(best[mode].seconds, seconds), cpu: Math.min(best[mode].cpu, cpu) });
    for (let r = 0; r < RUNS; r++) {
      const local = await child(['local', String(count)]);
      keep('local', local.seconds, local.cpu);
      line({ mode: 'local', jobs: count, run: r + 1, seconds: fixed(local.seconds), cpu_s: fixed(local.cpu), articles_per_s: +(articles.length / local.seconds).toFixed(1) });
      const workers = await startWorkers(url, count);
      try {
        const workersCpu = () => workers.reduce((sum, p) => sum + cpuSeconds(p.pid), 0);
        const before = { workers: workersCpu(), redis: cpuSeconds(redis.pid) };
        const queued = await child(['queue', url]);
        const parts = { coordinator: fixed(queued.cpu), workers: fixed(workersCpu() - before.workers), redis: fixed(cpuSeconds(redis.pid) - before.redis) };
        const cpu = parts.coordinator + parts.workers + parts.redis;
        keep('queue', queued.seconds, cpu);
        line({ mode: 'queue', workers: count, run: r + 1, seconds: fixed(queued.seconds), cpu_s: fixed(cpu), cpu_parts: parts, articles_per_s: +(articles.length / queued.seconds).toFixed(1) });
      } finally {
        await stop(workers);
      }
    }
    rates[count] = best;
  }
  // Overhead: the share of local throughput the queue loses; CPU: the extra CPU seconds it spends.
  const overhead = Object.fromEntries(Object.entries(rates).map(([n, b]) => [n, +((1 - b.local.seconds / b.queue.seconds) * 100).toFixed(1)]));
  const cpuOverhead = Object.fromEntries(Object.entries(rates).map(([n, b]) => [n, +((b.queue.cpu / b.local.cpu - 1) * 100).toFixed(1)]));
  const bestRates = Object.fromEntries(Object.entries(rates).map(([n, b]) => [n, { local: +(articles.length / b.local.seconds).toFixed(1), queue: +(articles.length / b.queue.seconds).toFixed(1) }]));
  const within = Object.values(overhead).every((p) => p <= BUDGET_PCT);
  process.stdout.write(
    JSON.stringify({ bench: 'queue', runs: RUNS, best_articles_per_s_by_workers: bestRates, overhead_pct_by_workers: overhead, cpu_extra_pct_by_workers: cpuOverhead, budget_pct: BUDGET_PCT, within_budget: within }) + '\n',
  );
} finally {
  redis.kill('SIGTERM');
  await new Promise((r) => redis.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
