import { describe, expect, it } from 'vitest';
import { passwordStrength } from './password';

describe('passwordStrength', () => {
  it('refuses what the server refuses: under 12 characters', () => {
    expect(passwordStrength('short').score).toBe(0);
    expect(passwordStrength('short').hints[0]).toContain('7 more');
    expect(passwordStrength('x'.repeat(1025)).label).toBe('too long');
  });
  it('rates a long mixed password strong', () => {
    expect(passwordStrength('Correct-Horse-Battery-9').score).toBe(4);
  });
  it('marks runs and repeated characters down', () => {
    expect(passwordStrength('aaaaaaaaaaaaaaaa').score).toBeLessThanOrEqual(1);
    expect(passwordStrength('123456789012').score).toBeLessThanOrEqual(2);
  });
});
