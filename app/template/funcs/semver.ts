// Masterminds/semver v3 as Sprig's semver/semverCompare use it: the loose
// version regexp, prerelease ordering, and the constraint operators with
// their "dirty" (x / missing part) and prerelease rules.
import {
  GoNumber, GoObject, funcValue, type GoFunction, type TemplateFunc, type GoKind, type Value,
} from '../lang/value.js';

const versionRegex = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const cv = 'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const ops = ['!=', '>=', '=>', '<=', '=<', '~>', '=', '>', '<', '~', '^', ''].map((o) => o.replace(/[\^*]/g, '\\$&')).join('|');
const constraintRegex = new RegExp(`^\\s*(${ops})\\s*(${cv})\\s*$`);
const constraintRangeRegex = new RegExp(`\\s*(${cv})\\s+-\\s+(${cv})\\s*`, 'g');
const findConstraintRegex = new RegExp(`(${ops})\\s*(${cv})`, 'g');
const validConstraintRegex = new RegExp(`^(\\s*(${ops})\\s*(${cv})\\s*)((?:\\s+|,\\s*)(${ops})\\s*(${cv})\\s*)*$`);

/** A semver error with Masterminds' wording. */
export class SemverError extends Error {}

/** A parsed version (*semver.Version). */
export class SemverVersion extends GoObject {
  readonly goType = '*semver.Version';
  readonly goKind: GoKind = 'ptr';

  constructor(
    readonly major: bigint, readonly minor: bigint, readonly patch: bigint,
    readonly prerelease: string, readonly metadata: string, readonly original: string,
  ) {
    super();
  }

  /** semver.NewVersion. */
  static parse(text: string): SemverVersion {
    const m = versionRegex.exec(text);
    if (m === null) throw new SemverError('Invalid Semantic Version');
    const segment = (s: string | undefined): bigint => {
      if (s === undefined || s === '') return 0n;
      const n = BigInt(s.replace(/^\./, ''));
      if (n > 18446744073709551615n) throw new SemverError(`Error parsing version segment: strconv.ParseUint: parsing "${s.replace(/^\./, '')}": value out of range`);
      return n;
    };
    const pre = m[5] ?? '';
    for (const part of pre === '' ? [] : pre.split('.')) {
      if (/^[0-9]+$/.test(part) && part.length > 1 && part.startsWith('0')) throw new SemverError('Version segment starts with 0');
    }
    return new SemverVersion(segment(m[1]), segment(m[2]), segment(m[3]), pre, m[8] ?? '', text);
  }

