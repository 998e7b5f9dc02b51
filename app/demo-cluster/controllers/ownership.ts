// Helpers for controller ownership (ownerReferences with controller: true).
import type { KubeObject, OwnerReference } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-types.js';
import type { Cluster } from '../cluster.js';

/** The ownerReference a controller puts on what it creates. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** Objects of `type` in the owner's namespace controlled by `owner`. */
export function ownedBy(cluster: Cluster, type: ResourceType, owner: KubeObject): KubeObject[] {
  const uid = owner.metadata.uid;
  return cluster.store.list(type, owner.metadata.namespace)
    .filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === uid && r.controller));
}

/** Groups objects by their controller's uid, for one pass over a big table. */
export function groupByController(objects: Iterable<KubeObject>): Map<string, KubeObject[]> {
  const groups = new Map<string, KubeObject[]>();
  for (const object of objects) {
    const ref = object.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref) continue;
    let list = groups.get(ref.uid);
    if (!list) groups.set(ref.uid, list = []);
    list.push(object);
  }
  return groups;
}

/** Stable FNV-1a hash rendered in the apiserver's safe alphabet (pod-template-hash). */
export function templateHash(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  // Two FNV-1a passes with different offsets give enough bits for ten characters.
  for (const offset of [0x811c9dc5, 0x050c5d1f]) {
    let hash = offset;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    for (let n = 0; n < 5; n++, hash = Math.floor(hash / alphabet.length)) out += alphabet[hash % alphabet.length];
  }
  return out;
}

/** Writes a new status when it differs from the stored one. */
export function writeStatus(cluster: Cluster, type: ResourceType, object: KubeObject, status: Record<string, unknown>): KubeObject {
  if (JSON.stringify(object.status ?? {}) === JSON.stringify(status)) return object;
  return cluster.store.put(type, { ...object, status });
}
