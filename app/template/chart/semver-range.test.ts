import { describe, expect, it } from 'vitest';
import { versionSatisfies } from './semver-range.js';

describe('dependency version constraints (Masterminds semver, as Helm matches charts/)', () => {
  it('matches the constraint forms charts use', () => {
    const cases: [string, string, boolean][] = [
      ['1.2.3', '1.2.3', true], ['1.2.3', '1.2.4', false], ['~1.2.0', '1.2.9', true], ['~1.2.0', '1.3.0', false],
      ['^1.2.0', '1.9.0', true], ['^1.2.0', '2.0.0', false], ['^0.2.3', '0.2.9', true], ['^0.2.3', '0.3.0', false],
      ['12.x.x', '12.4.1', true], ['12.x', '13.0.0', false], ['*', '3.1.4', true], ['>=1.0.0, <2.0.0', '1.5.0', true],
      ['>=1.0.0 <2.0.0', '2.0.0', false], ['<1.0.0 || >=3.0.0', '3.1.0', true], ['1.0.0 - 2.0.0', '2.0.0', true],
      ['>=1.0.0', '1.1.0-rc.1', false], ['>=1.0.0-0', '1.1.0-rc.1', true], ['', '1.0.0', false], ['not a range', '1.0.0', false],
    ];
    for (const [constraint, version, expected] of cases) expect([constraint, version, versionSatisfies(constraint, version)]).toEqual([constraint, version, expected]);
  });
});
