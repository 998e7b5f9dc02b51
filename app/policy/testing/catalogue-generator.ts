// Generates a representative policy set and catalogue for benchmarks: 50
// policies across VAP, Gatekeeper CEL and Kyverno CEL (deployment, pod and
// service rules), and per service+environment a Deployment, Service and ConfigMap.
import type { KubeObject } from '../types.js';

const deployRule = { apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments'] };
const podRule = { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods'] };
const serviceRule = { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['services'] };

const deploymentChecks = [
  { expression: 'object.spec.replicas <= 20', message: 'too many replicas' },
  { expression: "has(object.metadata.labels) && 'team' in object.metadata.labels", message: 'team label required' },
  { expression: 'object.spec.template.spec.containers.all(c, has(c.resources) && has(c.resources.limits))', message: 'limits required' },
  { expression: "object.spec.template.spec.containers.all(c, !c.image.endsWith(':latest'))", message: 'no latest' },
  { expression: 'object.spec.template.spec.containers.all(c, has(c.readinessProbe))', message: 'readiness probe required' },
  { expression: "object.metadata.name.matches('^[a-z0-9-]+$')", message: 'bad name' },
  { expression: 'object.spec.template.spec.containers.all(c, quantity(c.resources.limits.memory).isLessThan(quantity("4Gi")))', message: 'memory over 4Gi' },
];

const podChecks = [
  { expression: 'object.spec.?securityContext.?runAsNonRoot.orValue(false)', message: 'run as non-root' },
  { expression: '!object.spec.?hostPID.orValue(false) && !object.spec.?hostNetwork.orValue(false)', message: 'no host namespaces' },
  { expression: 'object.spec.containers.all(c, c.?securityContext.?privileged.orValue(false) == false)', message: 'no privileged' },
  { expression: "object.spec.containers.all(c, c.image.startsWith('registry.acme.dev/'))", message: 'acme registry only' },
];

function vap(name: string, rule: unknown, validation: unknown, actions: string[], extra: Record<string, unknown> = {}): KubeObject[] {
  return [
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name }, spec: { failurePolicy: 'Fail', matchConstraints: { resourceRules: [rule] }, validations: [validation], ...extra } },
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name }, spec: { policyName: name, validationActions: actions } },
  ];
}

function gatekeeper(name: string, kinds: unknown, validation: { expression: string; message: string }): KubeObject[] {
  const kind = `K8s${name.replace(/[^a-z0-9]/gi, '')}`;
  return [
    {
      apiVersion: 'templates.gatekeeper.sh/v1', kind: 'ConstraintTemplate', metadata: { name: kind.toLowerCase() },
      spec: { crd: { spec: { names: { kind } } }, targets: [{ target: 'admission.k8s.gatekeeper.sh', code: [{ engine: 'K8sNativeValidation', source: { validations: [{ expression: validation.expression.replaceAll('object.', 'variables.anyObject.'), message: validation.message }] } }] }] },
    },
    { apiVersion: 'constraints.gatekeeper.sh/v1beta1', kind, metadata: { name }, spec: { match: { kinds: [kinds], excludedNamespaces: ['kube-system'] }, parameters: {} } },
  ];
}

function kyverno(name: string, rule: unknown, validation: unknown): KubeObject[] {
  return [{
    apiVersion: 'policies.kyverno.io/v1alpha1', kind: 'ValidatingPolicy', metadata: { name },
    spec: { validationActions: ['Audit'], matchConstraints: { resourceRules: [rule] }, variables: [{ name: 'meta', expression: 'object.metadata' }], validations: [validation] },
  }];
}

/** 50 policies: 25 on Deployments, 20 on Pods (evaluated on pod templates), 5 on Services. */
export function generatePolicies(): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let i = 0; i < 25; i++) {
    const check = deploymentChecks[i % deploymentChecks.length]!;
    if (i % 3 === 0) objects.push(...vap(`deploy-${i}`, deployRule, check, i % 2 ? ['Warn'] : ['Deny'], { matchConditions: [{ name: 'not-system', expression: "object.metadata.namespace != 'kube-system'" }] }));
    else if (i % 3 === 1) objects.push(...gatekeeper(`deploy-${i}`, { apiGroups: ['apps'], kinds: ['Deployment'] }, check));
    else objects.push(...kyverno(`deploy-${i}`, deployRule, check));
  }
  for (let i = 0; i < 20; i++) {
    const check = podChecks[i % podChecks.length]!;
    if (i % 2 === 0) objects.push(...vap(`pod-${i}`, podRule, check, ['Deny']));
    else objects.push(...gatekeeper(`pod-${i}`, { apiGroups: [''], kinds: ['Pod'] }, check));
  }
  for (let i = 0; i < 5; i++) {
    objects.push(...vap(`service-${i}`, serviceRule, { expression: "object.spec.?type.orValue('ClusterIP') != 'LoadBalancer' && object.spec.ports.all(p, p.port < 30000)", message: 'no load balancers' }, ['Deny']));
  }
  return objects;
}

/** The objects one service renders in one environment (fresh objects each call). */
export function generateServiceObjects(service: number, env: string): KubeObject[] {
  const name = `svc-${service}`;
  const namespace = `team-${service % 40}-${env}`;
  // Every tenth service drifts: a mutable tag and no readiness probe.
  const drifted = service % 10 === 0;
  const container = (i: number) => ({
    name: `c${i}`, image: `registry.acme.dev/${name}/c${i}:${drifted ? 'latest' : `1.${service % 7}.0`}`,
    resources: { limits: { cpu: '500m', memory: `${128 * (i + 1)}Mi` }, requests: { cpu: '100m', memory: '64Mi' } },
    ...(drifted ? {} : { readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }),
    ports: [{ containerPort: 8080 + i }],
  });
  return [
    {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace, labels: { app: name, team: `team-${service % 40}` } },
      spec: { replicas: env === 'prod' ? 3 : 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { securityContext: { runAsNonRoot: true }, containers: [container(0), container(1), container(2)] } } },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config`, namespace }, data: { LOG_LEVEL: 'info' } },
  ];
}
