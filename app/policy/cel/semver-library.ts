// Kubernetes semver library (k8s.io/apiserver/pkg/cel/library/semverlib.go, 1.33).
import { CelLibraryError, type CelRegistrar } from './cel-registrar.js';
import { parseSemanticVersion, SemanticVersion } from '../semver/semver.js';

function semver(text: string, normalize = false): SemanticVersion {
  const parsed = parseSemanticVersion(text, normalize);
  if (!parsed) throw new CelLibraryError(`${JSON.stringify(text)} is not a valid semantic version`);
  return parsed;
}

/** Adds semver(), isSemver and the Semver methods. */
export function registerSemverLibrary(env: CelRegistrar): void {
  const T = 'kubernetes.Semver';
  env.registerType(T, SemanticVersion);
  env.registerFunction(`semver(string): ${T}`, (s: string) => semver(s));
  env.registerFunction(`semver(string, bool): ${T}`, semver);
  env.registerFunction('isSemver(string): bool', (s: string) => parseSemanticVersion(s) !== undefined);
  env.registerFunction('isSemver(string, bool): bool', (s: string, n: boolean) => parseSemanticVersion(s, n) !== undefined);
  env.registerFunction(`${T}.major(): int`, (v: SemanticVersion) => v.major);
  env.registerFunction(`${T}.minor(): int`, (v: SemanticVersion) => v.minor);
  env.registerFunction(`${T}.patch(): int`, (v: SemanticVersion) => v.patch);
  env.registerFunction(`${T}.isLessThan(${T}): bool`, (a: SemanticVersion, b: SemanticVersion) => a.compareTo(b) < 0);
  env.registerFunction(`${T}.isGreaterThan(${T}): bool`, (a: SemanticVersion, b: SemanticVersion) => a.compareTo(b) > 0);
  env.registerFunction(`${T}.compareTo(${T}): int`, (a: SemanticVersion, b: SemanticVersion) => BigInt(a.compareTo(b)));
  env.registerOperator(`${T} == ${T}`, (a: SemanticVersion, b: SemanticVersion) => a.equals(b));
}
