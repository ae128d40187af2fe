/**
 * Per-article results in Redis, one string key per content hash holding the article's result
 * line: the same bytes a local run spills and caches (src/pipeline/result-line.ts), failures of
 * single analyses included. Writes use SET NX: a result, once stored, never changes, so a batch
 * that runs twice (a stalled worker that was only slow) changes nothing.
 */
import type { RedisClient } from 'bullmq';
// Type only: BullMQ's connections are ioredis clients; its own RedisClient type lists few commands.
import type { Redis } from 'ioredis';
import { parseLine } from '../pipeline/result-line.js';
import { resultKey } from './jobs.js';

/** Keys per MGET/pipeline round trip, so a million-article run never builds one giant command. */
const CHUNK = 500;

function redis(client: RedisClient): Redis {
  return client as unknown as Redis;
}

/** Whether each key has a stored result. */
export async function storedFlags(client: RedisClient, keys: readonly string[]): Promise<boolean[]> {
  const flags: boolean[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const pipeline = redis(client).pipeline();
    for (const key of keys.slice(i, i + CHUNK)) pipeline.exists(resultKey(key));
    const replies = (await pipeline.exec()) ?? [];
    for (const [error, count] of replies) {
      if (error) throw error;
      flags.push(count === 1);
    }
  }
  return flags;
}

/**
 * Stored result lines in key order; `undefined` where none is stored. A line that fails its
 * check (wrong shape or CRC, or `partCount` parts expected) counts as absent and is deleted, so
 * the article is analysed again instead of staying broken.
 */
export async function fetchLines(client: RedisClient, keys: readonly string[], partCount: number): Promise<Array<string | undefined>> {
  const lines: Array<string | undefined> = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK).map(resultKey);
    const values = await redis(client).mget(...chunk);
    const damaged: string[] = [];
    values.forEach((value, k) => {
      const ok = value !== null && isResultLine(value, partCount);
      if (value !== null && !ok) damaged.push(chunk[k]);
      lines.push(ok ? value : undefined);
    });
    if (damaged.length) await redis(client).del(...damaged);
  }
  return lines;
}

function isResultLine(value: string, partCount: number): boolean {
  const buf = Buffer.from(value, 'utf8');
  return buf[buf.length - 1] === 0x0a && parseLine(buf, 0, buf.length - 1, partCount) !== undefined;
}

/** Stores lines that are not stored yet (SET NX), optionally expiring after `ttlSeconds`. */
export async function storeLines(client: RedisClient, keys: readonly string[], lines: readonly string[], ttlSeconds?: number): Promise<void> {
  const pipeline = redis(client).pipeline();
  keys.forEach((key, i) => {
    if (ttlSeconds) pipeline.set(resultKey(key), lines[i], 'EX', ttlSeconds, 'NX');
    else pipeline.set(resultKey(key), lines[i], 'NX');
  });
  for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
}
