// Gatekeeper K8sNativeValidation templates and constraint matching.
import { describe, expect, it } from 'vitest';
import { create, deployment, namespace, policySet } from '../testing/policy-fixtures.js';
import { evaluateAdmission } from '../evaluate-admission.js';

const template = `
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: k8smaxreplicas }
spec:
  crd:
    spec:
      names: { kind: K8sMaxReplicas }
  targets:
    - target: admission.k8s.gatekeeper.sh
      code:
        - engine: K8sNativeValidation
          source:
            variables:
              - { name: replicas, expression: "variables.anyObject.spec.?replicas.orValue(1)" }
            validations:
              - expression: "variables.replicas <= variables.params.max"
                messageExpression: "'replicas ' + string(variables.replicas) + ' over ' + string(variables.params.max) + ' (' + params.metadata.name + ')'"
`;

function constraint(spec: string, name = 'max-five', annotations = ''): string {
  return `${template}
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sMaxReplicas
metadata: { name: ${name}${annotations} }
spec:
  parameters: { max: 5 }
${spec.replace(/^/gm, '  ')}`;
}

/** A CEL ConstraintTemplate (`source` is its K8sNativeValidation source) and one constraint with `match`. */
function celConstraint(template: string, kind: string, constraint: string, source: string, match: string) {
  const indented = source.trim().split('\n').map((line) => `            ${line}`).join('\n');
  return policySet(`
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: ${template} }
spec:
  crd: { spec: { names: { kind: ${kind} } } }
  targets:
    - target: admission.k8s.gatekeeper.sh
      code:
        - engine: K8sNativeValidation
          source:
${indented}
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: ${kind}
metadata: { name: ${constraint} }
spec: { match: ${match} }`);
}

const kinds = 'match:\n  kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }]';

