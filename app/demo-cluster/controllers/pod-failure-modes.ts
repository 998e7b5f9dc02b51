// The reproducible failures a pod spec can ask for (issue 6):
//   image tag `does-not-exist`       -> ErrImagePull, then ImagePullBackOff
//   env PAVER_DEMO_CRASH=1           -> CrashLoopBackOff with rising restarts
//   memory limit below 16Mi          -> OOMKilled
//   missing ConfigMap/Secret key ref -> CreateContainerConfigError
import type { KubeObject } from '../api/kube-object.js';
import type { Cluster } from '../cluster.js';

const units: Record<string, number> = {
  '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, m: 1e-3,
};

/** Parses a Kubernetes quantity ("64Mi", "1G", "500m") into a number, or undefined. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const match = /^([0-9.]+)(Ki|Mi|Gi|Ti|k|M|G|T|m)?$/.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * units[match[2] ?? '']!;
}

/** The smallest memory limit a container gets without being OOMKilled. */
export const oomThresholdBytes = 16 * 1024 * 1024;

/** Whether pulling this image fails (its tag is `does-not-exist`). */
export function imageFails(image: string | undefined): boolean {
  const lastSegment = (image ?? '').split('@')[0]!.split('/').pop() ?? '';
  return lastSegment.split(':')[1] === 'does-not-exist';
}

/** Whether the container crashes after starting (env PAVER_DEMO_CRASH=1). */
export function crashes(container: any): boolean {
  return (container.env ?? []).some((e: any) => e?.name === 'PAVER_DEMO_CRASH' && e.value === '1');
}

/** Whether the container is killed for memory (limit below 16Mi). */
export function runsOutOfMemory(container: any): boolean {
  const limit = parseQuantity(container.resources?.limits?.memory);
  return limit !== undefined && limit < oomThresholdBytes;
}

/** Why the container's config cannot be built (missing ConfigMap/Secret or key), or undefined. */
export function configError(cluster: Cluster, pod: KubeObject, container: any): string | undefined {
  const namespace = pod.metadata.namespace;
  const lookup = (plural: 'configmaps' | 'secrets', name: string) => cluster.store.get({ group: '', plural }, namespace, name);
  for (const env of container.env ?? []) {
    for (const [refName, plural, kind] of [['configMapKeyRef', 'configmaps', 'ConfigMap'], ['secretKeyRef', 'secrets', 'Secret']] as const) {
      const ref = env?.valueFrom?.[refName];
      if (!ref || ref.optional) continue;
      const source = lookup(plural, ref.name);
      if (!source) return `${plural === 'configmaps' ? 'configmap' : 'secret'} "${ref.name}" not found`;
      const data = { ...source.data, ...source.binaryData, ...source.stringData };
      if (!(ref.key in data)) return `couldn't find key ${ref.key} in ${kind} ${namespace}/${ref.name}`;
    }
  }
  for (const from of container.envFrom ?? []) {
    if (from?.configMapRef && !from.configMapRef.optional && !lookup('configmaps', from.configMapRef.name)) return `configmap "${from.configMapRef.name}" not found`;
    if (from?.secretRef && !from.secretRef.optional && !lookup('secrets', from.secretRef.name)) return `secret "${from.secretRef.name}" not found`;
  }
  return undefined;
}
