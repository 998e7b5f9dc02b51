// Semantic versions (semver.org 2.0.0): parsing and precedence, shared by the
// CEL semver library and TemplatePolicy.allowedVersions.

/** A parsed semantic version, also the CEL type `kubernetes.Semver`. */
export class SemanticVersion {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly prerelease: readonly string[],
    readonly build: string,
  ) {}

  compareTo(other: SemanticVersion): number {
    if (this.major !== other.major) return this.major < other.major ? -1 : 1;
    if (this.minor !== other.minor) return this.minor < other.minor ? -1 : 1;
    if (this.patch !== other.patch) return this.patch < other.patch ? -1 : 1;
    return comparePrerelease(this.prerelease, other.prerelease);
  }

  equals(other: unknown): boolean {
    return other instanceof SemanticVersion && this.compareTo(other) === 0;
  }

  toString(): string {
    const pre = this.prerelease.length ? `-${this.prerelease.join('.')}` : '';
    return `${this.major}.${this.minor}.${this.patch}${pre}${this.build ? `+${this.build}` : ''}`;
  }
}

function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xn = /^[0-9]+$/.test(x);
    const yn = /^[0-9]+$/.test(y);
    if (xn && yn) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (xn !== yn) return xn ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const strict = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * Parses a version. `normalize` accepts a leading `v`, missing minor/patch
 * and leading zeros, as Kubernetes' `semver(s, true)` does.
 */
export function parseSemanticVersion(text: string, normalize = false): SemanticVersion | undefined {
  let candidate = text;
  if (normalize) {
    candidate = candidate.replace(/^v/, '');
    const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(.*)$/.exec(candidate);
    if (!match) return undefined;
    const n = (s: string | undefined) => String(BigInt(s ?? '0'));
    candidate = `${n(match[1])}.${n(match[2])}.${n(match[3])}${match[4]}`;
  }
  const match = strict.exec(candidate);
  if (!match) return undefined;
  return new SemanticVersion(BigInt(match[1]!), BigInt(match[2]!), BigInt(match[3]!), match[4] ? match[4].split('.') : [], match[5] ?? '');
}
