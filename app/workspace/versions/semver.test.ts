import { describe, expect, it } from 'vitest';
import { bumpVersion, compareVersions, maxSatisfying, parseVersion, satisfiesRange } from './semver.js';
import { InvalidVersionError } from '../../errors/index.js';

const published = ['0.9.0', '1.0.0', '1.4.0', '1.4.2', '1.5.0', '1.10.1', '2.0.0-rc.1', '2.0.0', '2.1.0', '3.0.0'];

describe('semver ranges pick the highest published version a service accepts', () => {
  it.each([
    ['1.4.2', '1.4.2'], ['=1.4.0', '1.4.0'], ['v1.5.0', '1.5.0'],
    ['^1.4.0', '1.10.1'], ['^0.9.0', '0.9.0'], ['~1.4.0', '1.4.2'], ['~1.4', '1.4.2'], ['~1', '1.10.1'],
    ['>=2.0.0', '3.0.0'], ['>=1.0.0 <2.0.0', '1.10.1'], ['<1.4.2', '1.4.0'], ['<=1.4.2', '1.4.2'], ['>1.4.2 <1.10.0', '1.5.0'],
    ['1.x', '1.10.1'], ['1.4.x', '1.4.2'], ['*', '3.0.0'], ['2', '2.1.0'], ['2.0', '2.0.0'],
    ['1.4.0 || 2.0.0', '2.0.0'], ['^1.0.0 || ^2.0.0', '2.1.0'],
    ['1.0.0 - 1.5.0', '1.5.0'], ['1.0.0 - 1.4', '1.4.2'], ['>= 2.0.0 < 3', '2.1.0'],
    ['>2.0.0-rc.0 <2.0.0', '2.0.0-rc.1'],
  ])('%s resolves to %s', (range, expected) => {
    expect(maxSatisfying(published, range)).toBe(expected);
  });

  it('finds nothing when no version matches, and excludes prereleases from plain ranges', () => {
    expect(maxSatisfying(published, '^4.0.0')).toBeUndefined();
    expect(satisfiesRange('2.0.0-rc.1', '^1.0.0 || >=1.9.0')).toBe(false);
    expect(satisfiesRange('2.0.0-rc.1', '<2.0.0')).toBe(false);
  });

  it('rejects text that is not a range with a message naming the value', () => {
    expect(() => maxSatisfying(published, 'latest')).toThrow(InvalidVersionError);
    expect(() => maxSatisfying(published, '^1.x.y')).toThrow(/'\^1.x.y' is not a version/);
  });

  it('orders prereleases before releases and bumps by level', () => {
    const order = ['1.0.0', '1.0.0-rc.1', '1.0.0-alpha', '1.0.0-alpha.1', '0.9.9'].map((t) => parseVersion(t)!);
    order.sort(compareVersions);
    expect(order.map((x) => `${x.major}.${x.minor}.${x.patch}${x.prerelease.length ? '-' + x.prerelease.join('.') : ''}`))
      .toEqual(['0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-rc.1', '1.0.0']);
    expect(bumpVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(bumpVersion('1.4.2', 'minor')).toBe('1.5.0');
    expect(bumpVersion('1.4.2', 'patch')).toBe('1.4.3');
    expect(bumpVersion('2.0.0-rc.1', 'patch')).toBe('2.0.0');
  });
});
