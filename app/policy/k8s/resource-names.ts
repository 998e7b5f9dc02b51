// Kind -> resource mapping. Offline there is no discovery API, so common kinds
// come from a built-in table, CRDs among the inputs add theirs, and callers
// can pass more through ResourceMapping.
import type { KubeObject, ResourceMapping } from '../types.js';
import { numberPaths } from './schema-numbers.js';

/** Where a kind lives: its resource name and scope. */
export interface ResourceInfo {
  group: string;
  resource: string;
  namespaced: boolean;
  /** Paths its schema types as number (from a CRD), kept double in CEL. */
  numberPaths?: ReadonlySet<string>;
}

const builtIn: Array<[string, string, string, boolean]> = [
  // [group, kind, resource, namespaced]
  ['', 'Pod', 'pods', true], ['', 'Service', 'services', true], ['', 'ConfigMap', 'configmaps', true],
  ['', 'Secret', 'secrets', true], ['', 'ServiceAccount', 'serviceaccounts', true], ['', 'Namespace', 'namespaces', false],
  ['', 'Node', 'nodes', false], ['', 'PersistentVolume', 'persistentvolumes', false], ['', 'PersistentVolumeClaim', 'persistentvolumeclaims', true],
  ['', 'Endpoints', 'endpoints', true], ['', 'Event', 'events', true], ['', 'LimitRange', 'limitranges', true],
  ['', 'ResourceQuota', 'resourcequotas', true], ['', 'ReplicationController', 'replicationcontrollers', true], ['', 'PodTemplate', 'podtemplates', true],
  ['apps', 'Deployment', 'deployments', true], ['apps', 'StatefulSet', 'statefulsets', true], ['apps', 'DaemonSet', 'daemonsets', true],
  ['apps', 'ReplicaSet', 'replicasets', true], ['apps', 'ControllerRevision', 'controllerrevisions', true],
  ['batch', 'Job', 'jobs', true], ['batch', 'CronJob', 'cronjobs', true],
  ['autoscaling', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true],
  ['policy', 'PodDisruptionBudget', 'poddisruptionbudgets', true],
  ['networking.k8s.io', 'Ingress', 'ingresses', true], ['networking.k8s.io', 'IngressClass', 'ingressclasses', false],
  ['networking.k8s.io', 'NetworkPolicy', 'networkpolicies', true],
  ['rbac.authorization.k8s.io', 'Role', 'roles', true], ['rbac.authorization.k8s.io', 'RoleBinding', 'rolebindings', true],
  ['rbac.authorization.k8s.io', 'ClusterRole', 'clusterroles', false], ['rbac.authorization.k8s.io', 'ClusterRoleBinding', 'clusterrolebindings', false],
  ['storage.k8s.io', 'StorageClass', 'storageclasses', false], ['scheduling.k8s.io', 'PriorityClass', 'priorityclasses', false],
  ['apiextensions.k8s.io', 'CustomResourceDefinition', 'customresourcedefinitions', false],
  ['admissionregistration.k8s.io', 'ValidatingAdmissionPolicy', 'validatingadmissionpolicies', false],
  ['admissionregistration.k8s.io', 'ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', false],
  ['admissionregistration.k8s.io', 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false],
  ['admissionregistration.k8s.io', 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false],
  ['gateway.networking.k8s.io', 'Gateway', 'gateways', true], ['gateway.networking.k8s.io', 'HTTPRoute', 'httproutes', true],
  ['monitoring.coreos.com', 'ServiceMonitor', 'servicemonitors', true], ['monitoring.coreos.com', 'PrometheusRule', 'prometheusrules', true],
  ['cert-manager.io', 'Certificate', 'certificates', true], ['argoproj.io', 'Application', 'applications', true],
  ['keda.sh', 'ScaledObject', 'scaledobjects', true],
];

/** Maps kinds to resources; seeded with the built-in table. */
export class ResourceTable {
  private readonly byGroupKind = new Map<string, ResourceInfo>();
  private readonly byKind = new Map<string, ResourceInfo>();
  private readonly cache = new Map<string, Map<string, ResourceInfo>>();

  constructor(extra: ResourceMapping[] = []) {
    for (const [group, kind, resource, namespaced] of builtIn) this.add({ group, kind, resource, namespaced });
    for (const mapping of extra) this.add(mapping);
  }

  /** Adds or overrides one mapping (the hook for CRDs and custom kinds). */
  add(mapping: ResourceMapping, numberPaths?: ReadonlySet<string>): void {
    this.cache?.clear();
    const info: ResourceInfo = { group: mapping.group, resource: mapping.resource, namespaced: mapping.namespaced };
    if (numberPaths?.size) info.numberPaths = numberPaths;
    this.byGroupKind.set(`${mapping.group}/${mapping.kind}`, info);
    if (!this.byKind.has(mapping.kind) || mapping.group === '') this.byKind.set(mapping.kind, info);
  }

  /** Adds the mapping a CustomResourceDefinition declares. */
  addCustomResourceDefinition(crd: KubeObject): void {
    const spec = crd.spec as any;
    if (!spec?.names?.kind || !spec?.names?.plural) return;
    const versions: any[] = Array.isArray(spec.versions) ? spec.versions : [];
    const version = versions.find((v) => v?.storage) ?? versions[0];
    const paths = numberPaths(version?.schema?.openAPIV3Schema ?? spec.validation?.openAPIV3Schema);
    this.add({ group: String(spec.group ?? ''), kind: spec.names.kind, resource: spec.names.plural, namespaced: spec.scope !== 'Cluster' }, paths);
  }

  /** The resource for a group and kind; unknown kinds get the lower-case plural, namespaced. */
  lookup(group: string, kind: string): ResourceInfo {
    let byKind = this.cache.get(group);
    if (!byKind) this.cache.set(group, (byKind = new Map()));
    let info = byKind.get(kind);
    if (!info) {
      info = this.byGroupKind.get(`${group}/${kind}`) ?? this.byKind.get(kind) ?? { group, resource: guessPlural(kind), namespaced: true };
      byKind.set(kind, info);
    }
    return info;
  }
}

/** English plural of a lower-cased kind, as kubectl guesses it. */
export function guessPlural(kind: string): string {
  const lower = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** Splits an apiVersion into group and version (`v1` -> core group). */
export function splitApiVersion(apiVersion: string | undefined): { group: string; version: string } {
  if (!apiVersion) return { group: '', version: 'v1' };
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
