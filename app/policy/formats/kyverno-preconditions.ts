// Kyverno rule `preconditions` are JMESPath, not CEL. The simple, common
// forms are supported: a key or value that is a literal or one
// `{{ request.<path> }}` reference (optionally `|| <default>`), compared with
// Kyverno's operators. A rule using anything else is reported as not
// evaluated, naming the form, instead of being checked without its
// precondition. A supported precondition becomes a match condition, so a
// false one skips the rule as Kyverno does.
import type { CelActivation, CelProgram } from '../cel/cel-environment.js';

type Getter = (activation: CelActivation) => unknown;

/** A precondition block compiled to a match condition, or the reason it cannot be. */
export type CompiledPreconditions = { condition: { name: string; program: CelProgram } } | { unsupported: string } | undefined;

const operators = new Set(['Equals', 'Equal', 'NotEquals', 'NotEqual', 'In', 'NotIn', 'AnyIn', 'AllIn', 'AnyNotIn', 'AllNotIn',
  'GreaterThan', 'GreaterThanOrEquals', 'LessThan', 'LessThanOrEquals']);

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** Splits `a.b."c.d"[0]` into segments; undefined when the path has other JMESPath syntax. */
function pathSegments(path: string): Array<string | number> | undefined {
  const out: Array<string | number> = [];
  const pattern = /\s*(?:([A-Za-z_][A-Za-z0-9_-]*)|"((?:[^"\\]|\\.)*)")((?:\[\d+\])*)\s*(\.|$)/y;
  let index = 0;
  while (index < path.length) {
    pattern.lastIndex = index;
    const m = pattern.exec(path);
    if (!m) return undefined;
    out.push(m[1] ?? m[2]!.replace(/\\(.)/g, '$1'));
    for (const i of m[3]!.matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
    index = pattern.lastIndex;
    if (m[4] === '') break;
  }
  return index >= path.length ? out : undefined;
}

function literal(text: string): { value: unknown } | undefined {
  const t = text.trim();
  if (/^'(?:[^'\\]|\\.)*'$/.test(t)) return { value: t.slice(1, -1).replace(/\\(.)/g, '$1') };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
  if (/^`.*`$/s.test(t)) { try { return { value: JSON.parse(t.slice(1, -1)) }; } catch { return undefined; } }
  return undefined;
}

/** A getter for a precondition operand, or undefined when its form is not supported. */
function operand(raw: unknown): Getter | undefined {
  if (typeof raw !== 'string') return () => raw;
  if (!raw.includes('{{')) return () => raw;
  const m = /^\s*\{\{(.*)\}\}\s*$/s.exec(raw);
  if (!m || m[1]!.includes('{{')) return undefined;
  const [expression, fallback, ...rest] = m[1]!.split('||');
  if (rest.length) return undefined;
  const segments = pathSegments(expression!.trim());
  if (!segments || segments[0] !== 'request' || typeof segments[1] !== 'string') return undefined;
  const otherwise = fallback === undefined ? { value: null } : literal(fallback);
  if (!otherwise) return undefined;
  const [root, rest2] = segments[1] === 'object' || segments[1] === 'oldObject' ? [segments[1], segments.slice(2)] : ['request', segments.slice(1)];
  return (activation) => {
    let value: unknown = activation[root];
    for (const s of rest2) value = value instanceof Map ? value.get(s) : value && typeof value === 'object' ? (value as any)[s] : undefined;
    value = plain(value);
    return value === undefined || value === null || (fallback !== undefined && value === '') ? otherwise.value : value;
  };
}

function wildcardMatch(pattern: string, value: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === value;
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's').test(value);
}

function equal(key: unknown, value: unknown): boolean {
  if (typeof key === 'string' && typeof value === 'string') return wildcardMatch(value, key);
  if (typeof key === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return key === Number(value);
  if (typeof value === 'number' && typeof key === 'string' && key.trim() !== '' && !Number.isNaN(Number(key))) return value === Number(key);
  return JSON.stringify(key) === JSON.stringify(value);
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return [value];
}

function compare(operator: string, key: unknown, value: unknown): boolean {
  switch (operator) {
    case 'Equals': case 'Equal': return equal(key, value);
    case 'NotEquals': case 'NotEqual': return !equal(key, value);
    case 'In': case 'AllIn': return list(key).every((k) => list(value).some((v) => equal(k, v)));
    case 'AnyIn': return list(key).some((k) => list(value).some((v) => equal(k, v)));
    case 'NotIn': case 'AllNotIn': return list(key).every((k) => !list(value).some((v) => equal(k, v)));
    case 'AnyNotIn': return list(key).some((k) => !list(value).some((v) => equal(k, v)));
  }
  const [a, b] = [Number(key), Number(value)];
  if (key === null || value === null || typeof key === 'object' || typeof value === 'object' || Number.isNaN(a) || Number.isNaN(b)) {
    throw new Error(`${operator} compares numbers here; ${JSON.stringify(key)} and ${JSON.stringify(value)} are not both numbers`);
  }
  switch (operator) {
    case 'GreaterThan': return a > b;
    case 'GreaterThanOrEquals': return a >= b;
    case 'LessThan': return a < b;
    default: return a <= b;
  }
}

interface Condition { key: Getter; operator: string; value: Getter }

function compileConditions(list: unknown, field: string): Condition[] | string {
  if (!Array.isArray(list)) return `${field} must be a list of conditions`;
  const out: Condition[] = [];
  for (const [i, c] of list.entries()) {
    const operator = String(c?.operator ?? '');
    if (!operators.has(operator)) return `${field}[${i}] uses operator '${operator}', which Paver does not evaluate`;
    const key = operand(c?.key);
    const value = operand(c?.value);
    if (!key || !value) return `${field}[${i}] uses a JMESPath form Paver does not evaluate (${JSON.stringify(!key ? c?.key : c?.value)}); only {{ request.<path> }} with an optional || default is supported`;
    out.push({ key, operator, value });
  }
  return out;
}

/** Compiles a rule's JMESPath preconditions (a list, or any/all blocks). */
export function compileKyvernoPreconditions(preconditions: unknown, field: string): CompiledPreconditions {
  if (preconditions === undefined || preconditions === null) return undefined;
  let any: Condition[] = [];
  let all: Condition[] = [];
  if (Array.isArray(preconditions)) {
    const compiled = compileConditions(preconditions, field);
    if (typeof compiled === 'string') return { unsupported: compiled };
    all = compiled;
  } else if (typeof preconditions === 'object') {
    const block = preconditions as { any?: unknown; all?: unknown };
    if (block.any !== undefined) { const c = compileConditions(block.any, `${field}.any`); if (typeof c === 'string') return { unsupported: c }; any = c; }
    if (block.all !== undefined) { const c = compileConditions(block.all, `${field}.all`); if (typeof c === 'string') return { unsupported: c }; all = c; }
  } else {
    return { unsupported: `${field} must be a list or an any/all block` };
  }
  const holds = (c: Condition, activation: CelActivation) => compare(c.operator, c.key(activation), c.value(activation));
  const run = (activation: CelActivation): boolean =>
    (any.length === 0 || any.some((c) => holds(c, activation))) && all.every((c) => holds(c, activation));
  const program: CelProgram = { expression: `JMESPath ${field}`, usesAuthorizer: false, run, evaluate: run };
  return { condition: { name: 'preconditions', program } };
}
