/** Reading unified diffs (config changes, audit details) for display; pure, so it is unit-tested. */

export type DiffLineKind = 'add' | 'del' | 'hunk' | 'meta' | 'context';

/**
 * One line of a unified diff on its own: `@@` hunk headers, `---`/`+++` file headers and `diff`/`index`/`\`
 * lines as meta, `+` added, `-` removed, anything else context. Without the hunk counts a removed line whose
 * text starts with `-- ` reads as a header; {@link classifyDiff} knows better.
 */
export function classifyDiffLine(line: string): DiffLineKind {
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+++ ') || line.startsWith('--- ') || line === '+++' || line === '---') return 'meta';
  if (line.startsWith('diff ') || line.startsWith('index ') || line.startsWith('\\')) return 'meta';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'del';
  return 'context';
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/**
 * A whole diff, line by line, using the hunk headers' counts: inside a hunk `--- x`/`+++ x` are removed/added
 * lines, outside they are file headers. A trailing newline does not make an empty last line.
 */
export function classifyDiff(text: string): { kind: DiffLineKind; text: string }[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let oldLeft = 0;
  let newLeft = 0;
  return lines.map(line => {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('+')) { newLeft--; return { kind: 'add' as const, text: line }; }
      if (line.startsWith('-')) { oldLeft--; return { kind: 'del' as const, text: line }; }
      if (line.startsWith('\\')) return { kind: 'meta' as const, text: line };
      if (line.startsWith(' ') || line === '') { oldLeft--; newLeft--; return { kind: 'context' as const, text: line }; }
    }
    const hunk = HUNK.exec(line);
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      newLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      return { kind: 'hunk' as const, text: line };
    }
    oldLeft = 0;
    newLeft = 0;
    return { kind: classifyDiffLine(line), text: line };
  });
}

/** Whether a text is a unified diff (starts with file headers, `diff` or a hunk). */
export function looksLikeDiff(text: string): boolean {
  return /^(--- \S|diff |@@ -\d)/.test(text) && /\n@@ -\d|^@@ -\d/.test(text);
}
