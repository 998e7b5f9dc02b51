// CEL libraries arrive with Kubernetes versions (k8s.io/apiserver
// pkg/cel/environment/base.go). A policy using a newer library than the
// workspace's kubeVersion would not compile in that cluster, so it is flagged.
import type { FieldProblem } from '../engine/resource-rules.js';

const libraries: Array<[RegExp, number, string]> = [
  [/\bauthorizer\b/, 27, 'authorizer'],
  [/\.\?|\[\?|\boptional\.(of|none|ofNonZeroValue)\(/, 28, 'optional types'],
  [/\b(quantity|isQuantity)\s*\(/, 28, 'quantity()'],
  [/\bsets\.(contains|equivalent|intersects)\s*\(/, 29, 'sets'],
  [/\b(ip|isIP|cidr|isCIDR)\s*\(/, 30, 'ip()/cidr()'],
  [/\bformat\.(named|dns1123Label|dns1123Subdomain|dns1035Label|qualifiedName|labelValue|uri|uuid|byte|date|datetime|dns1123LabelPrefix|dns1123SubdomainPrefix|dns1035LabelPrefix)\s*\(/, 31, 'named formats'],
  [/\.(all|exists|existsOne)\s*\(\s*[A-Za-z_]\w*\s*,\s*[A-Za-z_]\w*\s*,|\.transform(List|Map|MapEntry)\s*\(/, 32, 'two-variable comprehensions'],
  [/\b(semver|isSemver)\s*\(/, 33, 'semver()'],
  // reverse() is left out: strings have had it since 1.29.
  [/\.(slice|flatten|distinct|sortBy)\s*\(|\.sort\s*\(\s*\)|\blists\.range\s*\(/, 34, 'lists extension'],
];

/** Parses "1.31", "v1.31.2" to the minor version, or undefined. */
export function kubeMinor(version: string | undefined): number | undefined {
  const match = /^v?1\.(\d+)/.exec(version ?? '');
  return match ? Number(match[1]) : undefined;
}

function walk(value: unknown, path: string, out: Array<[string, string]>): void {
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (/^(expression|messageExpression|valueExpression)$/.test(key) && typeof item === 'string') out.push([at, item]);
      else walk(item, at, out);
    }
  }
}

/** Records a problem for each expression that needs a newer Kubernetes than `minor`. */
export function checkKubeVersion(spec: unknown, minor: number, problems: FieldProblem[]): void {
  const expressions: Array<[string, string]> = [];
  walk(spec, 'spec', expressions);
  for (const [field, expression] of expressions) {
    for (const [pattern, since, name] of libraries) {
      if (since > minor && pattern.test(expression)) {
        problems.push({ field, message: `uses ${name}, which needs Kubernetes 1.${since}; the target is 1.${minor} (raise kubeVersion or rewrite the expression)` });
      }
    }
  }
}
