// Entry point of defaulting: dispatches on kind. Runs on every write,
// dry-run included, before validation.
import type { KubeObject } from '../api/kube-object.js';
import { defaultPod } from './pod-defaults.js';
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet, defaultStatefulSet } from './workload-defaults.js';

let nextClusterIp = 10;

function defaultService(service: any): void {
  const spec = service.spec ??= {};
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.clusterIP === undefined && spec.type !== 'ExternalName') {
    // Deterministic per process; uniqueness is all that matters here.
    const n = nextClusterIp++;
    spec.clusterIP = `10.96.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
  }
  if (spec.clusterIP && spec.clusterIP !== 'None') spec.clusterIPs ??= [spec.clusterIP];
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
  spec.internalTrafficPolicy ??= 'Cluster';
  for (const port of Array.isArray(spec.ports) ? spec.ports : []) {
    port.protocol ??= 'TCP';
    port.targetPort ??= port.port;
  }
  service.status ??= { loadBalancer: {} };
}

// The apiserver folds write-only stringData into base64 data.
function defaultSecret(secret: KubeObject): void {
  secret.type ??= 'Opaque';
  if (secret.stringData && typeof secret.stringData === 'object') {
    const encoded = Object.fromEntries(Object.entries(secret.stringData).map(([k, v]) => [k, Buffer.from(String(v)).toString('base64')]));
    secret.data = { ...secret.data, ...encoded };
    delete secret.stringData;
  }
}

function defaultNamespace(namespace: KubeObject): void {
  namespace.metadata.labels = { ...namespace.metadata.labels, 'kubernetes.io/metadata.name': namespace.metadata.name! };
  namespace.spec ??= { finalizers: ['kubernetes'] };
  namespace.status ??= { phase: 'Active' };
}

function dropEmptyMaps(holder: any, fields: string[]): void {
  if (!holder || typeof holder !== 'object') return;
  for (const field of fields) {
    const value = holder[field];
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) delete holder[field];
  }
}

// Go maps tagged omitempty never serialise when empty, so an object the
// apiserver returns has no `annotations: {}`; kubectl diff relies on that.
function pruneOmittedMaps(object: KubeObject): void {
  dropEmptyMaps(object.metadata, ['labels', 'annotations']);
  dropEmptyMaps(object, ['data', 'binaryData', 'stringData']);
  const templates = [object.spec?.template, object.spec?.jobTemplate, object.spec?.jobTemplate?.spec?.template];
  for (const template of templates) {
    dropEmptyMaps(template?.metadata, ['labels', 'annotations']);
    dropEmptyMaps(template?.spec, ['nodeSelector']);
  }
  dropEmptyMaps(object.spec, ['nodeSelector']);
}

/** Fills apiserver defaults into `object` in place. */
export function applyDefaults(object: KubeObject): void {
  pruneOmittedMaps(object);
  switch (object.kind) {
    case 'Pod': return defaultPod(object);
    case 'Deployment': return defaultDeployment(object);
    case 'ReplicaSet': return defaultReplicaSet(object);
    case 'StatefulSet': return defaultStatefulSet(object);
    case 'DaemonSet': return defaultDaemonSet(object);
    case 'Job': return defaultJob(object);
    case 'CronJob': return defaultCronJob(object);
    case 'Service': return defaultService(object);
    case 'Namespace': return defaultNamespace(object);
    case 'Secret': return defaultSecret(object);
    case 'ServiceAccount': return;
  }
}
