import { describe, expect, it } from 'vitest';
import {
  banFiltersFromQuery, banKey, banListQuery, expiryText, limitRows, parseBanKey, pruneSelection, runBulk,
  selectionState, sortBans, toggleAll, toggleKey,
} from './bans';

describe('filters', () => {
  it('reads jail and ip from the query string, trimmed, empty when missing', () => {
    expect(banFiltersFromQuery(new URLSearchParams('jail=sshd&ip=%20198.18.0.0%2F24 '))).toEqual({ jail: 'sshd', ip: '198.18.0.0/24' });
    expect(banFiltersFromQuery(new URLSearchParams(''))).toEqual({ jail: '', ip: '' });
  });
  it('sends only the filters given', () => {
    expect(banListQuery({ jail: ' ', ip: '1.2.3.4 ' })).toEqual({ ip: '1.2.3.4' });
    expect(banListQuery({ jail: 'sshd', ip: '' })).toEqual({ jail: 'sshd' });
  });
});

describe('selection', () => {
  const a = banKey({ jail: 'sshd', ip: '1.2.3.4' });
  const b = banKey({ jail: 'sshd', ip: '198.18.0.0/24' });
  const c = banKey({ jail: 'web', ip: '1.2.3.4' });
  it('keys tell jail and address apart and parse back', () => {
    expect(a).not.toBe(c);
    expect(parseBanKey(b)).toEqual({ jail: 'sshd', ip: '198.18.0.0/24' });
  });
  it('toggles one key without changing the old set', () => {
    const s = new Set([a]);
    expect([...toggleKey(s, b)].sort()).toEqual([a, b].sort());
    expect([...toggleKey(s, a)]).toEqual([]);
    expect([...s]).toEqual([a]);
  });
  it('select all selects the visible rows, or unselects them when all were selected', () => {
    const some = toggleAll(new Set([a]), [a, b]);
    expect(selectionState(some, [a, b])).toBe('all');
    const none = toggleAll(new Set([a, b, c]), [a, b]);
    expect([...none]).toEqual([c]);
    expect(selectionState(none, [a, b])).toBe('none');
    expect(selectionState(new Set([a]), [a, b])).toBe('some');
  });
  it('drops selected bans that left the list', () => {
    expect([...pruneSelection(new Set([a, b]), [b, c])]).toEqual([b]);
    const same = new Set([a]);
    expect(pruneSelection(same, [a, b])).toBe(same);
  });
});

describe('limitRows', () => {
  const rows = Array.from({ length: 450 }, (_, i) => i);
  it('shows the first rows and counts the rest', () => {
    const { shown, hidden } = limitRows(rows, 200);
    expect(shown.length).toBe(200);
    expect(shown[199]).toBe(199);
    expect(hidden).toBe(250);
  });
  it('shows everything when it fits', () => {
    expect(limitRows(rows, 1000)).toEqual({ shown: rows, hidden: 0 });
  });
  it('falls back to one step for a nonsense limit', () => {
    expect(limitRows(rows, 0).shown.length).toBe(200);
    expect(limitRows(rows, Number.NaN).hidden).toBe(250);
  });
});

describe('sortBans and expiryText', () => {
  const ban = (jail: string, ip: string, bannedAt: string) =>
    ({ jail, ip, bannedAt, banTimeSeconds: 600, permanent: false, expiresAt: null });
  it('puts the newest first, then by jail and address', () => {
    const sorted = sortBans([ban('web', '1.1.1.1', '2026-01-01T00:00:00Z'), ban('sshd', '2.2.2.2', '2026-01-02T00:00:00Z'),
      ban('sshd', '1.1.1.1', '2026-01-01T00:00:00Z')]);
    expect(sorted.map(b => `${b.jail} ${b.ip}`)).toEqual(['sshd 2.2.2.2', 'sshd 1.1.1.1', 'web 1.1.1.1']);
  });
  it('describes length and time left', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(expiryText({ ...ban('s', 'i', ''), banTimeSeconds: 3600, expiresAt: '2026-01-01T12:45:00Z' }, now)).toBe('1h (45m left)');
    expect(expiryText({ ...ban('s', 'i', ''), expiresAt: '2026-01-01T11:00:00Z' }, now)).toBe('10m (expired)');
    expect(expiryText({ ...ban('s', 'i', ''), permanent: true, banTimeSeconds: -1 }, now)).toBe('permanent');
  });
});

describe('runBulk', () => {
  it('runs every item, keeps the order, and reports each failure', async () => {
    const results = await runBulk([1, 2, 3, 4], async n => { if (n % 2 === 0) throw new Error(`no ${n}`); }, { concurrency: 2 });
    expect(results.map(r => r.ok)).toEqual([true, false, true, false]);
    expect((results[1].error as Error).message).toBe('no 2');
  });
  it('never runs more than the concurrency at once', async () => {
    let running = 0, peak = 0;
    await runBulk(Array.from({ length: 7 }, (_, i) => i), async () => {
      running++; peak = Math.max(peak, running);
      await new Promise(r => setTimeout(r, 1));
      running--;
    }, { concurrency: 3 });
    expect(peak).toBe(3);
  });
  it('waits and retries a throttled item, then gives up after the retries', async () => {
    const waits: number[] = [];
    let calls = 0;
    const results = await runBulk(['x'], async () => { calls++; if (calls < 3) throw new Error('429'); },
      { retryAfter: e => ((e as Error).message === '429' ? 2 : undefined), sleep: async ms => { waits.push(ms); } });
    expect(results[0].ok).toBe(true);
    expect(waits).toEqual([2000, 2000]);
    const always = await runBulk(['y'], async () => { throw new Error('429'); },
      { retryAfter: () => 1, maxRetries: 2, sleep: async () => {} });
    expect(always[0].ok).toBe(false);
  });
  it('counts progress and handles an empty list', async () => {
    const seen: number[] = [];
    await runBulk([1, 2], async () => {}, { onProgress: d => seen.push(d) });
    expect(seen).toEqual([1, 2]);
    expect(await runBulk([], async () => {})).toEqual([]);
  });
});
