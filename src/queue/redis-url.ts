/**
 * `--queue` URLs: `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS) with optional
 * run parameters in the query string (`batch`, `attempts`, `name`). Turns one into the ioredis
 * connection options BullMQ takes, plus a printable form without the password.
 */
import type { RedisOptions } from 'bullmq';
import { FramelensError } from '../corpus/diagnostics.js';
import { badQueueParam, badQueueUrl, unknownQueueParam } from './messages.js';

export interface QueueTarget {
  /** ioredis options; `maxRetriesPerRequest: null` so commands wait for a restarted Redis instead of failing. */
  connection: RedisOptions;
  /** BullMQ queue name (`?name=`). Default 'framelens'. Coordinator and workers must agree. */
  name: string;
  /** Articles per job (`?batch=`). Default 32. Used by the coordinator only. */
  batchSize: number;
  /** Tries per job before it counts as failed (`?attempts=`). Default 3. Used by the coordinator only. */
  attempts: number;
  /** `host:port/db` without credentials, for messages. */
  display: string;
}

export const DEFAULT_QUEUE_NAME = 'framelens';
export const DEFAULT_BATCH_SIZE = 32;
export const DEFAULT_ATTEMPTS = 3;
const PARAMS = ['batch', 'attempts', 'name'] as const;

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new FramelensError(badQueueParam(name, value, 'a positive integer'));
  return n;
}

/** Parses a `--queue` URL; throws FramelensError naming what is wrong. */
export function parseQueueUrl(url: string): QueueTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FramelensError(badQueueUrl(url, 'not a URL'));
  }
  const tls = parsed.protocol === 'rediss:';
  if (parsed.protocol !== 'redis:' && !tls) throw new FramelensError(badQueueUrl(url, `scheme must be redis: or rediss:, not ${parsed.protocol}`));
  if (!parsed.hostname) throw new FramelensError(badQueueUrl(url, 'no host'));
  const port = parsed.port ? Number(parsed.port) : 6379;
  const dbPath = parsed.pathname.replace(/^\/+|\/+$/g, '');
  if (dbPath && !/^\d+$/.test(dbPath)) throw new FramelensError(badQueueUrl(url, `database must be a number, not '${dbPath}'`));
  const db = dbPath ? Number(dbPath) : 0;

  for (const key of parsed.searchParams.keys()) {
    if (!(PARAMS as readonly string[]).includes(key)) throw new FramelensError(unknownQueueParam(key, PARAMS));
  }
  const param = (name: (typeof PARAMS)[number]) => parsed.searchParams.get(name) ?? undefined;
  const batch = param('batch');
  const attempts = param('attempts');
  const name = param('name') ?? DEFAULT_QUEUE_NAME;
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new FramelensError(badQueueParam('name', name, 'letters, digits, _ . -'));

  // The hostname of an IPv6 URL keeps its brackets; ioredis wants the bare address.
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const connection: RedisOptions = {
    host,
    port,
    db,
    maxRetriesPerRequest: null,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(tls ? { tls: { servername: host } } : {}),
  };
  return {
    connection,
    name,
    batchSize: batch === undefined ? DEFAULT_BATCH_SIZE : positiveInt('batch', batch),
    attempts: attempts === undefined ? DEFAULT_ATTEMPTS : positiveInt('attempts', attempts),
    display: `${parsed.protocol}//${parsed.host}/${db}`,
  };
}
