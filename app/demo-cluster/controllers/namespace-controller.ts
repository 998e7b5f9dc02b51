// Namespaces: give each a `default` ServiceAccount, and finish deleting
// terminating ones by removing everything inside, then the namespace.
import { resourceTypes, storageKeyOf } from '../api/resource-types.js';
import { findResourceType } from '../api/resource-types.js';
import type { Cluster } from '../cluster.js';
import { removeWithDependents } from '../operations/delete-object.js';

const namespaces = findResourceType('', 'v1', 'namespaces')!;
const serviceAccounts = findResourceType('', 'v1', 'serviceaccounts')!;
const namespacedStorage = [...new Map(resourceTypes.filter((t) => t.namespaced).map((t) => [storageKeyOf(t), t])).values()];

/** Reconciles namespaces once. */
export function namespaceController(cluster: Cluster): void {
  for (const namespace of cluster.store.list(namespaces)) {
    const name = namespace.metadata.name!;
    if (namespace.status?.phase === 'Terminating') {
      for (const type of namespacedStorage) {
        for (const object of cluster.store.list(type, name)) removeWithDependents(cluster, type, object, 'Background');
      }
      cluster.store.remove(namespaces, undefined, name);
      continue;
    }
    if (!cluster.store.get(serviceAccounts, name, 'default')) {
      cluster.store.put(serviceAccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name, uid: cluster.newUid(), creationTimestamp: cluster.now() } });
    }
  }
}
