import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../src/corpus/index.js';

describe('normalizeDate', () => {
  it('keeps a valid date-only value as a day', () => {
    expect(normalizeDate('2031-04-08')).toBe('2031-04-08');
    expect(normalizeDate('2031-02-30')).toBeUndefined();
  });

  it('turns date-times into UTC ISO 8601, reading zoneless ones as UTC', () => {
    expect(normalizeDate('2031-04-08T07:30:00+02:00')).toBe('2031-04-08T05:30:00.000Z');
    expect(normalizeDate('2031-04-15 06:00:00')).toBe('2031-04-15T06:00:00.000Z');
    expect(normalizeDate('2031-04-15 06:00')).toBe('2031-04-15T06:00:00.000Z');
    expect(normalizeDate('2031-04-15T06:00:00.250Z')).toBe('2031-04-15T06:00:00.250Z');
    expect(normalizeDate('Tue, 08 Apr 2031 10:00:00 GMT')).toBe('2031-04-08T10:00:00.000Z');
  });

  it('reads written-out dates as days', () => {
    expect(normalizeDate('April 9, 2031')).toBe('2031-04-09');
    expect(normalizeDate('9 April 2031')).toBe('2031-04-09');
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(normalizeDate(1_900_000_000)).toBe('2030-03-17T17:46:40.000Z');
    expect(normalizeDate('1900000000000')).toBe('2030-03-17T17:46:40.000Z');
  });

  it('returns undefined for what is not a date', () => {
    for (const value of ['soon', '3 hours ago', '', '2031-13-01', null, {}, Number.NaN]) expect(normalizeDate(value)).toBeUndefined();
  });
});
