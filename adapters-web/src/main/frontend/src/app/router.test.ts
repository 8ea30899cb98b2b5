import { describe, expect, it } from 'vitest';
import { matchPath, path, safeNext, withQuery } from './router';

describe('matchPath', () => {
  it('matches a page and decodes its parameters', () => {
    expect(matchPath('/jails/:name', '/jails/sshd')).toEqual({ name: 'sshd' });
    expect(matchPath('/history/ip/:ip', '/history/ip/2001%3Adb8%3A%3A1')).toEqual({ ip: '2001:db8::1' });
  });
  it('ignores a trailing slash and refuses other shapes', () => {
    expect(matchPath('/jails', '/jails/')).toEqual({});
    expect(matchPath('/jails/:name', '/jails')).toBeNull();
    expect(matchPath('/jails/:name', '/jails/a/b')).toBeNull();
  });
  it('refuses a malformed escape instead of throwing', () => {
    expect(matchPath('/jails/:name', '/jails/%E0%A4%A')).toBeNull();
  });
});

describe('path and withQuery', () => {
  it('encodes each parameter as one segment', () => {
    expect(path('/api/v1/bans', 'sshd', '10.0.0.0/8')).toBe('/api/v1/bans/sshd/10.0.0.0%2F8');
  });
  it('leaves out empty query values', () => {
    expect(withQuery('/history', { jail: 'sshd', ip: '', limit: 50, cursor: undefined })).toBe('/history?jail=sshd&limit=50');
  });
});

describe('safeNext', () => {
  const origin = 'https://bangui.example.org';
  it('keeps a path of this origin with its query', () => {
    expect(safeNext('/jails/sshd?x=1', origin)).toBe('/jails/sshd?x=1');
  });
  it('never leads to another origin, whatever the spelling', () => {
    for (const next of ['//evil.example', '/\\evil.example', '/\\/evil.example', 'https://evil.example/',
      'javascript:alert(1)', '', null, 'jails']) {
      expect(safeNext(next, origin)).toBe('/dashboard');
    }
  });
});
