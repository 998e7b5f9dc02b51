// Kubernetes label selectors (matchLabels + matchExpressions), compiled once.

/** A LabelSelector as written in YAML. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** A compiled selector; `undefined` labels count as no labels. */
export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

/** The matcher of a missing or empty selector (compare with === to skip calling it). */
export const matchesEverything: LabelMatcher = () => true;
const everything = matchesEverything;

/** Compiles a selector; a missing or empty selector matches everything. Throws on an unknown operator. */
export function compileLabelSelector(selector: LabelSelectorSpec | null | undefined): LabelMatcher {
  if (!selector) return everything;
  const checks: LabelMatcher[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    checks.push((labels) => labels?.[key] === String(value));
  }
  for (const expression of selector.matchExpressions ?? []) {
    const { key } = expression;
    const values = new Set((expression.values ?? []).map(String));
    switch (expression.operator) {
      case 'In': checks.push((labels) => labels?.[key] !== undefined && values.has(labels[key]!)); break;
      case 'NotIn': checks.push((labels) => labels?.[key] === undefined || !values.has(labels[key]!)); break;
      case 'Exists': checks.push((labels) => labels?.[key] !== undefined); break;
      case 'DoesNotExist': checks.push((labels) => labels?.[key] === undefined); break;
      default: throw new Error(`unknown label selector operator ${JSON.stringify(expression.operator)} (use In, NotIn, Exists or DoesNotExist)`);
    }
  }
  if (checks.length === 0) return everything;
  if (checks.length === 1) return checks[0]!;
  return (labels) => {
    for (const check of checks) if (!check(labels)) return false;
    return true;
  };
}
