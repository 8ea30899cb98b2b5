import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatRelative, localInputToIso } from './format';

describe('formatDuration', () => {
  it('shows at most two units, largest first', () => {
    expect(formatDuration(90061)).toBe('1d 1h');
    expect(formatDuration(600)).toBe('10m');
    expect(formatDuration(59)).toBe('59s');
  });
  it('calls fail2ban\'s negative ban time permanent', () => {
    expect(formatDuration(-1)).toBe('permanent');
  });
  it('keeps zero and non-numbers readable', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('says ago for the past and in for the future', () => {
    expect(formatRelative('2026-01-01T11:55:00Z', now)).toBe('5m ago');
    expect(formatRelative('2026-01-01T14:00:00Z', now)).toBe('in 2h');
    expect(formatRelative('2026-01-01T12:00:02Z', now)).toBe('now');
  });
  it('returns an unparsable value unchanged', () => {
    expect(formatRelative('soon', now)).toBe('soon');
  });
});

describe('formatCount and localInputToIso', () => {
  it('groups thousands and shows a dash for nothing', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(undefined)).toBe('—');
  });
  it('turns an empty or invalid date input into undefined', () => {
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('not a date')).toBeUndefined();
    expect(localInputToIso('2026-01-01T10:00')).toMatch(/^2026-01-01T\d\d:00:00\.000Z$/);
  });
});
