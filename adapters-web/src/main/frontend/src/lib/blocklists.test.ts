import { describe, expect, it } from 'vitest';
import {
  bounded, changesSummary, checkSchedule, entriesSummary, importDone, importTone, lastImportBySource, mergeImports,
  refusalText, scheduleHint,
} from './blocklists';

describe('checkSchedule', () => {
  it('accepts durations the server accepts, with their length', () => {
    expect(checkSchedule('6h')).toMatchObject({ ok: true, kind: 'every', seconds: 21600 });
    expect(checkSchedule(' 30m ')).toMatchObject({ ok: true, kind: 'every', seconds: 1800 });
    expect(checkSchedule('1d')).toMatchObject({ ok: true, seconds: 86400 });
    expect(checkSchedule('300s')).toMatchObject({ ok: true, seconds: 300 });
  });
  it('refuses periods under 5 minutes or over 366 days', () => {
    expect(checkSchedule('4m')).toMatchObject({ ok: false, text: 'A schedule must be at least 5m.' });
    expect(checkSchedule('299s').ok).toBe(false);
    expect(checkSchedule('367d')).toMatchObject({ ok: false, text: 'A schedule must be at most 366d.' });
    expect(checkSchedule('366d').ok).toBe(true);
  });
  it('refuses what is neither a duration nor five fields', () => {
    expect(checkSchedule('').ok).toBe(false);
    expect(checkSchedule('6 hours').ok).toBe(false);
    expect(checkSchedule('6H').ok).toBe(false);
    expect(checkSchedule('06h').ok).toBe(false);
    expect(checkSchedule('1.5h').ok).toBe(false);
    expect(checkSchedule('0 3 * *').ok).toBe(false);
    expect(checkSchedule('x'.repeat(101)).ok).toBe(false);
  });
  it('takes five fields as a cron expression in UTC, and refuses odd characters in them', () => {
    const c = checkSchedule('0  3 * * 1-5');
    expect(c).toMatchObject({ ok: true, kind: 'cron' });
    expect(c.text).toContain('0 3 * * 1-5');
    expect(c.text).toContain('UTC');
    expect(checkSchedule('*/15 * * * MON').ok).toBe(true);
    expect(checkSchedule('0 3 * * $(x)').ok).toBe(false);
  });
});

describe('scheduleHint', () => {
  it('explains the rule while empty and the meaning once typed', () => {
    expect(scheduleHint('')).toContain('5-field cron');
    expect(scheduleHint('6h')).toBe('Every 6h, counted from the start of the previous import.');
    expect(scheduleHint('2m')).toBe('A schedule must be at least 5m.');
  });
});

describe('importTone', () => {
  it('maps each status of the API to a tone', () => {
    expect(importTone('succeeded')).toBe('ok');
    expect(importTone('partial')).toBe('warn');
    expect(importTone('interrupted')).toBe('warn');
    expect(importTone('failed')).toBe('bad');
    expect(importTone('running')).toBe('neutral');
    expect(importTone(undefined)).toBe('neutral');
  });
  it('knows when following an import can stop', () => {
    expect(importDone('running')).toBe(false);
    expect(importDone('failed')).toBe(true);
    expect(importDone('succeeded')).toBe(true);
  });
});

describe('entriesSummary', () => {
  it('leaves out the zero parts', () => {
    expect(entriesSummary({ total: 1200, valid: 1100, invalid: 50, duplicates: 1, ignored: 49 }))
      .toBe('1,200 entries: 1,100 valid, 50 invalid, 1 duplicate, 49 ignored');
    expect(entriesSummary({ total: 3, valid: 3, invalid: 0, duplicates: 0, ignored: 0 })).toBe('3 entries: 3 valid');
    expect(entriesSummary({ total: 1, valid: 0, invalid: 1, duplicates: 0, ignored: 0 })).toBe('1 entry: 0 valid, 1 invalid');
  });
});

describe('changesSummary', () => {
  it('says what an import changed', () => {
    expect(changesSummary({ banned: 3, unbanned: 1 })).toBe('banned 3, unbanned 1');
    expect(changesSummary({ banned: 0, unbanned: 0 })).toBe('no change');
    expect(changesSummary({ banned: 0, unbanned: 0, notModified: true })).toBe('list not modified since the previous import');
    expect(changesSummary({ banned: 0, unbanned: 0, status: 'running' })).toBe('running…');
  });
});

describe('bounded', () => {
  it('shows the first items and counts the rest, including what the server left out', () => {
    expect(bounded(['a', 'b', 'c'], 3, 2)).toEqual({ shown: ['a', 'b'], more: 'and 1 more' });
    expect(bounded(['a', 'b'], 2000, 5)).toEqual({ shown: ['a', 'b'], more: 'and 1,998 more' });
    expect(bounded(['a'], 1, 5)).toEqual({ shown: ['a'], more: undefined });
  });
});

describe('mergeImports', () => {
  const page = [{ id: 9, source: 1, s: 'succeeded' }, { id: 7, source: 2, s: 'failed' }];
  it('replaces followed rows and puts a new import on top of the first page', () => {
    const live = [{ id: 12, source: 1, s: 'running' }, { id: 7, source: 2, s: 'succeeded' }];
    expect(mergeImports(page, live, true).map(i => [i.id, i.s])).toEqual([[12, 'running'], [9, 'succeeded'], [7, 'succeeded']]);
  });
  it('prefers a page row that has ended over a followed copy still running', () => {
    const ended = [{ id: 9, source: 1, status: 'succeeded' }];
    expect(mergeImports(ended, [{ id: 9, source: 1, status: 'running' }], true)[0].status).toBe('succeeded');
    const running = [{ id: 9, source: 1, status: 'running' }];
    expect(mergeImports(running, [{ id: 9, source: 1, status: 'failed' }], true)[0].status).toBe('failed');
  });
  it('keeps other pages and other sources out', () => {
    const live = [{ id: 12, source: 1, s: 'running' }];
    expect(mergeImports(page, live, false).map(i => i.id)).toEqual([9, 7]);
    expect(mergeImports(page, live, true, 2).map(i => i.id)).toEqual([9, 7]);
    expect(mergeImports(page, [{ id: 3, source: 1, s: 'running' }], true).map(i => i.id)).toEqual([9, 7]);
    expect(mergeImports([], live, true).map(i => i.id)).toEqual([12]);
  });
});

describe('lastImportBySource', () => {
  it('keeps the newest import of each source', () => {
    const last = lastImportBySource([{ id: 5, source: 1 }, { id: 8, source: 1 }, { id: 6, source: 2 }]);
    expect(last.get(1)?.id).toBe(8);
    expect(last.get(2)?.id).toBe(6);
    expect(last.get(3)).toBeUndefined();
  });
});

describe('refusalText', () => {
  it('explains a running import and the refused lists, and leaves the rest to the server', () => {
    expect(refusalText('import_running')).toContain('already running');
    expect(refusalText('mostly_invalid')).toContain('invalid');
    expect(refusalText('unknown_blocklist')).toBeUndefined();
  });
});
