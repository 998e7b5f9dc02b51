// Unknown-field detection for the common kinds, so `fieldValidation=Strict`
// (kubectl's default) rejects a typo such as `spec.replica` as the apiserver
// does, and the default (Warn) reports it in a Warning header. Schemas list
// field names; `any` accepts anything below, `open` allows extra keys.
import type { KubeObject } from '../api/kube-object.js';

type Schema = 'any' | { fields: Record<string, Schema>; open?: boolean } | { items: Schema };

const any = 'any' as const;
const obj = (fields: Record<string, Schema>, open = false): Schema => ({ fields, open });
const list = (items: Schema): Schema => ({ items });
const names = (...keys: string[]): Record<string, Schema> => Object.fromEntries(keys.map((k) => [k, any]));

const objectMeta = obj(names('name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields', 'selfLink'));

const container = obj({
  ...names('name', 'image', 'command', 'args', 'workingDir', 'envFrom', 'resources', 'resizePolicy', 'restartPolicy', 'volumeMounts', 'volumeDevices',
    'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy',
    'securityContext', 'stdin', 'stdinOnce', 'tty'),
  ports: list(obj(names('name', 'hostPort', 'containerPort', 'protocol', 'hostIP'))),
  env: list(obj(names('name', 'value', 'valueFrom'))),
});

const podSpec = obj({
  ...names('volumes', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector',
    'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace',
    'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName',
    'priority', 'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints',
    'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources'),
  containers: list(container),
  initContainers: list(container),
});

const podTemplate = obj({ metadata: objectMeta, spec: podSpec });
const jobSpec = obj({
  ...names('parallelism', 'completions', 'activeDeadlineSeconds', 'podFailurePolicy', 'successPolicy', 'backoffLimit', 'backoffLimitPerIndex',
    'maxFailedIndexes', 'selector', 'manualSelector', 'ttlSecondsAfterFinished', 'completionMode', 'suspend', 'podReplacementPolicy', 'managedBy'),
  template: podTemplate,
});

const top = (rest: Record<string, Schema>): Schema => obj({ apiVersion: any, kind: any, metadata: objectMeta, status: any, ...rest });

const schemas: Record<string, Schema> = {
  Pod: top({ spec: podSpec }),
  Deployment: top({ spec: obj({ ...names('replicas', 'selector', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'), template: podTemplate }) }),
  ReplicaSet: top({ spec: obj({ ...names('replicas', 'minReadySeconds', 'selector'), template: podTemplate }) }),
  StatefulSet: top({ spec: obj({ template: podTemplate }, true) }),
  DaemonSet: top({ spec: obj({ template: podTemplate }, true) }),
  Job: top({ spec: jobSpec }),
  CronJob: top({ spec: obj({ ...names('schedule', 'timeZone', 'startingDeadlineSeconds', 'concurrencyPolicy', 'suspend', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'),
    jobTemplate: obj({ metadata: objectMeta, spec: jobSpec }) }) }),
  Service: top({ spec: obj({
    ...names('selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName',
      'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy',
      'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution'),
    ports: list(obj(names('name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'))),
  }) }),
  ConfigMap: top(names('data', 'binaryData', 'immutable')),
  Secret: top(names('data', 'stringData', 'type', 'immutable')),
  Namespace: top({ spec: any }),
  ServiceAccount: top(names('secrets', 'imagePullSecrets', 'automountServiceAccountToken')),
};

function walk(value: unknown, schema: Schema, path: string, found: string[]): void {
  if (schema === 'any' || value === null || typeof value !== 'object') return;
  if ('items' in schema) {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, schema.items, `${path}[${i}]`, found));
    return;
  }
  if (Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.fields[key];
    const childPath = path ? `${path}.${key}` : key;
    if (childSchema) walk(child, childSchema, childPath, found);
    else if (!schema.open && !key.startsWith('$')) found.push(childPath);
  }
}

/** Paths of fields the kind does not have, e.g. `spec.replica`; empty for kinds without a schema. */
export function unknownFields(object: KubeObject): string[] {
  const schema = schemas[object.kind];
  if (!schema) return [];
  const found: string[] = [];
  walk(object, schema, '', found);
  return found;
}
