import { describe, expect, it } from 'vitest';
import { classifyDiff, classifyDiffLine, looksLikeDiff } from './diff';

describe('classifyDiffLine', () => {
  it('classifies the kinds of line', () => {
    expect(classifyDiffLine('@@ -1,3 +1,4 @@')).toBe('hunk');
    expect(classifyDiffLine('--- a/jail.local')).toBe('meta');
    expect(classifyDiffLine('+++ b/jail.local')).toBe('meta');
    expect(classifyDiffLine('\\ No newline at end of file')).toBe('meta');
    expect(classifyDiffLine('+maxretry = 3')).toBe('add');
    expect(classifyDiffLine('-maxretry = 5')).toBe('del');
    expect(classifyDiffLine(' [sshd]')).toBe('context');
    expect(classifyDiffLine('')).toBe('context');
  });
});

describe('classifyDiff', () => {
  const diff = '--- /dev/null\n+++ b/jail.local\n@@ -0,0 +1,3 @@\n+[DEFAULT]\n+bantime.increment = true\n+bantime.factor = 2\n';
  it('follows a real audit detail, without an empty last line', () => {
    expect(classifyDiff(diff).map(l => l.kind)).toEqual(['meta', 'meta', 'hunk', 'add', 'add', 'add']);
  });
  it('reads ---/+++ inside a hunk as removed/added lines, and headers after it again', () => {
    const text = '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n--- old comment\n+++ new comment\n context\n'
      + '--- a/y\n+++ b/y\n@@ -5 +5 @@\n-a\n+b\n';
    expect(classifyDiff(text).map(l => l.kind)).toEqual(
      ['meta', 'meta', 'hunk', 'del', 'add', 'context', 'meta', 'meta', 'hunk', 'del', 'add']);
  });
  it('keeps the text of each line', () => {
    expect(classifyDiff('@@ -1 +1 @@\r\n-a\r\n+b').map(l => l.text)).toEqual(['@@ -1 +1 @@', '-a', '+b']);
  });
});

describe('looksLikeDiff', () => {
  it('tells a diff from other details', () => {
    expect(looksLikeDiff('--- /dev/null\n+++ b/jail.local\n@@ -0,0 +1 @@\n+x\n')).toBe(true);
    expect(looksLikeDiff('invalid_value')).toBe(false);
    expect(looksLikeDiff('')).toBe(false);
    expect(looksLikeDiff('--- just dashes')).toBe(false);
  });
});
