/** Jobs page logic: run outcome tones, the scheduler's role as a sentence, refusals of "Run now". */
import type { Tone } from './blocklists';

/** The badge tone and label of a run's outcome; a run without outcome is still running. */
export function outcomeBadge(outcome: string | null | undefined): { tone: Tone; label: string } {
  switch (outcome) {
    case 'succeeded': return { tone: 'ok', label: 'succeeded' };
    case 'failed': return { tone: 'bad', label: 'failed' };
    case 'interrupted': return { tone: 'warn', label: 'interrupted' };
    case 'skipped': return { tone: 'neutral', label: 'skipped' };
    case null:
    case undefined:
    case '': return { tone: 'neutral', label: 'running' };
    default: return { tone: 'neutral', label: outcome };
  }
}

export interface Scheduler { role: string; instance: string; holder?: string | null; backend: string }

/** What the scheduler does on this instance, in one sentence. */
export function schedulerSentence(s: Scheduler): string {
  switch (s.role) {
    case 'leader':
      return `This instance (${s.instance}) holds the scheduler lock and runs the jobs.`;
    case 'standby':
      return s.holder
        ? `This instance (${s.instance}) is on standby; ${s.holder} holds the scheduler lock and runs the jobs.`
        : `This instance (${s.instance}) is on standby; nobody holds the scheduler lock right now.`;
    case 'disabled':
      return `The scheduler is disabled on this instance (${s.instance}); no jobs run here.`;
    default:
      return `Scheduler role on ${s.instance}: ${s.role}.`;
  }
}

/** The tone of the scheduler's role: leader ok, standby neutral, disabled warn. */
export function roleTone(role: string): Tone {
  return role === 'leader' ? 'ok' : role === 'disabled' ? 'warn' : 'neutral';
}

/**
 * The readable sentence for a refused "Run now", by code; undefined to show the server's own detail (a standby
 * refusal names the instance that runs the jobs).
 */
export function runRefusal(code: string | undefined, job: string): string | undefined {
  switch (code) {
    case 'job_running': return `${job} is running already; run it again when it has ended.`;
    case 'unknown_job': return `There is no job named ${job}.`;
    default: return undefined;
  }
}
