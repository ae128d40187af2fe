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
const REDIS = '/usr/bin/redis-server';
/** The budget: the queue may cost at most this much throughput. */
const BUDGET_PCT = 15;

// ---- child mode: one timed pipeline run in a fresh process, prints {seconds}
if (process.argv[2] === '--child') {
  const [, , , mode, arg, corpusFile, suffix] = process.argv;
  const articles = JSON.parse(readFileSync(corpusFile, 'utf8')).map((a) => ({ ...a, id: `${a.id}${suffix}` }));
  const started = performance.now();
  if (mode === 'local') {
    const { runPipelineParallel } = await import('../dist/src/pipeline/run-parallel.js');
    await runPipelineParallel(articles, { jobs: Number(arg), cache: false, batchSize: BATCH });
  } else {
    const { runPipelineOnQueue } = await import('../dist/src/queue/coordinator.js');
    const result = await runPipelineOnQueue(articles, { queue: `${arg}?batch=${BATCH}`, pollMs: 250 });
    if (result.stats.analyzed !== articles.length) throw new Error(`expected ${articles.length} analysed, got ${JSON.stringify(result.stats)}`);
  }
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000 }) + '\n');
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
  for (const count of [1, 2]) {
    const { seconds: local } = JSON.parse(await run([fileURLToPath(import.meta.url), '--child', 'local', String(count), corpusFile, `-l${runNo++}`]));
    line({ mode: 'local', jobs: count, seconds: +local.toFixed(2), articles_per_s: +(articles.length / local).toFixed(1) });
    const workers = await startWorkers(url, count);
    try {
      const { seconds: queued } = JSON.parse(await run([fileURLToPath(import.meta.url), '--child', 'queue', url, corpusFile, `-q${runNo++}`]));
      line({ mode: 'queue', workers: count, seconds: +queued.toFixed(2), articles_per_s: +(articles.length / queued).toFixed(1) });
      rates[count] = { local: articles.length / local, queue: articles.length / queued };
    } finally {
      await stop(workers);
    }
  }
  const overhead = Object.fromEntries(Object.entries(rates).map(([n, r]) => [n, +((1 - r.queue / r.local) * 100).toFixed(1)]));
  const within = Object.values(overhead).every((pct) => pct <= BUDGET_PCT);
  process.stdout.write(JSON.stringify({ bench: 'queue', overhead_pct_by_workers: overhead, budget_pct: BUDGET_PCT, within_budget: within }) + '\n');
} finally {
  redis.kill('SIGTERM');
  await new Promise((r) => redis.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
