import { describe, expect, it } from 'vitest';
import { diffLineArrays, diffLines, formatUnifiedDiff } from './line-diff.js';

function apply(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const change of diffLineArrays(a, b)) {
    out.push(...a.slice(at, change.oldStart), ...b.slice(change.newStart, change.newEnd));
    at = change.oldEnd;
  }
  return [...out, ...a.slice(at)];
}

describe('line diff', () => {
  it('produces an edit script that turns the old text into the new one', () => {
    const random = (seed: number) => () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(next() * 30) }, () => String.fromCharCode(97 + Math.floor(next() * 5)));
      const b = a.flatMap((line) => (next() < 0.2 ? [] : next() < 0.2 ? [line, 'x'] : next() < 0.1 ? ['y'] : [line]));
      expect(apply(a, b)).toEqual(b);
    }
  });

  it('formats unified hunks with context and line numbers, like git diff', () => {
    const oldText = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n';
    const newText = 'one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n';
    expect(formatUnifiedDiff(diffLines(oldText, newText, 1), 'a/f', 'b/f')).toBe(
      '--- a/f\n+++ b/f\n@@ -2,3 +2,3 @@\n two\n-three\n+THREE\n four\n@@ -10,1 +10,2 @@\n ten\n+eleven\n');
    expect(diffLines('same\n', 'same\n')).toEqual([]);
    expect(diffLines('', 'a\n')[0]).toMatchObject({ oldStart: 1, oldLines: 0, newStart: 1, newLines: 1 });
  });
});
