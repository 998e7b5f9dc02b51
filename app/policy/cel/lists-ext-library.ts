// cel-go's lists extension at version 3 (ext.Lists), which Kubernetes adds
// in 1.34 and Kyverno's CEL environment has: slice, flatten, distinct,
// reverse, sort, sortBy and lists.range. sortBy is a macro (its key
// expression names the element), built like the two-variable comprehensions.
import { CelLibraryError, registerNamespace, variableMacro, type CelRegistrar } from './cel-registrar.js';
import { celEquals } from './cel-equality.js';
import { compare } from './lists-library.js';

function slice(list: unknown[], start: bigint, end: bigint): unknown[] {
  if (start < 0n || end < 0n) throw new CelLibraryError(`cannot slice(${start}, ${end}), negative indexes not supported`);
  if (start > end) throw new CelLibraryError(`cannot slice(${start}, ${end}), start index must be less than or equal to end index`);
  if (end > BigInt(list.length)) throw new CelLibraryError(`cannot slice(${start}, ${end}), list is length ${list.length}`);
  return list.slice(Number(start), Number(end));
}

function flatten(list: unknown[], depth: bigint): unknown[] {
  if (depth < 0n) throw new CelLibraryError('level must be non-negative');
  const out: unknown[] = [];
  for (const item of list) {
    if (Array.isArray(item) && depth > 0n) out.push(...flatten(item, depth - 1n));
    else out.push(item);
  }
  return out;
}

function distinct(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of list) if (!out.some((seen) => celEquals(seen, item))) out.push(item);
  return out;
}

function kindOf(value: unknown): string {
  if (value instanceof Date) return 'timestamp';
  if (value instanceof Uint8Array) return 'bytes';
  return value === null ? 'null' : typeof value === 'object' ? (value as object).constructor?.name ?? 'object' : typeof value;
}

function sorted<T>(items: T[], key: (item: T) => unknown): T[] {
  if (items.length > 1) {
    const first = kindOf(key(items[0]!));
    if (items.some((item) => kindOf(key(item)) !== first)) throw new CelLibraryError('list elements must have the same type');
  }
  return [...items].sort((a, b) => compare(key(a), key(b)));
}

const sortByMacro = variableMacro('sortBy', 'list', (list, keyOf) => {
  if (!Array.isArray(list)) throw new CelLibraryError('sortBy needs a list');
  return sorted(list.map((item: unknown) => ({ item, key: keyOf(item) })), (entry) => entry.key).map((entry) => entry.item);
});

/** Adds the cel-go lists extension (version 3). */
export function registerListsExtLibrary(env: CelRegistrar): void {
  env.registerFunction('list.slice(int, int): list', slice);
  env.registerFunction('list.flatten(): list', (list: unknown[]) => flatten(list, 1n));
  env.registerFunction('list.flatten(int): list', flatten);
  env.registerFunction('list.distinct(): list', distinct);
  env.registerFunction('list.reverse(): list', (list: unknown[]) => [...list].reverse());
  env.registerFunction('list.sort(): list', (list: unknown[]) => sorted(list, (item) => item));
  env.registerFunction('list.sortBy(ast, ast): list', sortByMacro);
  registerNamespace(env, 'lists', 'kubernetes.ListsNamespace');
  env.registerFunction('kubernetes.ListsNamespace.range(int): list<int>', (_: unknown, n: bigint) => {
    const out: bigint[] = [];
    for (let i = 0n; i < n; i++) out.push(i);
    return out;
  });
}
