import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTEMPTS, DEFAULT_BATCH_SIZE, parseQueueUrl } from '../../src/queue/redis-url.js';

describe('parseQueueUrl', () => {
  it('reads host, port and database, with defaults for the rest', () => {
    const target = parseQueueUrl('redis://10.0.0.5:6380/2');
    expect(target.connection).toMatchObject({ host: '10.0.0.5', port: 6380, db: 2, maxRetriesPerRequest: null });
    expect(target).toMatchObject({ name: 'framelens', batchSize: DEFAULT_BATCH_SIZE, attempts: DEFAULT_ATTEMPTS, display: 'redis://10.0.0.5:6380/2' });
  });

  it('defaults to port 6379 and database 0', () => {
    expect(parseQueueUrl('redis://queue.example').connection).toMatchObject({ host: 'queue.example', port: 6379, db: 0 });
  });

  it('turns on TLS for rediss:// and decodes credentials without showing the password', () => {
    const target = parseQueueUrl('rediss://worker:p%40ss@queue.example:6390');
    expect(target.connection).toMatchObject({ username: 'worker', password: 'p@ss', tls: { servername: 'queue.example' } });
    expect(target.display).not.toContain('p%40ss');
    expect(target.display).not.toContain('p@ss');
  });

  it('takes batch size, attempts and queue name from the query string', () => {
    expect(parseQueueUrl('redis://127.0.0.1:7000?batch=8&attempts=1&name=nightly')).toMatchObject({ batchSize: 8, attempts: 1, name: 'nightly' });
  });

  it('strips the brackets of an IPv6 host', () => {
    expect(parseQueueUrl('redis://[::1]:7000').connection.host).toBe('::1');
  });

  it.each([
    ['localhost:6379', /scheme must be redis/],
    ['http://localhost', /scheme must be redis/],
    ['redis://localhost/cache', /database must be a number/],
    ['redis://localhost?batch=0', /batch=0: expected a positive integer/],
    ['redis://localhost?attempts=two', /attempts=two: expected a positive integer/],
    ['redis://localhost?concurrency=4', /parameter 'concurrency' is unknown/],
    ['redis://localhost?name=a:b', /name=a:b/],
    ['not a url', /not a URL/],
  ])('rejects %s with a message naming the problem', (url, message) => {
    expect(() => parseQueueUrl(url)).toThrow(message);
  });
});
