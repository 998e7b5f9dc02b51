// Server-side apply (`application/apply-patch+yaml`): merges the applied
// configuration into the live object, records the manager's field set, and
// reports conflicts with other managers unless `force` takes ownership.
import { cloneObject, isPlainObject, jsonEqual, type KubeObject } from '../api/kube-object.js';
import { StatusError, type StatusCause } from '../api/status-error.js';
import { mergeKeyOf, setListFields } from '../patch/list-keys.js';
import { describePath, fieldSetOf, removeAt, valueAt } from './field-set.js';
import { entryFor, readOwnership, writeOwnership } from './managed-fields.js';

function mergeApplied(live: unknown, applied: unknown, field: string): unknown {
  if (Array.isArray(applied)) {
    const current = Array.isArray(live) ? live : [];
    if (setListFields.has(field)) return [...new Set([...current, ...applied])];
    const key = mergeKeyOf(field, [...applied, ...current]);
    if (!key || !applied.every(isPlainObject)) return cloneObject(applied);
    const result = current.map((item) => cloneObject(item));
    for (const item of applied as Record<string, unknown>[]) {
      const at = result.findIndex((r: any) => jsonEqual(r?.[key], item[key]));
      if (at >= 0) result[at] = mergeApplied(result[at], item, '');
      else result.push(cloneObject(item));
    }
    return result;
  }
  if (isPlainObject(applied)) {
    const result: Record<string, unknown> = isPlainObject(live) ? { ...live } : {};
    for (const [name, value] of Object.entries(applied)) result[name] = mergeApplied(result[name], value, name);
    return result;
  }
  return cloneObject(applied);
}

/** Inputs of one apply request. */
export interface ApplyRequest {
  live: KubeObject | undefined;
  applied: KubeObject;
  manager: string;
  force: boolean;
  time: string;
  subresource?: string;
}

function conflictError(live: KubeObject, conflicts: Array<{ manager: string; apiVersion: string; path: string }>): StatusError {
  const causes: StatusCause[] = conflicts.map((c) => ({
    reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${c.apiVersion}`, field: describePath(c.path),
  }));
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(`"${c.manager}" using ${c.apiVersion}`, [...byManager.get(`"${c.manager}" using ${c.apiVersion}`) ?? [], describePath(c.path)]);
  let message: string;
  if (conflicts.length === 1) {
    const c = conflicts[0]!;
    message = `Apply failed with 1 conflict: conflict with "${c.manager}" using ${c.apiVersion}: ${describePath(c.path)}`;
  } else {
    message = `Apply failed with ${conflicts.length} conflicts: ` + [...byManager.entries()]
      .map(([who, fields]) => `conflicts with ${who}:\n${fields.map((f) => `- ${f}`).join('\n')}`).join('\n');
  }
  const group = live.apiVersion.includes('/') ? live.apiVersion.split('/')[0] : '';
  return new StatusError(409, 'Conflict', message, { name: live.metadata.name, group, kind: live.kind.toLowerCase() + 's', causes });
}

/** Computes the object after an apply; throws a 409 Status on unforced conflicts. */
export function serverSideApply(request: ApplyRequest): KubeObject {
  const { live, applied, manager, force, time } = request;
  const includeStatus = request.subresource === 'status';
  const appliedFields = fieldSetOf(applied, includeStatus);
  const owners = readOwnership(live);
  if (live) {
    const conflicts: Array<{ manager: string; apiVersion: string; path: string; owner: (typeof owners)[number] }> = [];
    for (const owner of owners) {
      if (owner.entry.manager === manager) continue;
      for (const path of appliedFields) {
        // A list item's own entry only records that it exists; its fields carry the values.
        if (path.slice(path.lastIndexOf('\n') + 1).startsWith('k:')) continue;
        if (owner.fields.has(path) && !jsonEqual(valueAt(live, path), valueAt(applied, path))) {
          conflicts.push({ manager: owner.entry.manager, apiVersion: owner.entry.apiVersion, path, owner });
        }
      }
    }
    if (conflicts.length > 0 && !force) throw conflictError(live, conflicts);
    for (const c of conflicts) c.owner.fields.delete(c.path);
  }
  // Clone: removals below must never touch the stored object.
  const merged = mergeApplied(cloneObject(live) ?? {}, applied, '') as KubeObject;
  const mine = entryFor(owners, manager, 'Apply', applied.apiVersion, time, request.subresource);
  const previouslyMine = mine.fields;
  for (const path of previouslyMine) {
    const ownedByOthers = owners.some((o) => o !== mine && o.fields.has(path));
    if (!appliedFields.has(path) && !ownedByOthers) removeAt(merged, path);
  }
  mine.fields = appliedFields;
  writeOwnership(merged, owners);
  return merged;
}
