import { describe, expect, it } from 'vitest';
import { outcomeBadge, roleTone, runRefusal, schedulerSentence } from './jobs';

describe('outcomeBadge', () => {
  it('maps outcomes to tones, and no outcome to running', () => {
    expect(outcomeBadge('succeeded')).toEqual({ tone: 'ok', label: 'succeeded' });
    expect(outcomeBadge('failed').tone).toBe('bad');
    expect(outcomeBadge('interrupted').tone).toBe('warn');
    expect(outcomeBadge('skipped').tone).toBe('neutral');
    expect(outcomeBadge(null)).toEqual({ tone: 'neutral', label: 'running' });
    expect(outcomeBadge('new_kind')).toEqual({ tone: 'neutral', label: 'new_kind' });
  });
});

describe('schedulerSentence', () => {
  it('names who runs the jobs', () => {
    expect(schedulerSentence({ role: 'leader', instance: 'a:1', holder: 'a:1', backend: 'local' }))
      .toContain('holds the scheduler lock');
    expect(schedulerSentence({ role: 'standby', instance: 'a:1', holder: 'b:2', backend: 'redis' }))
      .toContain('b:2 holds the scheduler lock');
    expect(schedulerSentence({ role: 'standby', instance: 'a:1', holder: null, backend: 'redis' }))
      .toContain('nobody holds');
    expect(schedulerSentence({ role: 'disabled', instance: 'a:1', backend: 'local' })).toContain('disabled');
  });
  it('gives roles a tone', () => {
    expect(roleTone('leader')).toBe('ok');
    expect(roleTone('standby')).toBe('neutral');
    expect(roleTone('disabled')).toBe('warn');
  });
});

describe('runRefusal', () => {
  it('explains a running job and leaves standby to the server, which names the holder', () => {
    expect(runRefusal('job_running', 'geoip-update')).toBe('geoip-update is running already; run it again when it has ended.');
    expect(runRefusal('standby', 'x')).toBeUndefined();
  });
});
