import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER, EMPTY_JAIL, createFieldOf, entryLines, initialActionRows, nameError, newActionRequest,
  newFilterRequest, newJailRequest, regexes,
} from './configCreate';

describe('nameError', () => {
  it('accepts what the server accepts', () => {
    expect(nameError('sshd')).toBeUndefined();
    expect(nameError(' my-jail_2.x ')).toBeUndefined();
  });
  it('refuses empty names, paths, leading dots and ..', () => {
    expect(nameError('  ')).toMatch(/Give a name/);
    expect(nameError('../etc')).toBeDefined();
    expect(nameError('.hidden')).toBeDefined();
    expect(nameError('a..b')).toBeDefined();
    expect(nameError('a/b')).toBeDefined();
    expect(nameError('a b')).toBeDefined();
    expect(nameError('x'.repeat(65))).toBeDefined();
    expect(nameError('x'.repeat(64))).toBeUndefined();
  });
});

describe('entryLines', () => {
  it('gives one trimmed entry a line without blank lines', () => {
    expect(entryLines(' /var/log/a.log \r\n\n  \n/var/log/b*.log\n')).toEqual(['/var/log/a.log', '/var/log/b*.log']);
    expect(entryLines('')).toEqual([]);
  });
});

describe('newJailRequest', () => {
  it('builds the body of a jail with a filter, log paths and values', () => {
    const r = newJailRequest({ ...EMPTY_JAIL, name: ' web ', filter: 'nginx-http-auth', logpath: '/var/log/nginx/error.log\n\n/srv/*.log',
      maxretry: '5', findtime: '10m', bantime: '1h 30m', enabled: false });
    expect(r).toEqual({ ok: true, body: { name: 'web', filter: 'nginx-http-auth',
      logpath: ['/var/log/nginx/error.log', '/srv/*.log'], values: { maxretry: '5', findtime: '10m', bantime: '1h 30m' }, enabled: false } });
  });
  it('builds a blocklist-only jail: no filter, no logpath, no values', () => {
    expect(newJailRequest({ ...EMPTY_JAIL, name: 'blocked' })).toEqual({ ok: true, body: { name: 'blocked', enabled: true } });
  });
  it('refuses relative log paths, naming them', () => {
    const r = newJailRequest({ ...EMPTY_JAIL, name: 'web', filter: 'sshd', logpath: '/ok.log\nvar/log/x.log' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.logpath).toMatch(/var\/log\/x\.log/);
  });
  it('needs log paths with a filter and none without', () => {
    const a = newJailRequest({ ...EMPTY_JAIL, name: 'web', filter: 'sshd' });
    const b = newJailRequest({ ...EMPTY_JAIL, name: 'web', logpath: '/var/log/auth.log' });
    expect(a.ok || a.errors.logpath).toMatch(/at least one log path/);
    expect(b.ok || b.errors.logpath).toMatch(/blocklist-only/);
  });
  it('checks maxretry, findtime and bantime shapes; -1 is for bantime only', () => {
    const r = newJailRequest({ ...EMPTY_JAIL, name: '', maxretry: '5x', findtime: '-1', bantime: 'soon' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['bantime', 'findtime', 'maxretry', 'name']);
    const ok = newJailRequest({ ...EMPTY_JAIL, name: 'x', bantime: '-1', findtime: '600' });
    expect(ok).toEqual({ ok: true, body: { name: 'x', enabled: true, values: { bantime: '-1', findtime: '600' } } });
    expect(newJailRequest({ ...EMPTY_JAIL, name: 'x', bantime: '2 days' }).ok).toBe(true);
    expect(newJailRequest({ ...EMPTY_JAIL, name: 'x', bantime: '1.5h' }).ok).toBe(true);
  });
});

describe('newFilterRequest', () => {
  it('sends the regexes as lists and leaves empty optional fields out', () => {
    expect(newFilterRequest({ ...EMPTY_FILTER, name: 'myapp', failregex: '^fail from <HOST>$\n\n^bad <HOST>\n' }))
      .toEqual({ ok: true, body: { name: 'myapp', failregex: ['^fail from <HOST>$', '^bad <HOST>'] } });
    expect(newFilterRequest({ name: 'myapp', failregex: 'x <HOST>', ignoreregex: ' ok \n', datepattern: ' {^LN-BEG} ' }))
      .toEqual({ ok: true, body: { name: 'myapp', failregex: ['x <HOST>'], ignoreregex: ['ok'], datepattern: '{^LN-BEG}' } });
  });
  it('needs a name and a failregex', () => {
    const r = newFilterRequest(EMPTY_FILTER);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['failregex', 'name']);
  });
  it('regexes alone serve the ad-hoc test, without a name', () => {
    expect(regexes({ failregex: 'a <HOST>', ignoreregex: '', datepattern: '' })).toEqual({ errors: {}, body: { failregex: ['a <HOST>'] } });
  });
});

describe('newActionRequest', () => {
  it('keeps the rows with values, normalised, under their keys', () => {
    const rows = initialActionRows().map(r => r.key === 'actionban' ? { ...r, value: 'echo ban <ip>  \r\n  >> /tmp/x\n' }
      : r.key === 'actionunban' ? { ...r, value: ' echo unban <ip> ' } : r);
    expect(newActionRequest('log-it', [...rows, { key: 'logfile', value: '/tmp/bans' }, { key: '', value: '' }])).toEqual({
      ok: true, body: { name: 'log-it', values: { actionban: 'echo ban <ip>\n  >> /tmp/x', actionunban: 'echo unban <ip>', logfile: '/tmp/bans' } },
    });
  });
  it('refuses bad and repeated keys per row, and an action without actionban', () => {
    const r = newActionRequest('a', [{ key: 'actionban', value: 'x' }, { key: 'ActionUnban', value: 'y' }, { key: 'actionban', value: 'z' },
      { key: '__name__', value: 'n' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['key-1', 'key-2', 'key-3']);
    const none = newActionRequest('a', initialActionRows());
    expect(none.ok || none.errors.actionban).toMatch(/actionban/);
  });
  it('starts with actionban and actionunban rows', () => {
    expect(initialActionRows().map(r => r.key)).toEqual(expect.arrayContaining(['actionban', 'actionunban']));
  });
});

describe('createFieldOf', () => {
  const JAIL = ['name', 'filter', 'logpath', 'maxretry', 'findtime', 'bantime'];
  it('maps the creation codes to their fields', () => {
    expect(createFieldOf('config_exists', "a jail named 'sshd' exists already", JAIL)).toBe('name');
    expect(createFieldOf('unknown_filter', "no filter 'nope'", JAIL)).toBe('filter');
    expect(createFieldOf('invalid_logpath', 'log paths are absolute', JAIL)).toBe('logpath');
    expect(createFieldOf('invalid_jail', 'give both a filter and log paths', JAIL)).toBe('logpath');
    expect(createFieldOf('invalid_value', "'maxretry' is not a whole number", JAIL)).toBe('maxretry');
    expect(createFieldOf('invalid_filter', 'a filter needs at least one failregex', ['name', 'failregex'])).toBe('failregex');
  });
  it('leaves the rest above the form', () => {
    expect(createFieldOf('config_invalid', 'ERROR ...', JAIL)).toBeUndefined();
    expect(createFieldOf('invalid_value', "'usedns' is not one of", JAIL)).toBeUndefined();
    expect(createFieldOf('invalid_values', 'a new jail\'s values are all set', JAIL)).toBeUndefined();
    expect(createFieldOf('rate_limited', undefined, JAIL)).toBeUndefined();
    expect(createFieldOf(undefined, undefined, JAIL)).toBeUndefined();
  });
});
