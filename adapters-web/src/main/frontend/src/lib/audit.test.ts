import { describe, expect, it } from 'vitest';
import { actionLabel, auditApiQuery, auditFilterFromForm, auditFilterFromQuery, auditQuery } from './audit';
import { isoToLocalInput } from './format';
import { withQuery } from '../app/router';

describe('audit filters', () => {
  it('reads the filter from the URL, dropping unknown actions and unreadable times', () => {
    const f = auditFilterFromQuery(new URLSearchParams('action=config_update&since=2026-11-21T06:00:00.000Z&until=soon&cursor=YmVmb3JlOjk'));
    expect(f).toEqual({ action: 'config_update', since: '2026-11-21T06:00:00.000Z', until: '', cursor: 'YmVmb3JlOjk' });
    expect(auditFilterFromQuery(new URLSearchParams('action=drop_tables')).action).toBe('');
  });
  it('builds the URL with only what is set, the cursor last', () => {
    const filter = { action: 'ban', since: '', until: '2026-11-22T00:00:00.000Z' };
    expect(withQuery('/audit', auditQuery(filter))).toBe('/audit?action=ban&until=2026-11-22T00%3A00%3A00.000Z');
    expect(withQuery('/audit', auditQuery(filter, 'abc'))).toBe('/audit?action=ban&until=2026-11-22T00%3A00%3A00.000Z&cursor=abc');
    expect(withQuery('/audit', auditQuery({ action: '', since: '', until: '' }))).toBe('/audit');
  });
  it('builds the API query with the page size and without empty parameters', () => {
    expect(auditApiQuery({ action: '', since: '', until: '' }, '', 50)).toEqual({ limit: '50' });
    expect(auditApiQuery({ action: 'login', since: 'S', until: 'U' }, 'C', 25))
      .toEqual({ action: 'login', since: 'S', until: 'U', cursor: 'C', limit: '25' });
  });
  it('turns local form times into instants and refuses a reversed range', () => {
    const r = auditFilterFromForm({ action: '', since: '2026-11-21T06:00', until: '' });
    expect(r).toEqual({ filter: { action: '', since: new Date('2026-11-21T06:00').toISOString(), until: '' } });
    expect(auditFilterFromForm({ action: '', since: '2026-11-22T06:00', until: '2026-11-21T06:00' }))
      .toEqual({ field: 'until', message: 'Until is before since.' });
    expect(auditFilterFromForm({ action: '', since: 'garbage', until: '' })).toMatchObject({ field: 'since' });
  });
  it('round-trips an instant through the datetime-local value (minutes)', () => {
    const iso = new Date('2026-03-05T07:08:00').toISOString();
    expect(isoToLocalInput(iso)).toBe('2026-03-05T07:08');
    expect(isoToLocalInput('')).toBe('');
    expect(isoToLocalInput('nope')).toBe('');
  });
  it('labels actions', () => {
    expect(actionLabel('jail_ignoreip_add')).toBe('Jail ignoreip add');
  });
});