  /** Version.String(). */
  override toString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.prerelease !== '') s += `-${this.prerelease}`;
    if (this.metadata !== '') s += `+${this.metadata}`;
    return s;
  }

  override goString(): string {
    return this.toString();
  }

  /** JSON form (Version.MarshalJSON). */
  toJsonValue(): Value {
    return this.toString();
  }

  override goMethod(name: string): GoFunction | undefined {
    const u64 = (n: bigint) => new GoNumber('uint64', n);
    const methods: Record<string, () => Value> = {
      Major: () => u64(this.major),
      Minor: () => u64(this.minor),
      Patch: () => u64(this.patch),
      Prerelease: () => this.prerelease,
      Metadata: () => this.metadata,
      Original: () => this.original,
      String: () => this.toString(),
      IncMajor: () => new SemverVersion(this.major + 1n, 0n, 0n, '', '', `${this.major + 1n}.0.0`),
      IncMinor: () => new SemverVersion(this.major, this.minor + 1n, 0n, '', '', `${this.major}.${this.minor + 1n}.0`),
      IncPatch: () => this.prerelease !== '' ? new SemverVersion(this.major, this.minor, this.patch, '', '', `${this.major}.${this.minor}.${this.patch}`)
        : new SemverVersion(this.major, this.minor, this.patch + 1n, '', '', `${this.major}.${this.minor}.${this.patch + 1n}`),
    };
    const compare = (other: Value) => (other instanceof SemverVersion ? compareVersions(this, other) : 0);
    const binary: Record<string, (other: Value) => Value> = {
      Compare: (o) => BigInt(compare(o)),
      LessThan: (o) => compare(o) < 0,
      GreaterThan: (o) => compare(o) > 0,
      Equal: (o) => compare(o) === 0,
    };
    if (Object.hasOwn(methods, name)) return method([], () => methods[name]());
    if (Object.hasOwn(binary, name)) return method(['*semver.Version'], (args: Value[]) => binary[name](args[0]));
    return undefined;
  }
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return o !== '' ? -1 : 1;
  if (o === '') return 1;
  const sNum = /^[0-9]+$/.test(s);
  const oNum = /^[0-9]+$/.test(o);
  if (!sNum && !oNum) return s > o ? 1 : -1;
  if (!oNum) return -1;
  if (!sNum) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const ap = a.split('.');
  const bp = b.split('.');
  for (let i = 0; i < Math.max(ap.length, bp.length); i++) {
    const d = comparePrePart(ap[i] ?? '', bp[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** Version.Compare. */
export function compareVersions(a: SemverVersion, b: SemverVersion): number {
  for (const [x, y] of [[a.major, b.major], [a.minor, b.minor], [a.patch, b.patch]] as const) {
    if (x !== y) return x < y ? -1 : 1;
  }
  if (a.prerelease === '' && b.prerelease === '') return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

interface Constraint {
  op: string;
  con: SemverVersion;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (s: string): boolean => s === 'x' || s === 'X' || s === '*';

function parseConstraint(text: string): Constraint {
  const m = constraintRegex.exec(text);
  if (m === null) throw new SemverError(`improper constraint: ${text}`);
  const major = m[3];
  const minor = m[4] ?? '';
  const patch = m[5] ?? '';
  const pre = m[6] ?? '';
  let version = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major)) {
    version = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.replace(/^\./, '')) || minor === '') {
    minorDirty = true;
    dirty = true;
    version = `${major}.0.0${pre}`;
  } else if (isX(patch.replace(/^\./, '')) || patch === '') {
    dirty = true;
    patchDirty = true;
    version = `${major}${minor}.0${pre}`;
  }
  let con: SemverVersion;
  try {
    con = SemverVersion.parse(version);
  } catch {
    throw new SemverError('constraint Parser Error');
  }
  return { op: m[1], con, dirty, minorDirty, patchDirty };
}

function prereleaseBlocked(v: SemverVersion, c: Constraint): boolean {
  return v.prerelease !== '' && c.con.prerelease === '';
}

function checkTilde(v: SemverVersion, c: Constraint): boolean {
  if (prereleaseBlocked(v, c) || compareVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function checkConstraint(v: SemverVersion, c: Constraint): boolean {
  const cmp = () => compareVersions(v, c.con);
  switch (c.op) {
    case '': case '=':
      if (prereleaseBlocked(v, c)) return false;
      return c.dirty ? checkTilde(v, c) : cmp() === 0;
    case '!=':
      if (c.dirty) {
        if (prereleaseBlocked(v, c)) return false;
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.prerelease !== '' || c.con.prerelease !== '') return comparePrerelease(v.prerelease, c.con.prerelease) !== 0;
          return false;
        }
      }
      return cmp() !== 0;
    case '>':
      if (prereleaseBlocked(v, c)) return false;
      if (!c.dirty) return cmp() === 1;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return cmp() === 1;
    case '<':
      return !prereleaseBlocked(v, c) && cmp() < 0;
    case '>=': case '=>':
      return !prereleaseBlocked(v, c) && cmp() >= 0;
    case '<=': case '=<':
      if (prereleaseBlocked(v, c)) return false;
      if (!c.dirty) return cmp() <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case '~': case '~>':
      return checkTilde(v, c);
    case '^':
      if (prereleaseBlocked(v, c) || cmp() < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (c.con.major === 0n && v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (c.con.minor === 0n && v.minor > 0n) return false;
      return c.con.patch === v.patch;
    default:
      return false;
  }
}

/** semver.NewConstraint: OR groups of AND-ed constraints. */
export function parseConstraints(text: string): Constraint[][] {
  const rewritten = text.replace(constraintRangeRegex, (_m, ...groups: string[]) => `>= ${groups[0]}, <= ${groups[10]} `);
  return rewritten.split('||').map((part) => {
    if (!validConstraintRegex.test(part)) throw new SemverError(`improper constraint: ${part}`);
    const found = part.match(findConstraintRegex) ?? [part];
    return found.map(parseConstraint);
  });
}

/** Constraints.Check. */
export function checkConstraints(constraints: Constraint[][], version: SemverVersion): boolean {
  return constraints.some((group) => group.every((c) => checkConstraint(version, c)));
}

/** Sprig's semverCompare. */
export function semverCompare(constraint: string, version: string): boolean {
  const constraints = parseConstraints(constraint);
  return checkConstraints(constraints, SemverVersion.parse(version));
}

function method(params: string[], call: TemplateFunc): GoFunction {
  return funcValue(call, { params });
}
