/** The world map's colour scale: pure, so the steps are unit-tested; the colours themselves are CSS variables. */

/**
 * Where {@code count} sits between no bans (0) and the busiest country ({@code max}, 1), on a logarithmic
 * scale so that one country with thousands of bans does not wash out every country with a few.
 */
export function intensity(count: number, max: number): number {
  if (!(count > 0) || !(max > 0)) return 0;
  if (count >= max) return 1;
  return Math.log1p(count) / Math.log1p(max);
}

/**
 * The fill of a country with {@code count} active bans when the busiest has {@code max}: `--map-empty` for
 * none, else a mix from `--map-low` (one ban) to `--map-high` (the busiest), in steps of 5 % so that small
 * changes of the counts do not repaint the map.
 */
export function banFill(count: number, max: number): string {
  if (!(count > 0)) return 'var(--map-empty)';
  const low = Math.log1p(1);
  const t = max <= 1 ? 1 : Math.max(0, (Math.log1p(Math.min(count, max)) - low) / (Math.log1p(max) - low));
  const percent = Math.round((t * 100) / 5) * 5;
  if (percent <= 0) return 'var(--map-low)';
  if (percent >= 100) return 'var(--map-high)';
  return `color-mix(in srgb, var(--map-high) ${percent}%, var(--map-low))`;
}

/** Counts for the map's legend: 1, the busiest count, and up to three round values between (log spaced). */
export function legendSteps(max: number): number[] {
  if (!(max >= 1)) return [];
  const steps = new Set<number>([1]);
  for (const f of [0.25, 0.5, 0.75]) {
    const v = niceRound(Math.expm1(Math.log1p(max) * f));
    if (v > 1 && v < max) steps.add(v);
  }
  steps.add(Math.floor(max));
  return [...steps].sort((a, b) => a - b);
}

/** Rounds down to 1, 2 or 5 times a power of ten. */
function niceRound(v: number): number {
  if (v < 1) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/** Country code to ban count, from the API's list (codes in upper case; later duplicates add up). */
export function countsByCountry(list: readonly { country: string; bans: number }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { country, bans } of list) {
    const code = country.toUpperCase();
    counts.set(code, (counts.get(code) ?? 0) + bans);
  }
  return counts;
}
