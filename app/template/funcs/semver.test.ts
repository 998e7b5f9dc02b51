import { describe, expect, it } from 'vitest';
import { semverCompare } from './semver.js';
import { render } from './testing/render.js';

describe('semver (Masterminds v3)', () => {
  it.each([
    ['>=1.21-0', 'v1.30.0', true], ['<1.19', 'v1.30.0', false], ['>=1.21-0', 'v1.27.3-gke.100', true], ['>=1.21', 'v1.27.3-gke.100', false],
    ['^1.2.3', '1.9.0', true], ['^1.2.3', '2.0.0', false], ['^0.2.3', '0.2.9', true], ['^0.2.3', '0.3.0', false], ['^0.0.3', '0.0.4', false],
    ['~1.2.3', '1.2.9', true], ['~1.2.3', '1.3.0', false], ['~1', '1.9.0', true], ['1.2.x', '1.2.5', true], ['1.2.x', '1.3.0', false],
    ['>1.2', '1.2.5', false], ['>1.2', '1.3.0', true], ['<=1.2', '1.2.9', true], ['1.0 - 2.0', '2.0.1', true], ['1.0 - 2.0', '2.1.0', false],
    ['>=1.0, <2.0', '1.5.0', true], ['<1.0 || >=2.0', '1.5.0', false], ['*', '1.0.0', true], ['!=1.2.3', '1.2.3', false], ['!=1.2.x', '1.3.0', true],
    ['=1.2.3', '1.2.3+build', true], ['>= 1.21.0-0', 'v1.28.2-eks-abc', true],
  ])('%s against %s', (constraint, version, expected) => {
    expect(semverCompare(constraint, version)).toBe(expected);
  });

  it('exposes version parts as methods and prints the normalised version', () => {
    expect(render('{{ $v := semver "v1.2-beta.1+meta" }}{{ $v.Major }}.{{ $v.Minor }}.{{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }} {{ $v }} {{ $v.Compare (semver "1.2.0") }}'))
      .toBe('1.2.0 beta.1 meta v1.2-beta.1+meta 1.2.0-beta.1+meta -1');
  });

  it('fails on invalid versions and constraints with Masterminds wording', () => {
    expect(render('{{ semver "1.2.3.4" }}')).toContain('error calling semver: Invalid Semantic Version');
    expect(render('{{ semverCompare "~>>1" "1.0.0" }}')).toContain('error calling semverCompare: improper constraint: ~>>1');
    expect(render('{{ semver "1.0.0-01" }}')).toContain('Version segment starts with 0');
  });
});
