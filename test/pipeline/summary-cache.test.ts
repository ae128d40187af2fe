import { describe, expect, it } from 'vitest';
import { summaryKey } from '../../src/pipeline/summary-cache.js';

describe('summary cache keys', () => {
  it('change when an analysis bumps its summary version, so an older cached summary is not read', () => {
    const articles = ['k1', 'k2'];
    const before = summaryKey('ctx', articles, [{ id: 'reuse' }]);
    expect(summaryKey('ctx', articles, [{ id: 'reuse' }])).toBe(before);
    expect(summaryKey('ctx', articles, [{ id: 'reuse', summaryVersion: '2' }])).not.toBe(before);
    expect(summaryKey('ctx', articles, [{ id: 'reuse', summaryVersion: '3' }])).not.toBe(summaryKey('ctx', articles, [{ id: 'reuse', summaryVersion: '2' }]));
  });

  it('change when an article is added, removed or moved', () => {
    const key = summaryKey('ctx', ['a', 'b']);
    expect(summaryKey('ctx', ['b', 'a'])).not.toBe(key);
    expect(summaryKey('ctx', ['a'])).not.toBe(key);
    expect(summaryKey('ctx', ['a', 'b', 'c'])).not.toBe(key);
  });
});
