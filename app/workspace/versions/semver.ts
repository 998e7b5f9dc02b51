// Semantic versions and npm-style ranges (the subset Helm and npm users write):
// exact, ^, ~, comparison operators, x-ranges, hyphen ranges and `||`.
// Written here because no semver package is in the dependency set.
import { InvalidVersionError } from '../../errors/index.js';

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

type Operator = '<' | '<=' | '>' | '>=' | '=';
interface Comparator { operator: Operator; version: SemVer }
/** A parsed range: any one of the comparator sets must fully match. */
export type VersionRange = Comparator[][];

const versionPattern = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parses `1.2.3`, `v1.2.3-rc.1`; returns undefined when the text is not a full version. */
export function parseVersion(text: string): SemVer | undefined {
  const match = versionPattern.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] ? match[4].split('.') : [] };
}

/** Formats a version without the leading `v`, e.g. `1.4.0-rc.1`. */
export function formatVersion(version: SemVer): string {
  const core = `${version.major}.${version.minor}.${version.patch}`;
  return version.prerelease.length ? `${core}-${version.prerelease.join('.')}` : core;
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return Number(a) - Number(b);
  if (aNumeric) return -1;
  if (bNumeric) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders two versions by semver precedence (negative when a < b). */
export function compareVersions(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core) return Math.sign(core);
  if (!a.prerelease.length && !b.prerelease.length) return 0;
  if (!a.prerelease.length) return 1;
  if (!b.prerelease.length) return -1;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    if (a.prerelease[i] === undefined) return -1;
    if (b.prerelease[i] === undefined) return 1;
    const order = compareIdentifiers(a.prerelease[i]!, b.prerelease[i]!);
    if (order) return Math.sign(order);
  }
  return 0;
}

/** The next version for a bump level, e.g. `bumpVersion('1.4.2', 'minor')` is `1.5.0`. */
export function bumpVersion(version: string, level: 'major' | 'minor' | 'patch'): string {
  const parsed = parseVersion(version);
  if (!parsed) throw new InvalidVersionError(`'${version}' is not a semantic version such as 1.4.0.`, { value: version, field: 'version' });
  if (level === 'major') return `${parsed.major + 1}.0.0`;
  if (level === 'minor') return `${parsed.major}.${parsed.minor + 1}.0`;
  return parsed.prerelease.length ? formatVersion({ ...parsed, prerelease: [] }) : `${parsed.major}.${parsed.minor}.${parsed.patch + 1}`;
}

interface Partial { major?: number; minor?: number; patch?: number; prerelease: string[] }

const partialPattern = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parsePartial(text: string): Partial | undefined {
  const match = partialPattern.exec(text);
  if (!match) return undefined;
  const part = (value: string | undefined): number | undefined => (value === undefined || /^[xX*]$/.test(value) ? undefined : Number(value));
  const major = part(match[1]);
  const minor = major === undefined ? undefined : part(match[2]);
  const patch = minor === undefined ? undefined : part(match[3]);
  return { major, minor, patch, prerelease: patch !== undefined && match[4] ? match[4].split('.') : [] };
}

const v = (major: number, minor: number, patch: number, prerelease: string[] = []): SemVer => ({ major, minor, patch, prerelease });
// `<X` with X a bare lower bound excludes X's prereleases too, as npm does.
const upper = (version: SemVer): Comparator => ({ operator: '<', version: { ...version, prerelease: ['0'] } });

