/**
 * Per-article results of one run, kept on disk instead of in the heap: each article's result
 * line (result-line.ts) lives in a cache pack it was found in, or is appended to this run's
 * spill file (a new cache pack, or an unlinked temp file with --no-cache). Memory holds only
 * byte offsets; an analysis's results are read back when it summarises (lazy-result-map.ts).
 * This keeps a 20k-article run's per-article results (≈ 30 KB of JSON each) out of the heap.
 */
import { closeSync, openSync, readSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { KEY_LENGTH, decodePart, parseLine, type LineParts } from './result-line.js';
import { messages } from './messages.js';

const CHUNK = 16 << 20;
const NEWLINE = 10;

interface Segment {
  fd: number;
  path: string;
  /** Bytes written so far (spill files only). */
  size: number;
  /** Temp path renamed to `path` on commit (spill files that become cache packs). */
  temp?: string;
  /** Size of a spill file with no results yet (its header). */
  empty?: number;
}

const HASH = 0x23;

function parseHeader(line: string): unknown {
  try {
    return JSON.parse(line.slice(line.indexOf('\t') + 1));
  } catch {
    return undefined; // a damaged header: the pack's lines are judged without it
  }
}

/**
 * Lines of a pack written by a run of more analyses: `width` parts per line, and the part each of
 * this store's analyses takes (`columns[k]` for analysis k).
 */
export interface PackLayout {
  width: number;
  columns: readonly number[];
}

/** See ResultStore.snapshot. */
export interface ResultStoreSnapshot {
  size: number;
  analysisCount: number;
  fds: number[];
  segmentOf: Int16Array;
  wordCounts: Int32Array;
  starts: Float64Array;
  lengths: Int32Array;
}

/** A per-article failure of one analysis (the article is left out of that analysis). */
export interface PartFailure {
  article: number;
  analysis: number;
  reason: string;
}

export class ResultStore {
  private readonly segments: Segment[] = [];
  private spill: Segment | undefined;
  private readonly segmentOf: Int16Array;
  private readonly wordCounts: Int32Array;
  /** Byte offset of each part, article-major: [article * analyses + analysis]. */
  private readonly starts: Float64Array;
  /** Byte length of each part; -1 when the analysis returned nothing or failed. */
  private readonly lengths: Int32Array;
  readonly failures: PartFailure[] = [];
  private closed = false;
  /** A view opened from a snapshot reads through descriptors it does not own. */
  private borrowed = false;

  constructor(
    readonly size: number,
    readonly analysisCount: number,
  ) {
    this.segmentOf = new Int16Array(size).fill(-1);
    this.wordCounts = new Int32Array(size);
    this.starts = new Float64Array(size * analysisCount);
    this.lengths = new Int32Array(size * analysisCount).fill(-1);
  }

  has(article: number): boolean {
    return this.segmentOf[article] >= 0;
  }

  words(article: number): number {
    return this.wordCounts[article];
  }

  /**
   * Reads a cache pack and takes the lines whose key is wanted (key → article indices) and that
   * `accept` agrees to, given the pack's header (see openSpill). Damaged lines are skipped.
   * `layout` reads a pack of a run of more analyses (the parts of this store's ones only).
   * Returns the number of articles filled.
   */
  loadPack(path: string, wanted: Map<string, number[]>, accept: (article: number, header: unknown) => boolean = () => true, layout?: PackLayout): number {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return 0; // removed meanwhile: a cache miss
    }
    const segment = this.segments.push({ fd, path, size: 0 }) - 1;
    let filled = 0;
    let carry = Buffer.alloc(0);
    let base = 0; // file offset of carry[0]
    let header: unknown;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, chunk, 0, CHUNK, base + carry.length);
      const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let nl = buf.indexOf(NEWLINE, start); nl >= 0; nl = buf.indexOf(NEWLINE, start)) {
        if (base === 0 && start === 0 && buf[0] === HASH) header = parseHeader(buf.toString('utf8', 0, nl));
        const key = buf.toString('latin1', start, start + KEY_LENGTH);
        const targets = wanted.get(key)?.filter((i) => !this.has(i) && accept(i, header));
        if (targets?.length) {
          const line = parseLine(buf, start, nl, layout?.width ?? this.analysisCount);
          if (line) for (const i of targets) if (this.place(i, segment, base, buf, line, layout?.columns)) filled++;
        }
        start = nl + 1;
      }
      if (read === 0) break;
      base += start;
      carry = Buffer.from(buf.subarray(start));
    }
    return filled;
  }

  /**
   * Opens the file new results are appended to: a cache pack (renamed into place by commit),
   * starting with a `#header` line holding `header` as JSON; or, without `packDir`, a hidden temp file.
   */
  openSpill(packDir?: string, header?: unknown): void {
    const name = `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
    if (packDir) {
      const temp = join(packDir, `.${name}.tmp`);
      this.spill = { fd: openSync(temp, 'w+'), path: join(packDir, `${name}.tsv`), temp, size: 0 };
      const line = Buffer.from(`#header\t${JSON.stringify(header ?? null)}\n`);
      this.spill.size = writeSync(this.spill.fd, line, 0, line.length, 0);
      this.spill.empty = this.spill.size;
    } else {
      const path = join(tmpdir(), `framelens-results-${name}.tmp`);
      const fd = openSync(path, 'w+');
      // Unlinked at once (POSIX): the data lives as long as the descriptor, and nothing is left behind.
      try {
        unlinkSync(path);
        this.spill = { fd, path, size: 0 };
      } catch {
        this.spill = { fd, path, size: 0, temp: path };
      }
    }
    this.segments.push(this.spill);
  }

  /** Appends an article's freshly computed result line. */
  /** Appends an article's result line (text, or its UTF-8 bytes ending in a newline) to the spill file. */
  add(article: number, line: string | Uint8Array): void {
    const spill = this.spill;
    if (!spill) throw new Error('framelens: ResultStore.add before openSpill');
    const buf = typeof line === 'string' ? Buffer.from(line, 'utf8') : Buffer.from(line.buffer, line.byteOffset, line.byteLength);
    const parts = parseLine(buf, 0, buf.length - 1, this.analysisCount);
    if (!parts) throw new Error(`framelens: malformed result line for article ${article}`);
    writeSync(spill.fd, buf, 0, buf.length, spill.size);
    this.place(article, this.segments.length - 1, spill.size, buf, parts);
    spill.size += buf.length;
  }

  private place(article: number, segment: number, base: number, buf: Buffer, line: LineParts, columns?: readonly number[]): boolean {
    this.segmentOf[article] = segment;
    this.wordCounts[article] = line.words;
    for (let k = 0; k < this.analysisCount; k++) {
      const s = line.starts[columns ? columns[k] : k];
      const e = line.ends[columns ? columns[k] : k];
      const at = article * this.analysisCount + k;
      if (buf[s] === 0x21 /* ! */) this.failures.push({ article, analysis: k, reason: buf.toString('utf8', s + 1, e) });
      if (buf[s] === 0x21 || (buf[s] === 0x7e /* ~ */ && e - s === 1)) continue;
      this.starts[at] = base + s;
      this.lengths[at] = e - s;
    }
    return true;
  }

  /** True when the analysis has a result for the article. */
  hasPart(article: number, analysis: number): boolean {
    return this.lengths[article * this.analysisCount + analysis] >= 0;
  }

  /** Reads and parses one result (undefined when absent). */
  part(article: number, analysis: number): unknown {
    if (this.closed) throw new Error(messages.storeClosed());
    const at = article * this.analysisCount + analysis;
    const length = this.lengths[at];
    if (length < 0) return undefined;
    const buf = Buffer.allocUnsafe(length);
    readSync(this.segments[this.segmentOf[article]].fd, buf, 0, length, this.starts[at]);
    const decoded = decodePart(buf);
    return 'value' in decoded ? decoded.value : undefined;
  }

  /**
   * What another thread of this process needs to read the results: descriptors (shared by all
   * threads of a process) and offsets. The snapshot is valid until this store is closed.
   */
  snapshot(): ResultStoreSnapshot {
    return {
      size: this.size,
      analysisCount: this.analysisCount,
      fds: this.segments.map((s) => s.fd),
      segmentOf: this.segmentOf,
      wordCounts: this.wordCounts,
      starts: this.starts,
      lengths: this.lengths,
    };
  }

  /** A read-only view of a store of this process (on a worker thread); closing it closes nothing. */
  static fromSnapshot(snapshot: ResultStoreSnapshot): ResultStore {
    const store = new ResultStore(0, snapshot.analysisCount);
    Object.assign(store, {
      size: snapshot.size,
      segmentOf: snapshot.segmentOf,
      wordCounts: snapshot.wordCounts,
      starts: snapshot.starts,
      lengths: snapshot.lengths,
      borrowed: true,
    });
    for (const fd of snapshot.fds) store.segments.push({ fd, path: '', size: 0 });
    return store;
  }

  /** Moves a spill file that is a new cache pack into place (an empty one is dropped). */
  commit(): void {
    const spill = this.spill;
    if (!spill?.temp || spill.temp === spill.path) return;
    if (spill.size === (spill.empty ?? 0)) rmSync(spill.temp, { force: true });
    else renameSync(spill.temp, spill.path);
    spill.temp = undefined;
  }

  /** Closes every file; an uncommitted spill file is deleted. Results can no longer be read. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.borrowed) return;
    for (const s of this.segments) {
      closeSync(s.fd);
      if (s.temp) rmSync(s.temp, { force: true });
    }
  }
}
