/**
 * Test fixture for the queue tests: a throwaway Redis server on a free loopback port with its own
 * temp folder, and `framelens worker` child processes whose stderr is collected. Everything
 * started here is tracked and stopped by `stopAll()`, which the tests call in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REDIS_SERVER = '/usr/bin/redis-server';
export const hasRedis = existsSync(REDIS_SERVER);
export const redisSkipMessage = `skipped: ${REDIS_SERVER} is missing (apt-get install redis-server; .ci/run installs it)`;

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliEntry = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
export const hasBuild = existsSync(cliEntry);
export const samplePath = join(repoRoot, 'data', 'sample', 'articles.jsonl');

const children = new Set<ChildProcess>();
const folders = new Set<string>();

/** Adds a child process to those `stopAll()` kills, so none outlives a failed test. */
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.add(dir);
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Sends one inline command and resolves with the first reply line, or '' when the server closes first (no client library involved). */
export function redisCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write(`${command}\r\n`));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk;
      if (data.includes('\r\n')) {
        socket.destroy();
        resolve(data.split('\r\n')[0]);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(data.split('\r\n')[0])); // SHUTDOWN closes without a reply
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface RedisServer {
  port: number;
  url: string;
  dir: string;
  process: ChildProcess;
  /** Stops the server (SHUTDOWN writes the AOF when persistence is on) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>;
}

/** Starts redis-server on a free loopback port; `persist` turns on the append-only file. */
export async function startRedis(options: { persist?: boolean } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = tempDir('framelens-redis-');
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', options.persist ? 'yes' : 'no', '--protected-mode', 'yes'];
  const launch = async () => {
    const child = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    children.add(child);
    child.once('exit', () => children.delete(child));
    await until('redis to answer PING', async () => ((await redisCommand(port, 'PING')) === '+PONG' ? true : undefined));
    return child;
  };
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    process: await launch(),
    async stop() {
      const exited = new Promise((resolve) => server.process.once('exit', resolve));
      await redisCommand(port, 'SHUTDOWN').catch(() => undefined);
      await exited;
    },
    async restart() {
      server.process = await launch();
    },
  };
  return server;
}

export interface WorkerProcess {
  process: ChildProcess;
  /** Everything written to stderr so far. */
  log(): string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `framelens worker` and waits for its ready line. */
export async function startWorker(url: string, extraArgs: string[] = []): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [cliEntry, 'worker', '--queue', url, '-v', ...extraArgs], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let log = '';
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (children.delete(child), resolve(code))));
  await until('the worker to be ready', () => (log.includes('ready on') ? true : child.exitCode !== null ? Promise.reject(new Error(log)) : undefined));
  return { process: child, log: () => log, exited };
}

/** Polls until `probe` returns a value. */
export const waitFor = until;

/** Kills every process started here (SIGKILL) and removes the temp folders. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  children.clear();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/** Every file under `dir`, report-relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Asserts that two folders hold the same files with the same bytes. `sameProcess`: both were
 * written by this process, one after the other; vega numbers SVG gradients with a per-process
 * counter (`gradient_1` in the first report, `gradient_3` in the next), so those ids are
 * compared without their numbers.
 */
export function expectSameFolders(actual: string, expected: string, options: { sameProcess?: boolean } = {}): void {
  const files = listFiles(expected);
  expect(listFiles(actual)).toEqual(files);
  const read = (dir: string, file: string) => {
    const bytes = readFileSync(join(dir, file));
    return options.sameProcess && file.endsWith('.svg') ? Buffer.from(bytes.toString('utf8').replace(/\bgradient_\d+\b/g, 'gradient_N')) : bytes;
  };
  for (const file of files) {
    expect(read(actual, file).equals(read(expected, file)), `${file} differs from the local run`).toBe(true);
  }
}
