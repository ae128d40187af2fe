/**
 * Atomic report folders: pages are written into a temp folder beside the target, and only a
 * complete report replaces an existing one (rename old away, rename new in, delete old).
 * A folder that is not a framelens report is never replaced.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FramelensError } from '../corpus/diagnostics.js';
import { messages } from './messages.js';

const GENERATOR = /<meta name="generator" content="framelens">/;

/** True when `dir` is missing, empty, or holds a framelens report. */
export function isReplaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (!statSync(dir).isDirectory()) return false;
  const entries = readdirSync(dir);
  if (entries.length === 0) return true;
  const index = join(dir, 'index.html');
  return existsSync(index) && GENERATOR.test(readFileSync(index, 'utf8').slice(0, 4096));
}

/** A report being written: files go to a temp folder until commit(). */
export class ReportDir {
  readonly target: string;
  readonly temp: string;
  readonly files: Array<{ path: string; bytes: number }> = [];

  constructor(outDir: string) {
    this.target = resolve(outDir);
    if (!isReplaceable(this.target)) throw new FramelensError(messages.notAReport(outDir));
    mkdirSync(dirname(this.target), { recursive: true });
    this.temp = mkdtempSync(join(dirname(this.target), `.${basename(this.target)}.tmp-`));
  }

  /** Writes a file at a report-relative path ('events/x.html'). */
  write(path: string, data: string | Uint8Array): number {
    const full = join(this.temp, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, data);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    this.files.push({ path, bytes });
    return bytes;
  }

  get bytes(): number {
    return this.files.reduce((sum, f) => sum + f.bytes, 0);
  }

  /** Moves the finished report into place. */
  commit(): void {
    let old: string | undefined;
    if (existsSync(this.target)) {
      old = `${this.temp}-old`;
      renameSync(this.target, old);
    }
    try {
      renameSync(this.temp, this.target);
    } catch (error) {
      if (old) renameSync(old, this.target);
      throw error;
    }
    if (old) rmSync(old, { recursive: true, force: true });
  }

  /** Drops the temp folder after a failure. */
  abort(): void {
    rmSync(this.temp, { recursive: true, force: true });
  }
}
