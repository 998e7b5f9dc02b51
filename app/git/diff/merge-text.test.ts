import { describe, expect, it } from 'vitest';
import { mergeText } from './merge-text.js';

describe('three-way text merge', () => {
  const base = 'a\nb\nc\nd\ne\n';
  it('applies non-overlapping edits from both sides', () => {
    expect(mergeText({ base, ours: 'A\nb\nc\nd\ne\n', theirs: 'a\nb\nc\nd\nE\nf\n' })).toEqual({ clean: true, text: 'A\nb\nc\nd\nE\nf\n', conflicts: 0 });
    expect(mergeText({ base, ours: 'a\nb\nX\nd\ne\n', theirs: 'a\nb\nX\nd\ne\n' }).text).toBe('a\nb\nX\nd\ne\n');
  });
  it('marks overlapping different edits as a conflict, keeping both sides', () => {
    const result = mergeText({ base, ours: 'a\nb\nOURS\nd\ne\n', theirs: 'a\nb\nTHEIRS\nd\ne\n' });
    expect(result.clean).toBe(false);
    expect(result.text).toBe('a\nb\n<<<<<<< ours\nOURS\n=======\nTHEIRS\n>>>>>>> theirs\nd\ne\n');
  });
});
