// Just enough of Masterminds/semver v3 constraints for Helm's dependency
// matching (IsCompatibleRange): comparisons, ^, ~, x-ranges, hyphen ranges,
// `,`/space for AND and `||` for OR. A constraint that does not parse matches nothing.

interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: string;
}

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), pre: m[4] ?? '' };
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (i >= pa.length) return -1;
    if (i >= pb.length) return 1;
    const x = pa[i]!;
    const y = pb[i]!;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      if (Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    } else if (nx !== ny) return nx ? -1 : 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function compare(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major < b.major ? -1 : 1;
  if (a.minor !== b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch !== b.patch) return a.patch < b.patch ? -1 : 1;
  return comparePre(a.pre, b.pre);
}

type Check = (v: Version) => boolean;

function wildcardParts(text: string): { v: Version; wild: number } | undefined {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]];
  let wild = 3;
  for (let i = 0; i < 3; i++) {
    if (parts[i] === undefined || /^[xX*]$/.test(parts[i]!)) {
      wild = i;
      break;
    }
  }
  const nums = parts.map((p, i) => (i < wild ? Number(p) : 0));
  return { v: { major: nums[0]!, minor: nums[1]!, patch: nums[2]!, pre: m[4] ?? '' }, wild };
}

function single(op: string, text: string): Check | undefined {
  const parsed = wildcardParts(text);
  if (!parsed) return undefined;
  const { v, wild } = parsed;
  const upper = (level: number): Version => (level === 0 ? { major: Infinity, minor: 0, patch: 0, pre: '' }
    : level === 1 ? { major: v.major + 1, minor: 0, patch: 0, pre: '' } : { major: v.major, minor: v.minor + 1, patch: 0, pre: '' });
  switch (op) {
    case '':
    case '=':
      if (wild < 3) return (x) => compare(x, v) >= 0 && compare(x, upper(wild)) < 0;
      return (x) => compare(x, v) === 0;
    case '!=':
      if (wild < 3) return (x) => !(compare(x, v) >= 0 && compare(x, upper(wild)) < 0);
      return (x) => compare(x, v) !== 0;
    case '>':
      if (wild < 3) return (x) => compare(x, upper(wild)) >= 0;
      return (x) => compare(x, v) > 0;
    case '>=':
    case '=>':
      return (x) => compare(x, v) >= 0;
    case '<':
      return (x) => compare(x, v) < 0;
    case '<=':
    case '=<':
      if (wild < 3) return (x) => compare(x, upper(wild)) < 0;
      return (x) => compare(x, v) <= 0;
    case '~':
    case '~>': {
      const top = wild <= 1 ? upper(Math.max(wild, 1)) : upper(2);
      return (x) => compare(x, v) >= 0 && compare(x, top) < 0;
    }
    case '^': {
      let top: Version;
      if (v.major > 0 || wild <= 1) top = { major: v.major + 1, minor: 0, patch: 0, pre: '' };
      else if (v.minor > 0 || wild === 2) top = { major: 0, minor: v.minor + 1, patch: 0, pre: '' };
      else top = { major: 0, minor: 0, patch: v.patch + 1, pre: '' };
      return (x) => compare(x, v) >= 0 && compare(x, top) < 0;
    }
    default:
      return undefined;
  }
}

function andGroup(text: string): { check: Check; allowsPre: boolean } | undefined {
  const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(text);
  if (hyphen) {
    const low = single('>=', hyphen[1]!);
    const high = single('<=', hyphen[2]!);
    if (!low || !high) return undefined;
    return { check: (v) => low(v) && high(v), allowsPre: /-/.test(hyphen[1]! + hyphen[2]!) };
  }
  const tokens = text.replace(/(>=|<=|=>|=<|!=|~>|[<>=~^])\s+/g, '$1').split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0) return undefined;
  const checks: Check[] = [];
  let allowsPre = false;
  for (const token of tokens) {
    const m = /^(>=|<=|=>|=<|!=|~>|[<>=~^])?(.*)$/.exec(token)!;
    const check = single(m[1] ?? '', m[2]!);
    if (!check) return undefined;
    if (m[2]!.includes('-')) allowsPre = true;
    checks.push(check);
  }
  return { check: (v) => checks.every((c) => c(v)), allowsPre };
}

// Every render checks its chart's kubeVersion against the same few versions.
const verdicts = new Map<string, boolean>();

/** True when `version` satisfies the Masterminds constraint (Helm's IsCompatibleRange). */
export function versionSatisfies(constraint: string, version: string): boolean {
  const key = `${constraint}\0${version}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = satisfies(constraint, version);
    if (verdicts.size >= 1000) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}

function satisfies(constraint: string, version: string): boolean {
  const v = parseVersion(version);
  if (!v || constraint.trim() === '') return false;
  const groups = constraint.split('||').map((g) => andGroup(g));
  if (groups.some((g) => g === undefined)) return false;
  return groups.some((g) => (v.pre && !g!.allowsPre ? false : g!.check(v)));
}
