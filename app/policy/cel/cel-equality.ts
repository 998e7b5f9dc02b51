// CEL equality for library functions that search lists (indexOf, sets.*):
// numbers compare across int/uint/double, lists and maps structurally.

/** True when two CEL values are equal under CEL's heterogeneous equality. */
export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return a == b;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  const equatable = a as { equals?: (other: unknown) => boolean };
  if (typeof equatable.equals === 'function') return equatable.equals(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Map || b instanceof Map) {
    const ma = a instanceof Map ? a : new Map(Object.entries(a));
    const mb = b instanceof Map ? b : new Map(Object.entries(b));
    if (ma.size !== mb.size) return false;
    for (const [k, v] of ma) if (!mb.has(k) || !celEquals(v, mb.get(k))) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && celEquals((a as any)[k], (b as any)[k]));
}