describe('Gatekeeper K8sNativeValidation', () => {
  it('variables.params is the constraint parameters and params the constraint', () => {
    const result = create(policySet(constraint(kinds)), deployment('a', { replicas: 9 }));
    expect(result.violations).toMatchObject([{ policy: 'k8smaxreplicas', binding: 'max-five', action: 'Deny', message: 'replicas 9 over 5 (max-five)', source: 'Gatekeeper' }]);
  });

  it('variables.anyObject is oldObject on DELETE', () => {
    const set = policySet(constraint('match:\n  kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }]\nenforcementAction: deny'));
    expect(evaluateAdmission(set, { operation: 'DELETE', oldObject: deployment('a', { replicas: 9 }) }).allowed).toBe(false);
  });

  it('kinds match by group and kind, with * wildcards', () => {
    expect(create(policySet(constraint('match:\n  kinds: [{ apiGroups: [""], kinds: ["Pod"] }]')), deployment('a', { replicas: 9 })).allowed).toBe(true);
    expect(create(policySet(constraint('match:\n  kinds: [{ apiGroups: ["*"], kinds: ["*"] }]')), deployment('a', { replicas: 9 })).allowed).toBe(false);
    expect(create(policySet(constraint('{}')), deployment('a', { replicas: 9 })).allowed).toBe(false);
  });

  it('namespaces and excludedNamespaces, with prefix and suffix globs', () => {
    const only = policySet(constraint(`${kinds}\n  namespaces: ["shop-*"]`));
    expect(create(only, deployment('a', { replicas: 9, namespace: 'shop-eu' })).allowed).toBe(false);
    expect(create(only, deployment('a', { replicas: 9, namespace: 'other' })).allowed).toBe(true);
    const excluded = policySet(constraint(`${kinds}\n  excludedNamespaces: ["*-system"]`));
    expect(create(excluded, deployment('a', { replicas: 9, namespace: 'kube-system' })).allowed).toBe(true);
    expect(create(excluded, deployment('a', { replicas: 9, namespace: 'shop' })).allowed).toBe(false);
  });

  it('labelSelector and namespaceSelector', () => {
    const set = policySet(constraint(`${kinds}
  labelSelector: { matchLabels: { tier: web } }
  namespaceSelector: { matchExpressions: [{ key: env, operator: In, values: [prod] }] }`));
    const web = deployment('a', { replicas: 9, labels: { tier: 'web' } });
    expect(evaluateAdmission(set, { operation: 'CREATE', object: web, namespaceObject: namespace('shop', { env: 'prod' }) }).allowed).toBe(false);
    expect(evaluateAdmission(set, { operation: 'CREATE', object: web, namespaceObject: namespace('shop', { env: 'dev' }) }).allowed).toBe(true);
    expect(evaluateAdmission(set, { operation: 'CREATE', object: deployment('a', { replicas: 9 }), namespaceObject: namespace('shop', { env: 'prod' }) }).allowed).toBe(true);
  });

  it('name and scope', () => {
    expect(create(policySet(constraint(`${kinds}\n  name: "api-*"`)), deployment('api-x', { replicas: 9 })).allowed).toBe(false);
    expect(create(policySet(constraint(`${kinds}\n  name: "api-*"`)), deployment('web', { replicas: 9 })).allowed).toBe(true);
    expect(create(policySet(constraint(`${kinds}\n  scope: Cluster`)), deployment('web', { replicas: 9 })).allowed).toBe(true);
  });

  it('enforcementAction warn and dryrun', () => {
    const warn = create(policySet(constraint(`${kinds}\nenforcementAction: warn`)), deployment('a', { replicas: 9 }));
    expect(warn.allowed).toBe(true);
    expect(warn.warnings).toEqual(['Validation failed for [max-five]: replicas 9 over 5 (max-five)']);
    const dryrun = create(policySet(constraint(`${kinds}\nenforcementAction: dryrun`)), deployment('a', { replicas: 9 }));
    expect(dryrun.violations[0]!.action).toBe('Audit');
    expect(dryrun.allowed).toBe(true);
  });

  it('scoped enforcement actions apply those for the validation enforcement point', () => {
    const set = policySet(constraint(`${kinds}
enforcementAction: scoped
scopedEnforcementActions:
  - action: warn
    enforcementPoints: [{ name: validation.gatekeeper.sh }]
  - action: deny
    enforcementPoints: [{ name: audit.gatekeeper.sh }]`));
    expect(create(set, deployment('a', { replicas: 9 })).violations[0]!.actions).toEqual(['Warn']);
  });

  it('paver.dev/deny-from escalates a warn constraint', () => {
    const set = policySet(constraint(`${kinds}\nenforcementAction: warn`, 'max-five', ', annotations: { paver.dev/deny-from: "2027-01-01" }'));
    expect(create(set, deployment('a', { replicas: 9 }), { asOf: '2027-01-02' }).allowed).toBe(false);
  });

  it('a Rego-only template is not evaluated: needs OPA', () => {
    const set = policySet(`
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: k8srego }
spec:
  crd: { spec: { names: { kind: K8sRego } } }
  targets: [{ target: admission.k8s.gatekeeper.sh, rego: "package x\\nviolation[{}] { true }" }]
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sRego
metadata: { name: r }
spec: { match: { kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }] } }`);
    const result = create(set, deployment('a'));
    expect(result.allowed).toBe(true);
    expect(result.notEvaluated).toEqual([{ policy: 'k8srego', binding: 'r', reason: expect.stringContaining('needs OPA (Rego)') }]);
  });

  it('templates may use ip.isCanonical and transformMapEntry (Kubernetes 1.30 and 1.32 libraries)', () => {
    const set = celConstraint('k8scanonicalexternalips', 'K8sCanonicalExternalIps', 'canonical', `
variables:
  - { name: ips, expression: "variables.anyObject.spec.?externalIPs.orValue([])" }
  - { name: byIp, expression: "variables.ips.transformMapEntry(i, a, {a: i})" }
validations:
  - expression: "variables.ips.all(a, ip.isCanonical(a))"
    messageExpression: "'not canonical: ' + variables.ips.filter(a, !ip.isCanonical(a)).join(', ')"
  - expression: "size(variables.byIp) <= 2"
    message: "at most two external IPs"
`, '{ kinds: [{ apiGroups: [""], kinds: ["Service"] }] }');
    const service = (externalIPs: string[]) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { externalIPs } });
    expect(create(set, service(['192.0.2.10', '2001:db8::1'])).allowed).toBe(true);
    expect(create(set, service(['2001:DB8::1'])).violations).toMatchObject([{ message: 'not canonical: 2001:DB8::1' }]);
    expect(create(set, service(['192.0.2.1', '192.0.2.2', '192.0.2.3'])).violations).toMatchObject([{ message: 'at most two external IPs' }]);
  });

  it('templates may use the optional library beyond orValue: optMap, first, ofNonZeroValue', () => {
    const set = celConstraint('k8sfirstcontainerport', 'K8sFirstContainerPort', 'first-port', `
variables:
  - { name: port, expression: "variables.anyObject.spec.template.spec.containers.first().optFlatMap(c, c.?ports.orValue([]).first()).optMap(p, p.containerPort)" }
  - { name: owner, expression: "optional.ofNonZeroValue(variables.anyObject.metadata.?labels.orValue({}).?owner.orValue(''))" }
validations:
  - expression: "variables.port.orValue(0) >= 1024"
    messageExpression: "'first container port ' + string(variables.port.orValue(0)) + ' is privileged or missing'"
  - expression: "variables.owner.hasValue()"
    message: "owner label is empty"
`, '{ kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }] }');
    const withPort = (port: number | undefined, owner: string) =>
      deployment('a', { labels: { owner }, podSpec: { containers: [{ name: 'app', image: 'app:1', ...(port ? { ports: [{ containerPort: port }] } : {}) }] } });
    expect(create(set, withPort(8080, 'team-a')).allowed).toBe(true);
    expect(create(set, withPort(80, 'team-a')).violations).toMatchObject([{ message: 'first container port 80 is privileged or missing' }]);
    expect(create(set, withPort(undefined, '')).violations.map((v) => v.message)).toEqual(['first container port 0 is privileged or missing', 'owner label is empty']);
  });

  it('messages print doubles and durations as Kubernetes does (Go %g, seconds)', () => {
    const set = celConstraint('k8smaxmemory', 'K8sMaxMemory', 'max-memory', `
variables:
  - { name: bytes, expression: "quantity(string(variables.anyObject.spec.template.spec.containers[0].resources.limits.memory)).asApproximateFloat()" }
validations:
  - expression: "variables.bytes <= 1048576.0"
    messageExpression: "'memory ' + string(variables.bytes) + ' bytes over 1Mi; grace ' + string(duration('90s'))"
`, '{ kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }] }');
    const withMemory = (memory: string) => deployment('a', { podSpec: { containers: [{ name: 'app', image: 'app:1', resources: { limits: { memory } } }] } });
    expect(create(set, withMemory('512Ki')).allowed).toBe(true);
    expect(create(set, withMemory('2Gi')).violations).toMatchObject([{ message: 'memory 2.147483648e+09 bytes over 1Mi; grace 90s' }]);
  });

  it('templates may use RE2 script classes and int(timestamp)', () => {
    const set = celConstraint('k8slatinownerexpiry', 'K8sLatinOwnerExpiry', 'latin-owner', `
variables:
  - { name: annotations, expression: "variables.anyObject.metadata.?annotations.orValue({})" }
validations:
  - expression: "variables.annotations.?owner.orValue('').matches('^\\\\\\\\p{Latin}+$')"
    message: "owner must be written in Latin letters"
  - expression: "int(timestamp(variables.annotations.?expires.orValue('1970-01-01T00:00:00Z'))) >= 1767225600"
    message: "expires before 2026"
`, '{ kinds: [{ apiGroups: [""], kinds: ["ConfigMap"] }] }');
    const configMap = (owner: string, expires: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', annotations: { owner, expires } } });
    expect(create(set, configMap('Zoë', '2026-06-01T00:00:00Z')).allowed).toBe(true);
    expect(create(set, configMap('山田', '2025-06-01T00:00:00Z')).violations.map((v) => v.message)).toEqual(['owner must be written in Latin letters', 'expires before 2026']);
  });

  it('lists of durations sort, as cel-go orders them', () => {
    const set = celConstraint('k8sbackoffsorted', 'K8sBackoffSorted', 'backoff', `
variables:
  - { name: steps, expression: "variables.anyObject.data.backoff.split(',').map(s, duration(s))" }
validations:
  - expression: "variables.steps == variables.steps.sort() && variables.steps.distinct().size() == size(variables.steps)"
    messageExpression: "'backoff steps must ascend, shortest ' + string(variables.steps.sort()[0])"
`, '{ kinds: [{ apiGroups: [""], kinds: ["ConfigMap"] }] }');
    const configMap = (backoff: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { backoff } });
    expect(create(set, configMap('500ms,2s,1m')).allowed).toBe(true);
    expect(create(set, configMap('2s,500ms')).violations).toMatchObject([{ message: 'backoff steps must ascend, shortest 0.5s' }]);
    expect(create(set, configMap('0,2s')).allowed).toBe(true);
    expect(JSON.stringify(create(set, configMap('1s,1d')))).toContain('invalid duration \\"1d\\"');
  });

  it('format %.Nf breaks exact ties to even, as the cluster prints them', () => {
    const set = celConstraint('k8scpushare', 'K8sCpuShare', 'share', `
variables:
  - { name: share, expression: "double(variables.anyObject.spec.replicas) / 8.0" }
validations:
  - expression: "variables.share <= 1.0"
    messageExpression: "'share %.1f of the pool'.format([variables.share])"
`, '{ kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }] }');
    expect(create(set, deployment('a', { replicas: 18 })).violations).toMatchObject([{ message: 'share 2.2 of the pool' }]);
  });

  it('timestamp accessors take fixed-offset zones and ignore the host zone', () => {
    const set = celConstraint('k8smaintenancewindow', 'K8sMaintenanceWindow', 'window', `
variables:
  - { name: at, expression: "timestamp(variables.anyObject.metadata.annotations.scheduled)" }
validations:
  - expression: "variables.at.getHours('+05:30') < 6 && variables.at.getDayOfWeek('+05:30') != 0"
    messageExpression: "'scheduled ' + string(variables.at.getHours('+05:30')) + 'h on weekday ' + string(variables.at.getDayOfWeek('+05:30')) + ' (India time), outside the window'"
`, '{ kinds: [{ apiGroups: [""], kinds: ["ConfigMap"] }] }');
    const configMap = (scheduled: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', annotations: { scheduled } } });
    expect(create(set, configMap('2024-07-01T22:00:00Z')).allowed).toBe(true);
    expect(create(set, configMap('2024-07-06T20:00:00Z')).violations).toMatchObject([{ message: 'scheduled 1h on weekday 0 (India time), outside the window' }]);
    const unparsable = create(set, configMap('Sat Jul 06 2024 20:00:00'));
    expect(unparsable.allowed).toBe(false);
    expect(JSON.stringify(unparsable)).toContain('is not RFC 3339');
  });

  it('a constraint without its template is a problem', () => {
    const set = policySet('apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sNothing\nmetadata: { name: x }\nspec: {}');
    expect(set.problems[0]!.message).toContain('no ConstraintTemplate defines kind K8sNothing');
  });
});
