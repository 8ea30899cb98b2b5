import { describe, expect, it } from 'vitest';
import { jailRows, parseDurationInput, settingsBody, settingsForm } from './jails';

const counters = (name: string) => ({ name, currentlyFailed: 0, totalFailed: 1, currentlyBanned: 2, totalBanned: 3 });

describe('jailRows', () => {
  it('lists running jails with counters and configured ones that do not run, by name', () => {
    const rows = jailRows([counters('sshd'), counters('blocklist')],
      [{ name: 'sshd', enabled: true }, { name: 'apache', enabled: true }, { name: 'zz-off', enabled: false }]);
    expect(rows.map(r => [r.name, r.status])).toEqual([
      ['apache', 'stopped'], ['blocklist', 'running'], ['sshd', 'running'], ['zz-off', 'disabled']]);
    expect(rows[2].counters?.totalBanned).toBe(3);
    expect(rows[0].counters).toBeUndefined();
  });
  it('works without the configuration', () => {
    expect(jailRows([counters('sshd')]).map(r => r.status)).toEqual(['running']);
  });
});

describe('parseDurationInput', () => {
  it('reads seconds and units', () => {
    expect(parseDurationInput('600')).toBe(600);
    expect(parseDurationInput('10m')).toBe(600);
    expect(parseDurationInput('1h30m')).toBe(5400);
    expect(parseDurationInput(' 2d ')).toBe(172800);
    expect(parseDurationInput('1W')).toBe(604800);
  });
  it('accepts -1 only when a permanent ban is allowed', () => {
    expect(parseDurationInput('-1', true)).toBe(-1);
    expect(parseDurationInput('-1')).toBeUndefined();
  });
  it('refuses anything else', () => {
    for (const bad of ['', 'abc', '10x', '1.5h', '-5', 'm']) expect(parseDurationInput(bad, true)).toBeUndefined();
  });
});

describe('settingsBody', () => {
  const current = { bantime: 600, findtime: 600, maxretry: 3 };
  it('sends only what changed, with the persist choice', () => {
    const r = settingsBody({ bantime: '1h', findtime: '600', maxretry: '3', persist: true }, current);
    expect(r).toEqual({ body: { bantime: 3600, persist: true }, changed: true });
  });
  it('says when nothing changed', () => {
    expect(settingsBody(settingsForm(current, false), current)).toEqual({ body: { persist: false }, changed: false });
  });
  it('names every field to correct, with the API\'s names', () => {
    const r = settingsBody({ bantime: 'soon', findtime: '-1', maxretry: '0', persist: false }, current);
    expect('errors' in r && Object.keys(r.errors).sort()).toEqual(['bantime', 'findtime', 'maxretry']);
  });
  it('allows a permanent ban time', () => {
    expect(settingsBody({ bantime: '-1', findtime: '600', maxretry: '5', persist: false }, current))
      .toEqual({ body: { bantime: -1, maxretry: 5, persist: false }, changed: true });
  });
});
