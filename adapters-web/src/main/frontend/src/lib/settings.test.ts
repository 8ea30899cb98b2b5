import { describe, expect, it } from 'vitest';
import { SERVER_SETTING_KEYS, booleanOptions, changedSettings, settingsForm } from './settings';

describe('server settings form', () => {
  const files = { loglevel: 'INFO', dbpurgeage: '1d', 'bantime.increment': 'true' };
  it('starts with every key the API accepts, empty where the files set none', () => {
    const form = settingsForm(files);
    expect(Object.keys(form)).toEqual([...SERVER_SETTING_KEYS]);
    expect(form['bantime.increment']).toBe('true');
    expect(form['bantime.factor']).toBe('');
  });
  it('sends only the keys that changed, trimmed', () => {
    const form = { ...settingsForm(files), dbpurgeage: ' 1d ', 'bantime.factor': ' 2 ', loglevel: 'DEBUG' };
    expect(changedSettings(files, form)).toEqual({ loglevel: 'DEBUG', 'bantime.factor': '2' });
  });
  it('sends nothing for an untouched form', () => {
    expect(changedSettings(files, settingsForm(files))).toEqual({});
  });
  it('sends an emptied key empty (the server refuses it next to the field), but not one never set', () => {
    const form = { ...settingsForm(files), 'bantime.increment': '', 'bantime.maxtime': '  ' };
    expect(changedSettings(files, form)).toEqual({ 'bantime.increment': '' });
  });
  it('ignores keys the API does not accept', () => {
    expect(changedSettings({}, { 'bantime.formula': 'x', loglevel: 'INFO' })).toEqual({ loglevel: 'INFO' });
  });
  it('offers the file\'s own spelling of a boolean, and "not set" only when unset', () => {
    expect(booleanOptions('yes').map(o => o.value)).toEqual(['yes', 'true', 'false']);
    expect(booleanOptions('').map(o => o.value)).toEqual(['', 'true', 'false']);
    expect(booleanOptions('false').map(o => o.value)).toEqual(['true', 'false']);
  });
});
