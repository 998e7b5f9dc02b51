// Myers' O(ND) line diff, with hunks in unified-diff shape. Used for the Git
// view, version-to-version template diffs and the upgrade assistant.

/** One line of a hunk: ' ' context, '-' removed, '+' added. */
export interface DiffLine { kind: ' ' | '-' | '+'; text: string; oldLine?: number; newLine?: number }

/** A run of changes with surrounding context, like a unified-diff `@@` block. */
export interface DiffHunk { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: DiffLine[] }

/** An edit script entry: lines [oldStart, oldEnd) replaced by new lines [newStart, newEnd) (0-based). */
export interface LineChange { oldStart: number; oldEnd: number; newStart: number; newEnd: number }

/** Splits text into lines without their terminators (a final newline adds no empty line). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The minimal changes turning `a` into `b`, as replaced ranges.
 * @example diffLineArrays(['a', 'b'], ['a', 'c']) // [{oldStart: 1, oldEnd: 2, newStart: 1, newEnd: 2}]
 */
export function diffLineArrays(a: string[], b: string[]): LineChange[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const n = endA - start;
  const m = endB - start;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) { found = true; break; }
    }
  }
  // Walk the trace back into single-line edits, then group adjacent ones.
  const edits: { kind: '-' | '+'; x: number; y: number }[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const row = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && row[offset + k - 1]! < row[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = row[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { x--; y--; }
    if (down) edits.push({ kind: '+', x, y: y - 1 }); else edits.push({ kind: '-', x: x - 1, y });
    x = prevX;
    y = prevY;
  }
  edits.reverse();
  const changes: LineChange[] = [];
  for (const edit of edits) {
    const last = changes[changes.length - 1];
    const oldAt = start + (edit.kind === '-' ? edit.x : edit.x);
    const newAt = start + (edit.kind === '+' ? edit.y : edit.y);
    if (last && last.oldEnd === oldAt && last.newEnd === newAt) {
      if (edit.kind === '-') last.oldEnd++; else last.newEnd++;
    } else {
      changes.push({ oldStart: oldAt, oldEnd: oldAt + (edit.kind === '-' ? 1 : 0), newStart: newAt, newEnd: newAt + (edit.kind === '+' ? 1 : 0) });
    }
  }
  return changes;
}

/**
 * Unified-diff hunks between two texts, with `context` unchanged lines around each change.
 * @example diffLines('a\nb\n', 'a\nc\n')[0].lines // [{kind:' ',text:'a'},{kind:'-',text:'b'},{kind:'+',text:'c'}]
 */
export function diffLines(oldText: string, newText: string, context = 3): DiffHunk[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const changes = diffLineArrays(a, b);
  const hunks: DiffHunk[] = [];
  let i = 0;
  while (i < changes.length) {
    let j = i;
    while (j + 1 < changes.length && changes[j + 1]!.oldStart - changes[j]!.oldEnd <= 2 * context) j++;
    const first = changes[i]!;
    const last = changes[j]!;
    const oldFrom = Math.max(0, first.oldStart - context);
    const newFrom = first.newStart - (first.oldStart - oldFrom);
    const oldTo = Math.min(a.length, last.oldEnd + context);
    const lines: DiffLine[] = [];
    let oldLine = oldFrom;
    let newLine = newFrom;
    for (let c = i; c <= j; c++) {
      const change = changes[c]!;
      while (oldLine < change.oldStart) lines.push({ kind: ' ', text: a[oldLine]!, oldLine: ++oldLine, newLine: ++newLine });
      for (let o = change.oldStart; o < change.oldEnd; o++) lines.push({ kind: '-', text: a[o]!, oldLine: ++oldLine });
      for (let nn = change.newStart; nn < change.newEnd; nn++) lines.push({ kind: '+', text: b[nn]!, newLine: ++newLine });
    }
    while (oldLine < oldTo) lines.push({ kind: ' ', text: a[oldLine]!, oldLine: ++oldLine, newLine: ++newLine });
    hunks.push({ oldStart: oldFrom + 1, oldLines: oldTo - oldFrom, newStart: newFrom + 1, newLines: newLine - newFrom, lines });
    i = j + 1;
  }
  return hunks;
}

/** Formats hunks as unified-diff text (for the CLI and logs). */
export function formatUnifiedDiff(hunks: DiffHunk[], oldName: string, newName: string): string {
  if (!hunks.length) return '';
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const hunk of hunks) {
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) out.push(`${line.kind}${line.text}`);
  }
  return `${out.join('\n')}\n`;
}
