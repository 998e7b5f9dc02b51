// The cluster's state: one table per storage key, a global revision counter
// (resourceVersion), and the watch hub every write goes through.
import type { KubeObject } from '../api/kube-object.js';
import { storageKeyOf, type ResourceType } from '../api/resource-types.js';
import { insertSorted, lowerBound, removeSorted } from './sorted-keys.js';
import { WatchHub } from './watch-hub.js';

interface Table {
  objects: Map<string, KubeObject>;
  keys: string[];
}

/** `namespace/name`, or `name` for cluster-scoped objects. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** In-memory object storage with ordered keys and watch fan-out. */
export class ObjectStore {
  private readonly tables = new Map<string, Table>();
  private revision = 1;
  readonly hub = new WatchHub();
  /** Stored objects never change, so their JSON is computed once and reused by lists and watches. */
  private readonly serialized = new WeakMap<KubeObject, string>();

  /** The JSON text of a stored object (cached). */
  json(object: KubeObject): string {
    let text = this.serialized.get(object);
    if (text === undefined) {
      text = JSON.stringify(object);
      this.serialized.set(object, text);
    }
    return text;
  }

  /** The latest resourceVersion handed out. */
  currentRevision(): number {
    return this.revision;
  }

  private table(type: Pick<ResourceType, 'group' | 'plural'>): Table {
    const key = storageKeyOf(type);
    let table = this.tables.get(key);
    if (!table) this.tables.set(key, table = { objects: new Map(), keys: [] });
    return table;
  }

  /** Reads one object, or undefined. */
  get(type: Pick<ResourceType, 'group' | 'plural'>, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.table(type).objects.get(objectKey(namespace, name));
  }

  /** Number of objects of a type. */
  count(type: Pick<ResourceType, 'group' | 'plural'>): number {
    return this.table(type).objects.size;
  }

  /**
   * Iterates objects in key order, optionally within one namespace and
   * starting after `afterKey` (a continue token's position).
   */
  *scan(type: Pick<ResourceType, 'group' | 'plural'>, namespace?: string, afterKey?: string): Generator<[string, KubeObject]> {
    const table = this.table(type);
    const prefix = namespace ? `${namespace}/` : '';
    let at = lowerBound(table.keys, prefix);
    if (afterKey !== undefined && afterKey >= prefix) {
      at = lowerBound(table.keys, afterKey);
      if (table.keys[at] === afterKey) at++;
    }
    // Snapshot the length: writes during iteration must not loop forever.
    for (const keys = table.keys; at < keys.length; at++) {
      const key = keys[at]!;
      if (prefix && !key.startsWith(prefix)) return;
      const object = table.objects.get(key);
      if (object) yield [key, object];
    }
  }

  /** All objects of a type (optionally one namespace), in key order. */
  list(type: Pick<ResourceType, 'group' | 'plural'>, namespace?: string): KubeObject[] {
    return Array.from(this.scan(type, namespace), ([, object]) => object);
  }

  /** Stores a new or replaced object, stamping its resourceVersion, and notifies watchers. */
  put(type: Pick<ResourceType, 'group' | 'plural'>, object: KubeObject): KubeObject {
    const table = this.table(type);
    const key = objectKey(object.metadata.namespace, object.metadata.name!);
    const previous = table.objects.get(key);
    const existed = previous !== undefined;
    const revision = ++this.revision;
    const stored: KubeObject = { ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } };
    table.objects.set(key, stored);
    if (!existed) insertSorted(table.keys, key);
    this.hub.publish({ type: existed ? 'MODIFIED' : 'ADDED', storageKey: storageKeyOf(type), object: stored, previous, revision });
    return stored;
  }

  /** Removes an object and notifies watchers; returns the final state. */
  remove(type: Pick<ResourceType, 'group' | 'plural'>, namespace: string | undefined, name: string): KubeObject | undefined {
    const table = this.table(type);
    const key = objectKey(namespace, name);
    const existing = table.objects.get(key);
    if (!existing) return undefined;
    table.objects.delete(key);
    removeSorted(table.keys, key);
    const revision = ++this.revision;
    const final: KubeObject = { ...existing, metadata: { ...existing.metadata, resourceVersion: String(revision) } };
    this.hub.publish({ type: 'DELETED', storageKey: storageKeyOf(type), object: final, revision });
    return final;
  }
}
