/** Feedback on a new password while it is typed; the server's rule (12 to 1024 characters) is the only hard one. */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 1024;

export interface Strength {
  /** 0 (refused) to 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: 'too short' | 'too long' | 'weak' | 'fair' | 'good' | 'strong';
  /** What would make it better; empty when nothing would. */
  hints: string[];
}

export function passwordStrength(password: string): Strength {
  const length = [...password].length;
  if (length < MIN_PASSWORD) {
    return { score: 0, label: 'too short', hints: [`use at least ${MIN_PASSWORD} characters (${MIN_PASSWORD - length} more)`] };
  }
  if (length > MAX_PASSWORD) return { score: 0, label: 'too long', hints: [`use at most ${MAX_PASSWORD} characters`] };
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(r => r.test(password)).length;
  const distinct = new Set(password).size;
  const hints: string[] = [];
  let points = 1;
  if (length >= 16) points++; else hints.push('16 characters or more is stronger');
  if (classes >= 3) points++; else hints.push('mix lower and upper case, digits and symbols');
  if (distinct >= Math.min(10, length * 0.6)) points++; else hints.push('avoid repeated characters');
  if (/(.)\1{3,}/.test(password) || /^(?:0123|1234|abcd|qwer|pass)/i.test(password)) {
    points = Math.max(1, points - 2);
    hints.push('avoid runs and common sequences');
  }
  const score = Math.min(4, points) as Strength['score'];
  const label = (['too short', 'weak', 'fair', 'good', 'strong'] as const)[score];
  return { score, label, hints };
}
