import { describe, expect, it } from 'vitest';
import { compileVersionRange } from './semver-range.js';

describe('version ranges (Masterminds-style)', () => {
  it.each([
    ['>=2.0.0', '2.0.0', true], ['>=2.0.0', '1.9.9', false],
    ['<2.0.0', '1.99.0', true], ['<2.0.0', '2.0.0', false],
    ['>1.2.3', '1.2.4', true], ['<=1.2.3', '1.2.3', true], ['!=1.2.3', '1.2.3', false],
    ['^1.2.3', '1.9.0', true], ['^1.2.3', '2.0.0', false], ['^1.2.3', '1.2.2', false],
    ['^0.2.3', '0.2.9', true], ['^0.2.3', '0.3.0', false], ['^0.0.3', '0.0.4', false],
    ['~1.2.3', '1.2.9', true], ['~1.2.3', '1.3.0', false], ['~1', '1.9.0', true],
    ['1.2.x', '1.2.7', true], ['1.2.x', '1.3.0', false], ['*', '9.9.9', true],
    ['>=1.0.0 <2.0.0', '1.5.0', true], ['>=1.0.0, <2.0.0', '2.0.0', false],
    ['^1.0.0 || ^3.0.0', '3.1.0', true], ['^1.0.0 || ^3.0.0', '2.1.0', false],
    ['1.0.0 - 2.0.0', '2.0.0', true], ['1.0.0 - 2.0.0', '2.0.1', false],
    ['>=2.0.0', '2.1.0-rc.1', false], ['>=2.1.0-rc.0', '2.1.0-rc.1', true],
    ['>=2.0.0', 'v2.0.0', true], ['>= 2.0.0', '2.0.0', true],
  ])('%s with %s -> %s', (range, version, expected) => {
    expect(compileVersionRange(range).test(version)).toBe(expected);
  });

  it('rejects nonsense', () => {
    expect(() => compileVersionRange('>=banana')).toThrow(/not a version/);
  });
});
