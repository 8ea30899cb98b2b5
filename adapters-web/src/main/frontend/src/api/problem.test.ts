import { describe, expect, it } from 'vitest';
import { ApiError, describe as describeError, fieldOfProblem, retryAfterSeconds, toProblem } from './problem';

describe('fieldOfProblem', () => {
  const fields = ['jail', 'ip', 'setupToken', 'password'];
  it('maps invalid_<field> to the field, camel case included', () => {
    expect(fieldOfProblem({ status: 400, code: 'invalid_ip' }, fields)).toBe('ip');
    expect(fieldOfProblem({ status: 400, code: 'invalid_setup_token' }, fields)).toBe('setupToken');
  });
  it('maps known codes that do not follow the pattern', () => {
    expect(fieldOfProblem({ status: 400, code: 'weak_password' }, fields)).toBe('password');
    expect(fieldOfProblem({ status: 422, code: 'too_wide' }, fields)).toBe('ip');
  });
  it('maps the blocklist form\'s refusals to its fields', () => {
    const form = ['name', 'url', 'jail', 'schedule', 'enabled'];
    expect(fieldOfProblem({ status: 400, code: 'invalid_url' }, form)).toBe('url');
    expect(fieldOfProblem({ status: 400, code: 'invalid_schedule' }, form)).toBe('schedule');
    expect(fieldOfProblem({ status: 400, code: 'invalid_name' }, form)).toBe('name');
    expect(fieldOfProblem({ status: 409, code: 'name_taken' }, form)).toBe('name');
    expect(fieldOfProblem({ status: 422, code: 'unknown_jail' }, form)).toBe('jail');
    expect(fieldOfProblem({ status: 409, code: 'import_running' }, form)).toBeUndefined();
  });
  it('maps the ban refusals to the address or the jail', () => {
    expect(fieldOfProblem({ status: 400, code: 'address_not_bannable' }, fields)).toBe('ip');
    expect(fieldOfProblem({ status: 409, code: 'address_ignored' }, fields)).toBe('ip');
    expect(fieldOfProblem({ status: 409, code: 'already_banned' }, fields)).toBe('ip');
    expect(fieldOfProblem({ status: 400, code: 'invalid_jail_name' }, fields)).toBe('jail');
    expect(fieldOfProblem({ status: 404, code: 'unknown_jail' }, fields)).toBe('jail');
  });
  it('puts a reversed time range on the end of the range', () => {
    expect(fieldOfProblem({ status: 400, code: 'invalid_time_range' }, ['since', 'until'])).toBe('until');
    expect(fieldOfProblem({ status: 400, code: 'invalid_time_range' }, fields)).toBeUndefined();
  });
  it('leaves problems about no field of the form above the form', () => {
    expect(fieldOfProblem({ status: 400, code: 'invalid_schedule' }, fields)).toBeUndefined();
    expect(fieldOfProblem({ status: 503, code: 'fail2ban_unavailable' }, fields)).toBeUndefined();
  });
});

describe('fieldOfProblem with dotted keys (server settings)', () => {
  const fields = ['loglevel', 'dbpurgeage', 'bantime.increment', 'bantime.factor', 'bantime.maxtime'];
  it('maps the pattern and aliases to keys', () => {
    expect(fieldOfProblem({ status: 400, code: 'invalid_loglevel' }, fields)).toBe('loglevel');
    expect(fieldOfProblem({ status: 400, code: 'invalid_dbpurgeage' }, fields)).toBe('dbpurgeage');
    expect(fieldOfProblem({ status: 400, code: 'dbpurgeage_too_short' }, fields)).toBe('dbpurgeage');
  });
  it('maps invalid_value to the key its detail quotes, dots and all', () => {
    expect(fieldOfProblem({ status: 400, code: 'invalid_value',
      detail: "'bantime.factor' is not in the format fail2ban expects for it" }, fields)).toBe('bantime.factor');
    expect(fieldOfProblem({ status: 400, code: 'invalid_value',
      detail: "the value of 'bantime.maxtime' has a ';' at the start of a line" }, fields)).toBe('bantime.maxtime');
  });
  it('leaves invalid_value above the form when the quoted key is not a field', () => {
    expect(fieldOfProblem({ status: 400, code: 'invalid_value', detail: "'bantime.formula' needs a value" }, fields))
      .toBeUndefined();
    expect(fieldOfProblem({ status: 400, code: 'invalid_value' }, fields)).toBeUndefined();
    expect(fieldOfProblem({ status: 400, code: 'invalid_key', detail: 'settable: loglevel, dbpurgeage' }, fields))
      .toBeUndefined();
  });
  it('maps invalid_time by the word its detail starts with', () => {
    const time = ['action', 'since', 'until'];
    expect(fieldOfProblem({ status: 400, code: 'invalid_time', detail: 'until must be an ISO-8601 instant' }, time))
      .toBe('until');
    expect(fieldOfProblem({ status: 400, code: 'invalid_time', detail: 'must be an instant' }, time)).toBeUndefined();
  });
});

describe('toProblem', () => {
  it('keeps BanGUI\'s problem documents', () => {
    const p = toProblem(409, { code: 'import_running', detail: 'an import is running', status: 409 });
    expect(p.code).toBe('import_running');
  });
  it('turns a foreign body (a proxy\'s HTML) into a status problem', () => {
    const p = toProblem(502, '<html>Bad gateway</html>', 'Bad Gateway');
    expect(p.code).toBe('http_502');
    expect(p.detail).toContain('502');
  });
  it('describes a network failure', () => {
    expect(toProblem(0, undefined).code).toBe('network');
  });
});

describe('describe and retryAfterSeconds', () => {
  it('adds the retry time to a throttled answer', () => {
    const e = new ApiError({ status: 429, code: 'rate_limited', detail: 'too many login attempts' }, 30);
    expect(describeError(e)).toBe('Too many login attempts. Try again in 30 s.');
  });
  it('reads only whole seconds from Retry-After', () => {
    expect(retryAfterSeconds('12')).toBe(12);
    expect(retryAfterSeconds('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });
});
