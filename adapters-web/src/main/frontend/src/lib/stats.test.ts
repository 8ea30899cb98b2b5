import { describe, expect, it } from 'vitest';
import { barHeights, barTitle, bucketLabel, compactCount, parseRange, share, statsQuery } from './stats';

const NOW = Date.parse('2026-11-22T22:18:34.500Z');

describe('statsQuery', () => {
  it('asks for the last 24 hours by hour, from the start of an hour', () => {
    expect(statsQuery('24h', NOW)).toEqual({
      since: '2026-11-21T22:00:00.000Z', until: '2026-11-22T22:18:34.500Z', bucket: 'hour' });
  });
  it('asks for the last 30 days by day, from the start of a UTC day', () => {
    expect(statsQuery('30d', NOW)).toEqual({
      since: '2026-10-23T00:00:00.000Z', until: '2026-11-22T22:18:34.500Z', bucket: 'day' });
  });
});

describe('parseRange', () => {
  it('knows 30d and falls back to 24h', () => {
    expect(parseRange('30d')).toBe('30d');
    expect(parseRange('24h')).toBe('24h');
    expect(parseRange('bogus')).toBe('24h');
    expect(parseRange(null)).toBe('24h');
  });
});

describe('bucketLabel', () => {
  it('labels hours with day, month and time', () => {
    expect(bucketLabel('2026-11-22T07:00:00Z', 'hour', true)).toBe('22 Nov 07:00');
  });
  it('labels days as UTC days', () => {
    expect(bucketLabel('2026-01-03T00:00:00Z', 'day')).toBe('3 Jan');
  });
  it('returns what it cannot parse unchanged', () => {
    expect(bucketLabel('yesterday', 'day')).toBe('yesterday');
  });
});

describe('barTitle', () => {
  it('names the hour span and the count', () => {
    expect(barTitle('2026-11-22T23:00:00Z', 'hour', 3, true)).toBe('22 Nov 23:00–00:00: 3 bans');
    expect(barTitle('2026-11-22T00:00:00Z', 'day', 1)).toBe('22 Nov: 1 ban');
    expect(barTitle('2026-11-22T00:00:00Z', 'day', 12345)).toBe('22 Nov: 12,345 bans');
  });
});

describe('barHeights', () => {
  it('scales to the tallest bar', () => {
    expect(barHeights([0, 5, 10])).toEqual({ heights: [0, 50, 100], max: 10 });
  });
  it('keeps a small non-zero bucket visible', () => {
    expect(barHeights([1, 1000]).heights[0]).toBe(2);
  });
  it('is flat without bans', () => {
    expect(barHeights([0, 0])).toEqual({ heights: [0, 0], max: 0 });
    expect(barHeights([])).toEqual({ heights: [], max: 0 });
  });
});

describe('compactCount', () => {
  it('shows small counts exactly, with separators', () => {
    expect(compactCount(987)).toBe('987');
    expect(compactCount(9999)).toBe('9,999');
  });
  it('shortens large counts without rounding up', () => {
    expect(compactCount(10000)).toBe('10k');
    expect(compactCount(12399)).toBe('12k');
    expect(compactCount(1_250_000)).toBe('1.2M');
    expect(compactCount(1_999_999)).toBe('1.9M');
  });
  it('shows a dash for nothing', () => {
    expect(compactCount(undefined)).toBe('—');
    expect(compactCount(Number.NaN)).toBe('—');
  });
});

describe('share', () => {
  it('is a rounded percentage, <1 % for a sliver, empty for none', () => {
    expect(share(1, 4)).toBe('25 %');
    expect(share(1, 1000)).toBe('<1 %');
    expect(share(0, 10)).toBe('');
    expect(share(3, 0)).toBe('');
  });
});
