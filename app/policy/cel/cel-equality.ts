// CEL equality for library functions that search lists (indexOf, sets.*):
// numbers compare across int/uint/double, lists and maps structurally.

/** A cel-js uint (an UnsignedInt, not exported, whose valueOf() is a bigint) as its bigint; other values unchanged. */
export function unwrapUint(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) return value;
  const primitive = (value as { valueOf(): unknown }).valueOf?.();
  return typeof primitive === 'bigint' ? primitive : value;
}

/** True when two CEL values are equal under CEL's heterogeneous equality. */
export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  a = unwrapUint(a);
  b = unwrapUint(b);
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return a == b;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  const equatable = a as { equals?: (other: unknown) => boolean };
  if (typeof equatable.equals === 'function') return equatable.equals(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  // Boxed values such as cel-js durations hide their state; their valueOf() tells them apart.
  if (a.constructor === b.constructor && a.constructor !== Object && a.constructor !== undefined) {
    const pa = (a as { valueOf(): unknown }).valueOf();
    if (pa !== a) return pa === (b as { valueOf(): unknown }).valueOf();
  }
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
