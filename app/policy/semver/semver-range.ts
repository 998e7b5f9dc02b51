// Version ranges in the Masterminds/semver style Helm users know:
// comparators (=, !=, >, >=, <, <=), ^ and ~, x wildcards, hyphen ranges,
// AND by space or comma, OR by ||. Pre-releases only match ranges that name one.
import { parseSemanticVersion, SemanticVersion } from './semver.js';

type Comparator = (v: SemanticVersion) => boolean;

/** A compiled range. */
export interface VersionRange {
  readonly text: string;
  test(version: string | SemanticVersion): boolean;
}

function partial(text: string): { parts: Array<bigint | undefined>; pre: string[] } | undefined {
  const match = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  if (!match) return undefined;
  const part = (s: string | undefined) => (s === undefined || /^[xX*]$/.test(s) ? undefined : BigInt(s));
  return { parts: [part(match[1]), part(match[2]), part(match[3])], pre: match[4] ? match[4].split('.') : [] };
}

function version(parts: Array<bigint | undefined>, pre: string[] = []): SemanticVersion {
  return new SemanticVersion(parts[0] ?? 0n, parts[1] ?? 0n, parts[2] ?? 0n, pre, '');
}

function bump(parts: Array<bigint | undefined>, index: number): SemanticVersion {
  const p = parts.map((x) => x ?? 0n);
  p[index] = p[index]! + 1n;
  for (let i = index + 1; i < 3; i++) p[i] = 0n;
  return new SemanticVersion(p[0]!, p[1]!, p[2]!, ['0'], '');
}

function between(low: SemanticVersion, high: SemanticVersion | undefined): Comparator {
  return (v) => v.compareTo(low) >= 0 && (!high || v.compareTo(high) < 0);
}

function comparator(token: string): Comparator {
  const op = /^(\^|~>?|>=|<=|!=|=|>|<)?\s*(.*)$/.exec(token)!;
  const operator = op[1] ?? '=';
  const p = partial(op[2]!.trim());
  if (!p) throw new Error(`${JSON.stringify(token)} is not a version or comparison`);
  const { parts, pre } = p;
  const wildcardAt = parts.findIndex((x) => x === undefined);
  const exact = version(parts, pre);
  switch (operator) {
    case '=':
      if (wildcardAt === 0) return () => true;
      if (wildcardAt > 0) return between(version(parts), bump(parts, wildcardAt - 1));
      return (v) => v.compareTo(exact) === 0;
    case '!=': return (v) => v.compareTo(exact) !== 0;
    case '>':
      if (wildcardAt > 0) { const next = bump(parts, wildcardAt - 1); return (v) => v.compareTo(next) >= 0; }
      return (v) => v.compareTo(exact) > 0;
    case '>=': return (v) => v.compareTo(exact) >= 0;
    case '<': return (v) => v.compareTo(exact) < 0;
    case '<=':
      if (wildcardAt > 0) { const next = bump(parts, wildcardAt - 1); return (v) => v.compareTo(next) < 0; }
      return (v) => v.compareTo(exact) <= 0;
    case '~': case '~>':
      return between(exact, bump(parts, wildcardAt === 1 || parts[1] === undefined ? 0 : 1));
    case '^': {
      if (parts[0]! > 0n || parts[1] === undefined) return between(exact, bump(parts, 0));
      if (parts[1]! > 0n || parts[2] === undefined) return between(exact, bump(parts, 1));
      return between(exact, bump(parts, 2));
    }
  }
  throw new Error(`unknown operator in ${JSON.stringify(token)}`);
}

function andGroup(text: string): { test: Comparator; allowsPrerelease: (v: SemanticVersion) => boolean } {
  const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(text);
  const tokens = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : text.replace(/(\^|~>?|>=|<=|!=|=|>|<)\s+/g, '$1').split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0) return { test: () => true, allowsPrerelease: () => false };
  const checks = tokens.map(comparator);
  const preBases = tokens.map((t) => partial(t.replace(/^(\^|~>?|>=|<=|!=|=|>|<)/, ''))).filter((p) => p && p.pre.length).map((p) => p!.parts);
  return {
    test: (v) => checks.every((c) => c(v)),
    allowsPrerelease: (v) => preBases.some((b) => b[0] === v.major && b[1] === v.minor && b[2] === v.patch),
  };
}

/** Compiles a range such as ">=2.0.0 <3", "^1.4 || ~2.1.0"; throws with the offending part. */
export function compileVersionRange(text: string): VersionRange {
  const groups = text.split('||').map((g) => andGroup(g.trim()));
  const matches = (v: SemanticVersion | undefined): boolean =>
    v !== undefined && groups.some((g) => g.test(v) && (v.prerelease.length === 0 || g.allowsPrerelease(v)));
  // A catalogue tests thousands of services against a handful of versions.
  const verdicts = new Map<string, boolean>();
  return {
    text,
    test(input) {
      if (typeof input !== 'string') return matches(input);
      let verdict = verdicts.get(input);
      if (verdict === undefined) {
        verdict = matches(parseSemanticVersion(input, true) ?? undefined);
        if (verdicts.size < 1000) verdicts.set(input, verdict);
      }
      return verdict;
    },
  };
}
