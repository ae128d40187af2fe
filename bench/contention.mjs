/**
 * What running two at once costs on this machine: the ceiling of what `--jobs 2` can gain.
 * Runs the same work in one child process alone, then in two child processes started together,
 * BENCH_ROUNDS (default 3) times, and prints per kind of work the median walls and CPU times,
 * their ratio (`slowdown`: 1 where two cores share nothing) and `ceiling_speedup` = 2 / slowdown:
 * no split of the work over two threads does better, since each thread's share runs that much
 * slower. `alone_cpu_s` above `alone_s` is work V8 did on the other core (compiling, collecting
 * garbage), which one job gets for free and two jobs have to share.
 * Two kinds of work, on BENCH_ABP_N (default 600) articles of lib/abp.mjs after BENCH_WARM
 * (default 1000) more run untimed, so the timed part is the compiled steady state of a long run:
 * V8 spends ≈ 5 s of background CPU compiling the pass's hot code over the first ≈ 600 articles
 * and little after (`--trace-opt`), and a shorter warm-up counts that as a cost of every article.
 *   - `readdoc`: bare wink readDoc of each text, five times over;
 *   - `pass`: the whole per-article pass a worker runs (analyzeArticleLines: text layer, every
 *     analysis's perDoc, the result lines).
 * Processes, not threads, so nothing in the runtime is shared: what is left is the hardware
 * (caches, memory bandwidth, clock) and the scheduler. Imports dist/ (run `npx tsc -p .` first).
 *
 *   node bench/contention.mjs            (--quick: 150 articles after 150, one round)
 *   BENCH_NODE_FLAGS='--max-semi-space-size=64' node bench/contention.mjs
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { abpArticles } from './lib/abp.mjs';
import { freshNlp } from './lib/fresh-wink.mjs';
import { machineState, warnIfBusy } from './lib/machine.mjs';

const quick = process.argv.includes('--quick');
const N = Number(process.env.BENCH_ABP_N ?? (quick ? 150 : 600));
/** Articles run first, untimed, so V8 has compiled the hot code: what is timed is the steady state of a long run. */
const WARM = Number(process.env.BENCH_WARM ?? (quick ? 150 : 1000));
const KINDS = ['readdoc', 'pass'];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3));
/** V8 flags for the children (`BENCH_NODE_FLAGS='--max-semi-space-size=64'`), to see what a setting does to both figures. */
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

async function child(kind) {
  const { name, articles: all } = abpArticles(WARM + N);
  // a small corpus (the sample, without ../shared) is split in halves
  const warm = all.slice(0, all.length >= WARM + N ? WARM : all.length >> 1);
  const articles = all.slice(warm.length);
  let work;
  if (kind === 'readdoc') {
    // Five reads of each text (a new instance each time, lib/fresh-wink.mjs), so it lasts about as long as the pass.
    work = (list) => {
      for (let k = 0; k < (list === articles ? 5 : 1); k++) {
        const nlp = freshNlp();
        for (const a of list) nlp.readDoc(a.text).tokens().length();
      }
    };
  } else {
    const { selectAnalyses, createContext } = await import('../dist/src/pipeline/run.js');
    const { analyzeArticleLines } = await import('../dist/src/pipeline/analyze-line.js');
    const analyses = selectAnalyses();
    const context = createContext(all);
    work = (list) => analyzeArticleLines(list, analyses, context);
  }
  work(warm);
  // Both children of a pair start timing together: each says it is ready and waits for the go.
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  work(articles);
  const cpu = process.cpuUsage(cpuStarted);
  const corpus = `${name} (${articles.length} articles after ${warm.length})`;
  process.stdout.write(JSON.stringify({ corpus, seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 }) + '\n');
}

/** Runs `count` children of one kind, started together once all are ready; their `{corpus, seconds, cpu}`. */
async function runTogether(kind, count) {
  const children = Array.from({ length: count }, () => {
    const p = spawn(process.execPath, [...nodeFlags, fileURLToPath(import.meta.url), '--child', kind, ...(quick ? ['--quick'] : [])], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    let markReady;
    const ready = new Promise((resolve) => (markReady = resolve));
    p.stdout.on('data', (c) => {
      out += c;
      if (out.includes('ready\n')) markReady();
    });
    const done = new Promise((resolve, reject) => {
      p.on('error', reject);
      p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.slice(out.indexOf('ready\n') + 6))) : reject(new Error(`contention child ${kind} exited with ${code}`))));
    });
    return { p, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.p.stdin.end('go\n');
  return Promise.all(children.map((c) => c.done));
}

const round = (x) => Math.round(x * 1000) / 1000;
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

if (process.argv[2] === '--child') {
  await child(process.argv[3]);
} else {
  warnIfBusy(machineState());
  for (const kind of KINDS) {
    // Rounds of one alone then two together; the medians, as one round on a shared machine can be off either way.
    const alone = [];
    const together = [];
    for (let r = 0; r < ROUNDS; r++) {
      alone.push(...(await runTogether(kind, 1)));
      together.push(...(await runTogether(kind, 2)));
    }
    const slowdown = median(together.map((t) => t.seconds)) / median(alone.map((t) => t.seconds));
    console.log(
      JSON.stringify({
        bench: 'contention',
        corpus: alone[0].corpus,
        kind,
        rounds: ROUNDS,
        alone_s: round(median(alone.map((t) => t.seconds))),
        alone_cpu_s: round(median(alone.map((t) => t.cpu))),
        together_s: round(median(together.map((t) => t.seconds))),
        together_cpu_s: round(median(together.map((t) => t.cpu))),
        slowdown: round(slowdown),
        ceiling_speedup: round(2 / slowdown),
      }),
    );
  }
}
