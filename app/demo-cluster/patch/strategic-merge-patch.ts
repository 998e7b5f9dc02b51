// Strategic merge patch (`application/strategic-merge-patch+json`) for the
// built-in kinds: maps merge, keyed lists merge per item, other lists replace.
// Supports the directives kubectl emits: $patch (delete/replace/merge),
// $retainKeys, $setElementOrder/<list> and $deleteFromPrimitiveList/<list>.
import { cloneObject, isPlainObject } from '../api/kube-object.js';
import { mergeKeyOf, setListFields } from './list-keys.js';

function orderBy(items: any[], order: unknown[], key: string | undefined): any[] {
  const position = (item: any) => {
    const at = order.findIndex((o: any) => (key ? o?.[key] === item?.[key] : o === item));
    return at < 0 ? order.length : at;
  };
  return items.map((item, index) => ({ item, index })).sort((a, b) => position(a.item) - position(b.item) || a.index - b.index).map((e) => e.item);
}

function mergeList(field: string, target: unknown, patch: unknown[]): unknown[] {
  const current = Array.isArray(target) ? target : [];
  if (patch.some((p) => isPlainObject(p) && p.$patch === 'replace')) {
    return patch.filter((p) => !(isPlainObject(p) && p.$patch === 'replace')).map((p) => cloneObject(p));
  }
  if (setListFields.has(field)) return [...new Set([...current, ...patch])];
  const key = mergeKeyOf(field, [...patch, ...current]);
  if (!key) return cloneObject(patch);
  const result = current.map((item) => cloneObject(item));
  for (const item of patch) {
    if (!isPlainObject(item)) continue;
    const at = result.findIndex((r: any) => r?.[key] === item[key]);
    if (item.$patch === 'delete') {
      if (at >= 0) result.splice(at, 1);
    } else if (at >= 0) result[at] = applyStrategicMergePatch(result[at], item);
    else result.push(applyStrategicMergePatch(undefined, item));
  }
  return result;
}

/** Applies a strategic merge patch to `target`, returning a new value. */
export function applyStrategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneObject(patch);
  if (patch.$patch === 'delete') return undefined;
  const replace = patch.$patch === 'replace';
  const result: Record<string, any> = !replace && isPlainObject(target) ? { ...target } : {};
  const orders: Record<string, unknown[]> = {};
  for (const [name, value] of Object.entries(patch)) {
    if (name === '$patch') continue;
    if (name === '$retainKeys') continue;
    if (name.startsWith('$setElementOrder/')) { orders[name.slice('$setElementOrder/'.length)] = value as unknown[]; continue; }
    if (name.startsWith('$deleteFromPrimitiveList/')) {
      const field = name.slice('$deleteFromPrimitiveList/'.length);
      const drop = new Set(value as unknown[]);
      if (Array.isArray(result[field])) result[field] = result[field].filter((v: unknown) => !drop.has(v));
      continue;
    }
    if (value === null) { delete result[name]; continue; }
    if (Array.isArray(value)) result[name] = mergeList(name, result[name], value);
    else if (isPlainObject(value)) {
      const merged = applyStrategicMergePatch(result[name], value);
      if (merged === undefined) delete result[name];
      else result[name] = merged;
    } else result[name] = value;
  }
  if (Array.isArray(patch.$retainKeys)) {
    for (const name of Object.keys(result)) if (!patch.$retainKeys.includes(name)) delete result[name];
  }
  for (const [field, order] of Object.entries(orders)) {
    if (Array.isArray(result[field])) result[field] = orderBy(result[field], order, mergeKeyOf(field, result[field]));
  }
  return result;
}
