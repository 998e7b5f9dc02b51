// metadata.managedFields bookkeeping for every write: who owns which field.
import { jsonEqual, type KubeObject, type ManagedFieldsEntry } from '../api/kube-object.js';
import { fieldSetOf, fromFieldsV1, toFieldsV1, valueAt, type FieldSet } from './field-set.js';

/** A managedFields entry with its parsed set. */
export interface Ownership {
  entry: ManagedFieldsEntry;
  fields: FieldSet;
}

/** Parses an object's managedFields. */
export function readOwnership(object: KubeObject | undefined): Ownership[] {
  return (object?.metadata.managedFields ?? []).map((entry) => ({ entry, fields: fromFieldsV1(entry.fieldsV1) }));
}

/** Writes ownership back as managedFields, dropping empty entries. */
export function writeOwnership(object: KubeObject, owners: Ownership[]): void {
  const entries = owners.filter((o) => o.fields.size > 0).map((o) => ({ ...o.entry, fieldsV1: toFieldsV1(o.fields) }));
  if (entries.length > 0) object.metadata.managedFields = entries;
  else delete object.metadata.managedFields;
}

/** Finds or adds the entry for a manager and operation. */
export function entryFor(owners: Ownership[], manager: string, operation: 'Apply' | 'Update', apiVersion: string, time: string, subresource?: string): Ownership {
  let found = owners.find((o) => o.entry.manager === manager && o.entry.operation === operation && o.entry.subresource === subresource);
  if (!found) {
    found = { entry: { manager, operation, apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: {}, ...(subresource ? { subresource } : {}) }, fields: new Set() };
    owners.push(found);
  }
  found.entry = { ...found.entry, apiVersion, time };
  return found;
}

/**
 * Records an Update-operation write: `manager` takes the fields it changed,
 * other managers lose those, and everyone loses fields that are gone.
 */
export function recordUpdate(object: KubeObject, old: KubeObject | undefined, manager: string, time: string, subresource?: string): void {
  const owners = readOwnership(old);
  const includeStatus = subresource === 'status';
  const now = fieldSetOf(object, includeStatus);
  const changed = [...now].filter((path) => !old || !jsonEqual(valueAt(old, path), valueAt(object, path)));
  for (const owner of owners) {
    for (const path of owner.fields) if (!now.has(path) && !(includeStatus !== path.startsWith('f:status'))) owner.fields.delete(path);
    if (owner.entry.manager !== manager) for (const path of changed) owner.fields.delete(path);
  }
  if (changed.length > 0) {
    const mine = entryFor(owners, manager, 'Update', object.apiVersion, time, subresource);
    for (const path of changed) mine.fields.add(path);
  }
  writeOwnership(object, owners);
}

/** The default manager name derived from a User-Agent, as the apiserver does. */
export function managerFromUserAgent(userAgent: string | undefined): string {
  const product = (userAgent ?? 'unknown').split('/')[0]!.trim();
  return product || 'unknown';
}
