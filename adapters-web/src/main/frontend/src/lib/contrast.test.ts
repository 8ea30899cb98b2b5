import { describe, expect, it } from 'vitest';
import css from '../styles.css?raw';
import { contrastRatio, cssVariables } from './contrast';

describe('contrastRatio', () => {
  it('gives the WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('the stylesheet\'s themes meet WCAG AA', () => {
  const light = cssVariables(css, ':root');
  const dark = { ...light, ...cssVariables(css, ":root[data-theme='dark']") };
  const darkBySystem = { ...light, ...cssVariables(css, ":root:not([data-theme='light'])") };
  const text = [['text', 'bg'], ['text', 'surface'], ['muted', 'bg'], ['muted', 'surface'], ['accent', 'bg'], ['accent', 'surface'],
    ['accent-text', 'accent'], ['danger-text', 'danger'], ['ok', 'surface'], ['warn', 'surface'], ['bad', 'surface'],
    ['ok', 'bg'], ['warn', 'bg'], ['bad', 'bg']];
  const nonText = [['focus', 'bg'], ['focus', 'surface'], ['control-border', 'bg'], ['control-border', 'surface']];
  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    it(`${name}: text 4.5:1, focus ring and control borders 3:1`, () => {
      const failing: string[] = [];
      for (const [f, b] of text) if (contrastRatio(theme[f], theme[b]) < 4.5) failing.push(`${f} on ${b}`);
      for (const [f, b] of nonText) if (contrastRatio(theme[f], theme[b]) < 3) failing.push(`${f} on ${b}`);
      expect(failing).toEqual([]);
    });
  }
  it('the system dark theme has the same colours as the chosen dark theme', () => {
    expect(darkBySystem).toEqual(dark);
  });
});
