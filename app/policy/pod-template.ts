// A policy on Pods does not fire on a Deployment: it fires later, when the
// controller creates Pods. Offline we evaluate Pod policies against each
// workload's pod template, as a synthetic Pod in the workload's namespace.
import { splitApiVersion } from './k8s/resource-names.js';
import type { KubeObject } from './types.js';

const cache = new WeakMap<object, KubeObject | null>();

function templateOf(workload: KubeObject): any {
  const { group } = splitApiVersion(workload.apiVersion);
  const spec = workload.spec as any;
  switch (`${group}/${workload.kind}`) {
    case 'apps/Deployment': case 'apps/StatefulSet': case 'apps/DaemonSet': case 'apps/ReplicaSet':
    case 'batch/Job': case '/ReplicationController':
      return spec?.template;
    case 'batch/CronJob':
      return spec?.jobTemplate?.spec?.template;
    default:
      return undefined;
  }
}

/** The Pod a workload's controller would create, or null when the object has no pod template. */
export function podFromWorkload(workload: KubeObject): KubeObject | null {
  const cached = cache.get(workload);
  if (cached !== undefined) return cached;
  const template = templateOf(workload);
  let pod: KubeObject | null = null;
  if (template && typeof template === 'object') {
    const metadata = (template.metadata ?? {}) as KubeObject['metadata'];
    const name = workload.metadata?.name ?? 'workload';
    pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...metadata, name: metadata?.name ?? `${name}-pod`, generateName: `${name}-`, namespace: workload.metadata?.namespace },
      spec: template.spec ?? {},
    };
    if (pod.metadata!.namespace === undefined) delete pod.metadata!.namespace;
  }
  cache.set(workload, pod);
  return pod;
}
