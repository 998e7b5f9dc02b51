// Which lists are "associative" (merged item by item on a key) rather than
// replaced whole. Strategic merge patch and server-side apply share this
// table; it mirrors the patchMergeKey / listMapKeys tags of the core types.

const keysByField: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', env: 'name', volumes: 'name',
  imagePullSecrets: 'name', volumeMounts: 'mountPath', volumeDevices: 'devicePath', hostAliases: 'ip',
  conditions: 'type', ownerReferences: 'uid', topologySpreadConstraints: 'topologyKey',
};

/** Primitive lists merged as sets rather than replaced. */
export const setListFields = new Set(['finalizers']);

/** The merge key of list `field`, or undefined when the list is atomic. */
export function mergeKeyOf(field: string, items: unknown[]): string | undefined {
  if (field === 'ports') {
    const first = items.find((i) => i && typeof i === 'object') as Record<string, unknown> | undefined;
    if (first && 'containerPort' in first) return 'containerPort';
    if (first && 'port' in first) return 'port';
    return undefined;
  }
  return keysByField[field];
}
