import { describe, expect, it } from 'vitest';
import { banFill, countsByCountry, intensity, legendSteps } from './mapScale';

describe('intensity', () => {
  it('is 0 without bans and 1 for the busiest country', () => {
    expect(intensity(0, 100)).toBe(0);
    expect(intensity(100, 100)).toBe(1);
    expect(intensity(5, 0)).toBe(0);
  });
  it('is logarithmic: 10 of 10,000 is far above 0.1 %', () => {
    expect(intensity(10, 10000)).toBeGreaterThan(0.25);
    expect(intensity(10, 10000)).toBeLessThan(0.3);
    expect(intensity(100, 10000)).toBeGreaterThan(intensity(10, 10000));
  });
});

describe('banFill', () => {
  it('uses the empty colour for no bans', () => {
    expect(banFill(0, 50)).toBe('var(--map-empty)');
    expect(banFill(Number.NaN, 50)).toBe('var(--map-empty)');
  });
  it('goes from the low colour (one ban) to the high colour (the busiest)', () => {
    expect(banFill(1, 1000)).toBe('var(--map-low)');
    expect(banFill(1000, 1000)).toBe('var(--map-high)');
    expect(banFill(1, 1)).toBe('var(--map-high)');
  });
  it('mixes in 5 % steps between', () => {
    const mid = banFill(31, 1000);
    expect(mid).toMatch(/^color-mix\(in srgb, var\(--map-high\) \d+%, var\(--map-low\)\)$/);
    const percent = Number(/(\d+)%/.exec(mid)![1]);
    expect(percent % 5).toBe(0);
    expect(percent).toBeGreaterThan(40);
    expect(percent).toBeLessThan(60);
  });
  it('never passes the high colour for counts above the maximum', () => {
    expect(banFill(5000, 1000)).toBe('var(--map-high)');
  });
});

describe('legendSteps', () => {
  it('is empty without bans', () => {
    expect(legendSteps(0)).toEqual([]);
  });
  it('starts at one and ends at the maximum, increasing', () => {
    const steps = legendSteps(10000);
    expect(steps[0]).toBe(1);
    expect(steps[steps.length - 1]).toBe(10000);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);
    expect(steps).toEqual([1, 5, 50, 500, 10000]);
  });
  it('has no duplicates for small maxima', () => {
    expect(legendSteps(1)).toEqual([1]);
    expect(legendSteps(3)).toEqual([1, 3]);
  });
});

describe('countsByCountry', () => {
  it('keys by upper-case code and adds duplicates', () => {
    const m = countsByCountry([{ country: 'de', bans: 2 }, { country: 'DE', bans: 3 }, { country: 'US', bans: 1 }]);
    expect(m.get('DE')).toBe(5);
    expect(m.get('US')).toBe(1);
    expect(m.size).toBe(2);
  });
});
