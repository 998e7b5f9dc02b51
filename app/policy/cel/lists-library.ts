// Kubernetes lists library (k8s.io/apiserver/pkg/cel/library/lists.go) and
// the cel-go sets extension.
import { CelLibraryError, registerNamespace, type CelRegistrar } from './cel-registrar.js';
import { celEquals, unwrapUint } from './cel-equality.js';

/** Orders two CEL values of comparable types (numbers across int/uint/double); throws otherwise. */
export function compare(a: unknown, b: unknown): number {
  a = unwrapUint(a);
  b = unwrapUint(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (a?.constructor?.name === 'Duration' && b?.constructor?.name === 'Duration') return Number((a as number).valueOf()) - Number((b as number).valueOf());
  const comparable = a as { compareTo?: (other: unknown) => bigint };
  if (typeof comparable?.compareTo === 'function') return Number(comparable.compareTo(b));
  throw new CelLibraryError(`cannot compare ${typeof a} and ${typeof b}`);
}

function isSorted(list: unknown[]): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return false;
  return true;
}

function sum(list: unknown[]): unknown {
  if (list.length === 0) return 0n;
  let total: any = list[0];
  for (let i = 1; i < list.length; i++) {
    const next: any = list[i];
    if (typeof total !== typeof next) throw new CelLibraryError('sum of a list with mixed numeric types');
    total = total + next;
  }
  return total;
}

function extreme(list: unknown[], sign: number, name: string): unknown {
  if (list.length === 0) throw new CelLibraryError(`${name} called on empty list`);
  let best = list[0];
  for (let i = 1; i < list.length; i++) if (compare(list[i], best) * sign > 0) best = list[i];
  return best;
}

function indexOf(list: unknown[], value: unknown): bigint {
  for (let i = 0; i < list.length; i++) if (celEquals(list[i], value)) return BigInt(i);
  return -1n;
}

function lastIndexOf(list: unknown[], value: unknown): bigint {
  for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], value)) return BigInt(i);
  return -1n;
}

/** `sets.contains(a, b)`: every element of b is in a. */
function setContains(a: unknown[], b: unknown[]): boolean {
  return b.every((x) => a.some((y) => celEquals(x, y)));
}

/** Adds isSorted, sum, min, max, indexOf, lastIndexOf and the sets functions. */
export function registerListsLibrary(env: CelRegistrar): void {
  env.registerFunction('list.isSorted(): bool', isSorted);
  env.registerFunction('list.sum(): dyn', sum);
  env.registerFunction('list.min(): dyn', (l: unknown[]) => extreme(l, -1, 'min'));
  env.registerFunction('list.max(): dyn', (l: unknown[]) => extreme(l, 1, 'max'));
  // `.indexOf(` calls are renamed before parsing (see rewrite-methods.ts), so lists answer to both names.
  env.registerFunction('list.indexOf(dyn): int', indexOf);
  env.registerFunction('list.lastIndexOf(dyn): int', lastIndexOf);
  env.registerFunction('list.k8sIndexOf(dyn): int', indexOf);
  env.registerFunction('list.k8sLastIndexOf(dyn): int', lastIndexOf);
  registerNamespace(env, 'sets', 'kubernetes.SetsNamespace');
  env.registerFunction('kubernetes.SetsNamespace.contains(list, list): bool', (_: unknown, a: unknown[], b: unknown[]) => setContains(a, b));
  env.registerFunction('kubernetes.SetsNamespace.equivalent(list, list): bool', (_: unknown, a: unknown[], b: unknown[]) => setContains(a, b) && setContains(b, a));
  env.registerFunction('kubernetes.SetsNamespace.intersects(list, list): bool', (_: unknown, a: unknown[], b: unknown[]) => a.some((x) => b.some((y) => celEquals(x, y))));
}
