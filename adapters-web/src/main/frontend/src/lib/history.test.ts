import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, endText, exportHref, filtersOfForm, formOfFilters, historyFromQuery, historyQuery } from './history';
import { isoToLocalInput } from './format';

describe('historyFromQuery and historyQuery', () => {
  it('reads the filters and the cursor from the URL', () => {
    const { filters, cursor } = historyFromQuery(new URLSearchParams('jail=sshd&origin=manual&since=2026-01-01T00:00:00.000Z&cursor=abc'));
    expect(filters).toEqual({ ...EMPTY_FILTERS, jail: 'sshd', origin: 'manual', since: '2026-01-01T00:00:00.000Z' });
    expect(cursor).toBe('abc');
  });
  it('keeps a page size the API takes and drops any other', () => {
    expect(historyFromQuery(new URLSearchParams('limit=200')).limit).toBe('200');
    expect(historyFromQuery(new URLSearchParams('limit=0')).limit).toBe('');
    expect(historyFromQuery(new URLSearchParams('limit=501')).limit).toBe('');
    expect(historyFromQuery(new URLSearchParams('limit=abc')).limit).toBe('');
  });
  it('sends only what is set, plus cursor and limit', () => {
    expect(historyQuery({ ...EMPTY_FILTERS, ip: '198.18.0.0/24' }, { cursor: 'c1', limit: 50 }))
      .toEqual({ ip: '198.18.0.0/24', cursor: 'c1', limit: '50' });
    expect(historyQuery(EMPTY_FILTERS, { cursor: '' })).toEqual({});
  });
  it('builds the export link with the filters and the format, never the cursor', () => {
    const href = exportHref({ ...EMPTY_FILTERS, ip: '198.18.0.0/24', country: 'DE' }, 'ndjson');
    expect(href.startsWith('/api/v1/history/export?')).toBe(true);
    const q = new URLSearchParams(href.split('?')[1]);
    expect(q.get('format')).toBe('ndjson');
    expect(q.get('ip')).toBe('198.18.0.0/24');
    expect(q.get('country')).toBe('DE');
    expect(q.has('cursor')).toBe(false);
  });
});

describe('filtersOfForm', () => {
  it('trims, capitalises the country and turns local times into instants', () => {
    const { filters, errors } = filtersOfForm({ ...EMPTY_FILTERS, jail: ' sshd ', country: 'de', since: '2026-03-01T10:00' });
    expect(errors).toEqual({});
    expect(filters.jail).toBe('sshd');
    expect(filters.country).toBe('DE');
    expect(filters.since).toBe(new Date('2026-03-01T10:00').toISOString());
    expect(filters.until).toBe('');
  });
  it('refuses a bad country, an unknown origin and an end before the start', () => {
    const { errors } = filtersOfForm({ ...EMPTY_FILTERS, country: 'DEU', origin: 'robot',
      since: '2026-03-02T10:00', until: '2026-03-01T10:00' });
    expect(Object.keys(errors).sort()).toEqual(['country', 'origin', 'until']);
  });
  it('round-trips the times through the URL form', () => {
    const iso = new Date('2026-03-01T10:30').toISOString();
    expect(isoToLocalInput(iso)).toBe('2026-03-01T10:30');
    expect(formOfFilters({ ...EMPTY_FILTERS, until: iso }).until).toBe('2026-03-01T10:30');
    expect(isoToLocalInput('garbage')).toBe('');
  });
});

describe('endText', () => {
  it('says how a ban ended', () => {
    expect(endText({ endedAt: null })).toBe('active');
    expect(endText({ endedAt: '2026-01-01T00:00:00Z', endReason: 'unbanned', endedBy: 'admin' })).toBe('unbanned by admin');
    expect(endText({ endedAt: '2026-01-01T00:00:00Z', endReason: 'expired' })).toBe('expired');
  });
});
