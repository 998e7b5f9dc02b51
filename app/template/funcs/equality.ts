// reflect.DeepEqual and Sprig's empty() over template values.
import { GoNumber, GoObject, isGoMap, isTruthy, typeName, type Value } from '../lang/value.js';

/** reflect.DeepEqual: same Go type and deeply equal contents. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null) return a === b;
  if (typeName(a) !== typeName(b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object') {
    if (typeof a === 'number' && typeof b === 'number') return a === b;
    return a === b;
  }
  if (a instanceof GoNumber && b instanceof GoNumber) return a.value === b.value;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isGoMap(a) && isGoMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  if (a instanceof GoObject && b instanceof GoObject) {
    if (a === b) return true;
    const ma = a.goMap();
    const mb = b.goMap();
    if (ma !== undefined && mb !== undefined) return deepEqual(ma, mb);
    const fa = a.goFields();
    const fb = b.goFields();
    return fa.length === fb.length && fa.every(([k, v], i) => fb[i][0] === k && deepEqual(v, fb[i][1]));
  }
  return false;
}

/** Sprig's empty(): nil, zero numbers, false, "" and empty collections; structs are never empty. */
export function isEmpty(v: Value): boolean {
  return !isTruthy(v ?? null);
}
