// Three-way line merge (diff3): changes on one side apply cleanly; overlapping
// different changes become a conflict region with Git-style markers.
import { diffLineArrays, splitLines, type LineChange } from './line-diff.js';

/** Result of merging two edits of a common base. */
export interface TextMergeResult {
  clean: boolean;
  /** Merged text; conflict regions carry `<<<<<<<`, `=======`, `>>>>>>>` markers. */
  text: string;
  conflicts: number;
}

/**
 * Merges `ours` and `theirs`, both edited from `base`.
 * @example mergeText({base: 'a\n', ours: 'b\n', theirs: 'a\n'}) // {clean: true, text: 'b\n', conflicts: 0}
 */
export function mergeText(input: { base: string; ours: string; theirs: string; oursLabel?: string; theirsLabel?: string }): TextMergeResult {
  const base = splitLines(input.base);
  const ours = splitLines(input.ours);
  const theirs = splitLines(input.theirs);
  const oursChanges = diffLineArrays(base, ours).map((c) => ({ ...c, side: 'ours' as const }));
  const theirsChanges = diffLineArrays(base, theirs).map((c) => ({ ...c, side: 'theirs' as const }));
  const all = [...oursChanges, ...theirsChanges].sort((a, b) => a.oldStart - b.oldStart || a.oldEnd - b.oldEnd);
  const out: string[] = [];
  let conflicts = 0;
  let at = 0;
  let i = 0;
  const slice = (lines: string[], changes: (LineChange & { side: string })[], from: number, to: number, side: string): string[] => {
    // The region [from, to) of base as rewritten by this side's changes inside it.
    const result: string[] = [];
    let cursor = from;
    for (const change of changes.filter((c) => c.side === side)) {
      result.push(...base.slice(cursor, change.oldStart), ...lines.slice(change.newStart, change.newEnd));
      cursor = change.oldEnd;
    }
    return [...result, ...base.slice(cursor, to)];
  };
  while (i < all.length) {
    const group = [all[i]!];
    let end = all[i]!.oldEnd;
    let j = i + 1;
    // Changes overlap (or touch the same insertion point) -> one region.
    while (j < all.length && (all[j]!.oldStart < end || (all[j]!.oldStart === end && (all[j]!.oldStart === all[j]!.oldEnd || group.some((g) => g.oldStart === g.oldEnd))))) {
      group.push(all[j]!);
      end = Math.max(end, all[j]!.oldEnd);
      j++;
    }
    const from = group[0]!.oldStart;
    out.push(...base.slice(at, from));
    const oursRegion = slice(ours, group, from, end, 'ours');
    const theirsRegion = slice(theirs, group, from, end, 'theirs');
    const sides = new Set(group.map((g) => g.side));
    if (sides.size === 1 || oursRegion.join('\n') === theirsRegion.join('\n')) {
      out.push(...(sides.has('ours') ? oursRegion : theirsRegion));
    } else {
      conflicts++;
      out.push(`<<<<<<< ${input.oursLabel ?? 'ours'}`, ...oursRegion, '=======', ...theirsRegion, `>>>>>>> ${input.theirsLabel ?? 'theirs'}`);
    }
    at = end;
    i = j;
  }
  out.push(...base.slice(at));
  const trailingNewline = (input.ours.endsWith('\n') || input.theirs.endsWith('\n') || input.base.endsWith('\n')) && out.length > 0;
  return { clean: conflicts === 0, text: out.join('\n') + (trailingNewline ? '\n' : ''), conflicts };
}