function desugar(operator: string, partial: Partial): Comparator[] {
  const { major, minor, patch, prerelease } = partial;
  const exact = major !== undefined && minor !== undefined && patch !== undefined;
  const lower = v(major ?? 0, minor ?? 0, patch ?? 0, prerelease);
  if (operator === '^') {
    if (major === undefined) return [];
    const ceiling = major > 0 || minor === undefined ? v(major + 1, 0, 0)
      : minor > 0 || patch === undefined ? v(0, minor + 1, 0) : v(0, 0, patch + 1);
    return [{ operator: '>=', version: lower }, upper(ceiling)];
  }
  if (operator === '~') {
    if (major === undefined) return [];
    const ceiling = minor === undefined ? v(major + 1, 0, 0) : v(major, minor + 1, 0);
    return [{ operator: '>=', version: lower }, upper(ceiling)];
  }
  if (major === undefined) return operator === '<' || operator === '>' ? [{ operator: '<', version: v(0, 0, 0, ['0']) }] : [];
  const next = minor === undefined ? v(major + 1, 0, 0) : patch === undefined ? v(major, minor + 1, 0) : undefined;
  switch (operator) {
    case '>': return exact ? [{ operator: '>', version: lower }] : [{ operator: '>=', version: next! }];
    case '>=': return [{ operator: '>=', version: lower }];
    case '<': return [{ operator: '<', version: exact ? lower : { ...lower, prerelease: ['0'] } }];
    case '<=': return exact ? [{ operator: '<=', version: lower }] : [upper(next!)];
    default: return exact ? [{ operator: '=', version: lower }] : [{ operator: '>=', version: lower }, upper(next!)];
  }
}

/** Parses a range such as `^1.4.0`, `~2.1`, `>=1.0.0 <2.0.0`, `1.x || 2.3.4`, `1.0.0 - 1.5`. */
export function parseRange(text: string): VersionRange {
  const fail = (): never => { throw new InvalidVersionError(`'${text}' is not a version or version range (examples: 1.4.0, ^1.4.0, ~1.4, >=1.0.0 <2.0.0, 1.x).`, { value: text, field: 'version' }); };
  return text.split('||').map((alternative) => {
    const trimmed = alternative.trim().replace(/(\^|~|>=|<=|>|<|=)\s+/g, '$1');
    if (trimmed === '' || trimmed === '*') return [];
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(trimmed);
    if (hyphen) {
      const from = parsePartial(hyphen[1]!) ?? fail();
      const to = parsePartial(hyphen[2]!) ?? fail();
      return [...desugar('>=', from), ...desugar('<=', to)];
    }
    return trimmed.split(/\s+/).flatMap((token) => {
      const match = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(token)!;
      return desugar(match[1] ?? '=', parsePartial(match[2]!) ?? fail());
    });
  });
}

function test(comparator: Comparator, version: SemVer): boolean {
  const order = compareVersions(version, comparator.version);
  switch (comparator.operator) {
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '>': return order > 0;
    case '>=': return order >= 0;
    default: return order === 0;
  }
}

function setMatches(set: Comparator[], version: SemVer): boolean {
  if (!set.every((comparator) => test(comparator, version))) return false;
  if (!version.prerelease.length) return true;
  // A prerelease only matches when the range names a prerelease of the same x.y.z
  // (the `-0` floors added by `upper` are not user-written prereleases).
  return set.some(({ version: bound }) => bound.prerelease.length > 0 && bound.prerelease.join('.') !== '0'
    && bound.major === version.major && bound.minor === version.minor && bound.patch === version.patch);
}

/** True when `version` satisfies `range`, e.g. `satisfiesRange('1.5.0', '^1.4.0')`. */
export function satisfiesRange(version: string | SemVer, range: string | VersionRange): boolean {
  const parsed = typeof version === 'string' ? parseVersion(version) : version;
  if (!parsed) return false;
  const sets = typeof range === 'string' ? parseRange(range) : range;
  return sets.some((set) => setMatches(set, parsed));
}

/** The highest version in `versions` that satisfies `range`, or undefined. */
export function maxSatisfying(versions: string[], range: string): string | undefined {
  const sets = parseRange(range);
  let best: { text: string; version: SemVer } | undefined;
  for (const text of versions) {
    const version = parseVersion(text);
    if (!version || !sets.some((set) => setMatches(set, version))) continue;
    if (!best || compareVersions(version, best.version) > 0) best = { text, version };
  }
  return best?.text;
}

/** True when the text is an exact version rather than a range. */
export function isExactVersion(text: string): boolean {
  return parseVersion(text.replace(/^=/, '')) !== undefined;
}
