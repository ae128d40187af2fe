/**
 * Per-article results in Redis, one string key per content hash holding the same JSON as a file
 * of the local cache (src/pipeline/cache.ts). Writes use SET NX: a result, once stored, never
 * changes, so a batch that runs twice (a stalled worker that was only slow) changes nothing.
 */
import type { RedisClient } from 'bullmq';
// Type only: BullMQ's connections are ioredis clients; its own RedisClient type lists few commands.
import type { Redis } from 'ioredis';
import type { ArticleResult } from '../pipeline/run.js';
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

/** Stored results in key order; `undefined` where none is stored. */
export async function fetchResults(client: RedisClient, keys: readonly string[]): Promise<Array<ArticleResult | undefined>> {
  const results: Array<ArticleResult | undefined> = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const values = await redis(client).mget(...keys.slice(i, i + CHUNK).map(resultKey));
    for (const value of values) results.push(value === null ? undefined : (JSON.parse(value) as ArticleResult));
  }
  return results;
}

/** Stores results that are not stored yet (SET NX), optionally expiring after `ttlSeconds`. */
export async function storeResults(
  client: RedisClient,
  keys: readonly string[],
  results: readonly ArticleResult[],
  ttlSeconds?: number,
): Promise<void> {
  const pipeline = redis(client).pipeline();
  keys.forEach((key, i) => {
    const json = JSON.stringify(results[i]);
    if (ttlSeconds) pipeline.set(resultKey(key), json, 'EX', ttlSeconds, 'NX');
    else pipeline.set(resultKey(key), json, 'NX');
  });
  for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
}
