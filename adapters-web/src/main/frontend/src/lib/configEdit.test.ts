import { describe, expect, it } from 'vitest';
import {
  changedValues, editableKeys, filterNames, formatAssignment, initialForm, isMultiLine,
  keyOfInvalidValue, normaliseValue, parseReloadFailure, sampleLines, valuesDiff, type Values,
} from './configEdit';
import { classifyDiff } from './diff';

const SSHD: Values = {
  enabled: { value: 'true', file: 'jail.conf', section: 'sshd', line: 14 },
  maxretry: { value: '3', file: 'jail.conf', section: 'DEFAULT', line: 6 },
  bantime: { value: '1h', file: 'jail.d/sshd.local', section: 'sshd', line: 2 },
  logpath: { value: '/var/log/auth.log\n/var/log/secure', file: 'jail.conf', section: 'sshd', line: 17 },
};

describe('normaliseValue', () => {
  it('trims a single line and unifies line breaks', () => {
    expect(normaliseValue('  5  ')).toBe('5');
    expect(normaliseValue('a\r\nb\rc')).toBe('a\nb\nc');
  });
  it('drops blank lines at the ends and trailing blanks, keeps inner indentation', () => {
    expect(normaliseValue('\n  \n^a <HOST>  \n  ^b\n\n')).toBe('^a <HOST>\n  ^b');
  });
});

describe('isMultiLine', () => {
  it('knows list keys, also as init/ or with any value', () => {
    expect(isMultiLine('failregex', '^x')).toBe(true);
    expect(isMultiLine('logpath', '/a')).toBe(true);
    expect(isMultiLine('maxretry', '3')).toBe(false);
    expect(isMultiLine('custom', 'a\nb')).toBe(true);
  });
});

describe('editableKeys and initialForm', () => {
  it('leaves a jail\'s enabled to its buttons, but not a filter\'s keys', () => {
    expect(editableKeys(SSHD, 'jails')).toEqual(['bantime', 'logpath', 'maxretry']);
    expect(editableKeys(SSHD, 'filters')).toContain('enabled');
    expect(initialForm(SSHD, ['maxretry', 'logpath'])).toEqual({ maxretry: '3', logpath: '/var/log/auth.log\n/var/log/secure' });
  });
});

describe('changedValues', () => {
  it('sends only changed keys', () => {
    const form = { ...initialForm(SSHD, editableKeys(SSHD, 'jails')), maxretry: '5' };
    expect(changedValues(SSHD, form)).toEqual({ maxretry: '5' });
  });
  it('ignores whitespace-only differences, also in multi-line values', () => {
    const form = { maxretry: ' 3 ', logpath: '/var/log/auth.log  \r\n/var/log/secure\n\n' };
    expect(changedValues(SSHD, form)).toEqual({});
  });
  it('sends a multi-line value as one text with \\n', () => {
    expect(changedValues(SSHD, { logpath: '/var/log/auth.log\r\n/var/log/other' }))
      .toEqual({ logpath: '/var/log/auth.log\n/var/log/other' });
  });
  it('turns a cleared override into null, a cleared value of another file into an empty value', () => {
    expect(changedValues(SSHD, { bantime: '   ' })).toEqual({ bantime: null });
    expect(changedValues(SSHD, { maxretry: '' })).toEqual({ maxretry: '' });
  });
  it('removes an override on request even when the text is unchanged, never a value of another file', () => {
    expect(changedValues(SSHD, { bantime: '1h', maxretry: '3' }, new Set(['bantime', 'maxretry'])))
      .toEqual({ bantime: null });
  });
  it('adds a new key only with a value', () => {
    expect(changedValues(SSHD, { findtime: '10m', usedns: '' })).toEqual({ findtime: '10m' });
  });
});

describe('valuesDiff', () => {
  it('is empty without changes', () => {
    expect(valuesDiff('sshd', SSHD, {})).toBe('');
  });
  it('shows old and new assignments per key, sorted, with where the old one came from', () => {
    const diff = valuesDiff('sshd', SSHD, { maxretry: '5', findtime: '10m' });
    expect(diff).toBe([
      '--- sshd (now)', '+++ sshd (after saving)',
      '@@ -0 +1 @@ findtime new key', '+findtime = 10m',
      '@@ -1 +1 @@ maxretry jail.conf:6', '-maxretry = 3', '+maxretry = 5',
    ].join('\n') + '\n');
  });
  it('indents continuation lines of multi-line values', () => {
    const diff = valuesDiff('sshd', SSHD, { logpath: '/a\n/b' });
    expect(diff).toContain('-logpath = /var/log/auth.log\n-          /var/log/secure\n+logpath = /a\n+          /b\n');
  });
  it('shows a removed override as a deletion and a note', () => {
    const lines = classifyDiff(valuesDiff('sshd', SSHD, { bantime: null }));
    expect(lines.map(l => l.kind)).toEqual(['meta', 'meta', 'hunk', 'del', 'context']);
    expect(lines[3].text).toBe('-bantime = 1h');
  });
});

describe('formatAssignment', () => {
  it('writes an empty value without trailing blanks', () => {
    expect(formatAssignment('ignoreregex', '')).toEqual(['ignoreregex =']);
  });
});

describe('parseReloadFailure', () => {
  it('reads jails down, recovery, restored files and fail2ban\'s message (which may hold "; ")', () => {
    const f = parseReloadFailure('the reload left jails down: sshd, nginx; every jail runs again; restored '
      + 'jail.d/sshd.local, filter.d/x.local; could not restore jail.d/y.local; fail2ban: Have not found any log '
      + 'file; giving up');
    expect(f).toEqual({
      failure: 'the reload left jails down: sshd, nginx', down: ['sshd', 'nginx'], recovery: 'every jail runs again',
      restored: ['jail.d/sshd.local', 'filter.d/x.local'], notRestored: ['jail.d/y.local'],
      fail2ban: 'Have not found any log file; giving up',
    });
  });
  it('reads a failure with nothing to restore and a failed recovery', () => {
    const f = parseReloadFailure('the reload failed; the recovery reload failed too: it did not complete; '
      + 'no file changed through BanGUI to restore');
    expect(f.failure).toBe('the reload failed');
    expect(f.down).toEqual([]);
    expect(f.recovery).toBe('the recovery reload failed too: it did not complete');
    expect(f.restored).toEqual([]);
    expect(f.fail2ban).toBeUndefined();
  });
  it('survives an empty detail', () => {
    expect(parseReloadFailure(undefined).failure).toBe('the reload failed');
  });
});

describe('small helpers', () => {
  it('finds the key of an invalid_value', () => {
    expect(keyOfInvalidValue('invalid_value', "'maxretry' is not in the format fail2ban expects for it")).toBe('maxretry');
    expect(keyOfInvalidValue('config_invalid', "'maxretry' is bad")).toBeUndefined();
  });
  it('splits sample lines, leaving blank ones out', () => {
    expect(sampleLines('a\r\n\n  \nb')).toEqual(['a', 'b']);
  });
  it('filters names by every word', () => {
    expect(filterNames(['apache-auth', 'nginx-http-auth', 'sshd'], 'AUTH nginx')).toEqual(['nginx-http-auth']);
    expect(filterNames(['a', 'b'], '  ')).toEqual(['a', 'b']);
  });
});
