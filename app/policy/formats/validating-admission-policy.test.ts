// One test per ValidatingAdmissionPolicy rule in shared POLICY-NOTES.md.
import { describe, expect, it } from 'vitest';
import { create, deployment, namespace, policySet } from '../testing/policy-fixtures.js';
import { evaluateAdmission } from '../evaluate-admission.js';

function vap(spec: string, binding = 'validationActions: [Deny]', extra = ''): string {
  return `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: p }
spec:
${spec.replace(/^/gm, '  ')}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: b }
spec:
  policyName: p
${binding.replace(/^/gm, '  ')}
${extra}`;
}

const deployments = `matchConstraints:
  resourceRules:
    - { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] }`;

const maxReplicas = `${deployments}
validations:
  - expression: "object.spec.replicas <= 5"
    message: "at most 5 replicas"`;

describe('when a policy is evaluated', () => {
  it('a policy without a binding does nothing', () => {
    const set = policySet(vap(maxReplicas).split('---')[0]!);
    expect(set.unboundPolicies).toEqual(['p']);
    expect(create(set, deployment('a', { replicas: 9 })).allowed).toBe(true);
  });

  it('a bound policy denies a violating request with the binding named', () => {
    const result = create(policySet(vap(maxReplicas)), deployment('a', { replicas: 9 }));
    expect(result.allowed).toBe(false);
    expect(result.violations).toMatchObject([{ policy: 'p', binding: 'b', action: 'Deny', message: 'at most 5 replicas', reason: 'Invalid' }]);
  });

  it('every binding of a policy is evaluated', () => {
    const text = `${vap(maxReplicas)}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: b2 }
spec: { policyName: p, validationActions: [Warn] }`;
    const result = create(policySet(text), deployment('a', { replicas: 9 }));
    expect(result.violations.map((v) => `${v.binding}:${v.action}`)).toEqual(['b:Deny', 'b2:Warn']);
  });
});

describe('matchConstraints', () => {
  const rule = (r: string) => vap(`matchConstraints:\n  resourceRules:\n    - ${r}\nvalidations:\n  - expression: "false"\n    message: matched`);

  it('matches apiGroups, apiVersions, operations and resources', () => {
    const set = policySet(rule('{ apiGroups: ["apps"], apiVersions: ["v1"], operations: ["UPDATE"], resources: ["deployments"] }'));
    expect(create(set, deployment('a')).allowed).toBe(true);
    expect(evaluateAdmission(set, { operation: 'UPDATE', object: deployment('a'), oldObject: deployment('a') }).allowed).toBe(false);
  });

  it("'*' must be the only entry in its list", () => {
    const set = policySet(rule('{ apiGroups: ["*", "apps"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }'));
    expect(set.problems).toMatchObject([{ object: 'ValidatingAdmissionPolicy/p', field: 'spec.matchConstraints.resourceRules[0].apiGroups', message: expect.stringContaining("'*' must be the only entry") }]);
    expect(create(set, deployment('a')).notEvaluated[0]!.reason).toContain('does not compile');
  });

  it("'*' means every resource but no subresources; 'x/*' and '*/y' name subresources", () => {
    const all = policySet(rule('{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }'));
    expect(create(all, deployment('a')).allowed).toBe(false);
    expect(create(all, deployment('a'), { subResource: 'scale' }).allowed).toBe(true);
    const scale = policySet(rule('{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*/scale"] }'));
    expect(create(scale, deployment('a')).allowed).toBe(true);
    expect(create(scale, deployment('a'), { subResource: 'scale' }).allowed).toBe(false);
    const sub = policySet(rule('{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["deployments/*"] }'));
    expect(create(sub, deployment('a'), { subResource: 'status' }).allowed).toBe(false);
    expect(create(sub, deployment('a')).allowed).toBe(true);
  });

  it('scope: a Namespace counts as cluster-scoped', () => {
    const cluster = policySet(rule('{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"], scope: Cluster }'));
    expect(create(cluster, namespace('team-a')).allowed).toBe(false);
    expect(create(cluster, deployment('a')).allowed).toBe(true);
    const namespaced = policySet(rule('{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"], scope: Namespaced }'));
    expect(create(namespaced, namespace('team-a')).allowed).toBe(true);
    expect(create(namespaced, deployment('a')).allowed).toBe(false);
  });

  it('resourceNames limits the rule to named objects', () => {
    const set = policySet(rule('{ apiGroups: ["apps"], apiVersions: ["v1"], operations: ["*"], resources: ["deployments"], resourceNames: ["special"] }'));
    expect(create(set, deployment('special')).allowed).toBe(false);
    expect(create(set, deployment('other')).allowed).toBe(true);
  });

  it('excludeResourceRules win over the includes', () => {
    const set = policySet(vap(`${deployments}
  excludeResourceRules:
    - { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["*"], resources: ["deployments"], resourceNames: ["legacy"] }
validations: [{ expression: "false" }]`));
    expect(create(set, deployment('legacy')).allowed).toBe(true);
    expect(create(set, deployment('new')).allowed).toBe(false);
  });

  it('namespaceSelector uses the namespace labels; a Namespace uses its own; other cluster-scoped objects pass', () => {
    const set = policySet(vap(`matchConstraints:
  resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }]
  namespaceSelector:
    matchExpressions: [{ key: env, operator: In, values: [prod] }]
validations: [{ expression: "false", message: hit }]`));
    expect(evaluateAdmission(set, { operation: 'CREATE', object: deployment('a'), namespaceObject: namespace('shop', { env: 'prod' }) }).allowed).toBe(false);
    expect(evaluateAdmission(set, { operation: 'CREATE', object: deployment('a'), namespaceObject: namespace('shop', { env: 'dev' }) }).allowed).toBe(true);
    expect(evaluateAdmission(set, { operation: 'CREATE', object: namespace('x', { env: 'prod' }) }).allowed).toBe(false);
    expect(evaluateAdmission(set, { operation: 'CREATE', object: namespace('x', { env: 'dev' }) }).allowed).toBe(true);
    expect(evaluateAdmission(set, { operation: 'CREATE', object: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } } }).allowed).toBe(false);
  });

  it('objectSelector uses the object labels, with matchExpressions', () => {
    const set = policySet(vap(`${deployments}
  objectSelector:
    matchLabels: { tier: web }
    matchExpressions: [{ key: exempt, operator: DoesNotExist }]
validations: [{ expression: "false" }]`));
    expect(create(set, deployment('a', { labels: { tier: 'web' } })).allowed).toBe(false);
    expect(create(set, deployment('a', { labels: { tier: 'web', exempt: 'yes' } })).allowed).toBe(true);
    expect(create(set, deployment('a', { labels: { tier: 'db' } })).allowed).toBe(true);
  });

  it('matchPolicy Equivalent matches another group/version of the same resource; Exact does not', () => {
    const old = deployment('a', { apiVersion: 'extensions/v1beta1' });
    expect(create(policySet(vap(`${deployments}\nvalidations: [{ expression: "false" }]`)), old).allowed).toBe(false);
    expect(create(policySet(vap(`${deployments}\n  matchPolicy: Exact\nvalidations: [{ expression: "false" }]`)), old).allowed).toBe(true);
  });

  it("a binding's matchResources is intersected with the policy's", () => {
    const set = policySet(vap(maxReplicas, `validationActions: [Deny]
matchResources:
  namespaceSelector: { matchLabels: { env: prod } }`));
    const big = deployment('a', { replicas: 9 });
    expect(evaluateAdmission(set, { operation: 'CREATE', object: big, namespaceObject: namespace('shop', { env: 'prod' }) }).allowed).toBe(false);
    expect(evaluateAdmission(set, { operation: 'CREATE', object: big, namespaceObject: namespace('shop', { env: 'dev' }) }).allowed).toBe(true);
  });

  it('maps kinds to resources through CRDs among the objects and the resourceMappings hook', () => {
    const policy = vap(`matchConstraints:
  resourceRules: [{ apiGroups: ["acme.dev"], apiVersions: ["*"], operations: ["*"], resources: ["widgetries"] }]
validations: [{ expression: "false" }]`);
    const widget = { apiVersion: 'acme.dev/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' } };
    expect(create(policySet(policy), widget).allowed).toBe(true);
    expect(create(policySet(policy, { resourceMappings: [{ group: 'acme.dev', kind: 'Widget', resource: 'widgetries', namespaced: true }] }), widget).allowed).toBe(false);
    const crd = `---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgetries.acme.dev }
spec: { group: acme.dev, scope: Namespaced, names: { kind: Widget, plural: widgetries } }`;
    expect(create(policySet(policy + crd), widget).allowed).toBe(false);
  });
});

describe('matchConditions', () => {
  const conditions = (list: string, failurePolicy = 'Fail') => vap(`failurePolicy: ${failurePolicy}
${deployments}
matchConditions:
${list}
validations: [{ expression: "false", message: validated }]`);

  it('all true: the policy applies', () => {
    expect(create(policySet(conditions('  - { name: a, expression: "true" }')), deployment('a')).allowed).toBe(false);
  });

  it('any false skips the policy, even when another condition errored', () => {
    const set = policySet(conditions('  - { name: boom, expression: "object.spec.nope == 1" }\n  - { name: no, expression: "false" }'));
    const result = create(set, deployment('a'));
    expect(result.allowed).toBe(true);
    expect(result.errors).toEqual([]);
  });

  it('an error fails the request under failurePolicy Fail', () => {
    const result = create(policySet(conditions('  - { name: boom, expression: "object.spec.nope == 1" }')), deployment('a'));
    expect(result.allowed).toBe(false);
    expect(result.violations[0]).toMatchObject({ error: true, message: expect.stringContaining("matchCondition 'boom' failed to evaluate") });
  });

  it('an error skips the policy under failurePolicy Ignore, reported as an error', () => {
    const result = create(policySet(conditions('  - { name: boom, expression: "object.spec.nope == 1" }', 'Ignore')), deployment('a'));
    expect(result.allowed).toBe(true);
    expect(result.errors[0]!.message).toContain("matchCondition 'boom'");
  });
});

describe('variables', () => {
  it('are evaluated lazily: an unused failing variable does not matter', () => {
    const set = policySet(vap(`${deployments}
variables:
  - { name: broken, expression: "object.spec.nope" }
  - { name: replicas, expression: "object.spec.replicas" }
validations: [{ expression: "variables.replicas <= 5", message: too many }]`));
    expect(create(set, deployment('a', { replicas: 2 })).allowed).toBe(true);
    expect(create(set, deployment('a', { replicas: 9 })).violations[0]!.message).toBe('too many');
  });

  it('are memoised and may use earlier variables', () => {
    const set = policySet(vap(`${deployments}
variables:
  - { name: containers, expression: "object.spec.template.spec.containers" }
  - { name: names, expression: "variables.containers.map(c, c.name)" }
validations:
  - { expression: "variables.names.size() == variables.containers.size()" }
  - { expression: "!('c9' in variables.names)" }`));
    expect(create(set, deployment('a')).allowed).toBe(true);
  });

  it('may not refer to a later variable', () => {
    const set = policySet(vap(`${deployments}
variables:
  - { name: first, expression: "variables.second + 1" }
  - { name: second, expression: "1" }
validations: [{ expression: "variables.first == 2" }]`));
    expect(set.problems[0]).toMatchObject({ field: 'spec.variables[0].expression', message: expect.stringContaining('not defined before') });
  });

  it('an error in a used variable is an evaluation error', () => {
    const set = policySet(vap(`failurePolicy: Ignore
${deployments}
variables: [{ name: broken, expression: "object.spec.nope" }]
validations: [{ expression: "variables.broken == 1" }]`));
    expect(create(set, deployment('a')).errors[0]!.message).toContain('variables.broken');
  });
});

describe('validations: messages and reasons', () => {
  const withMessage = (fields: string) => policySet(vap(`${deployments}\nvalidations:\n  - expression: "object.spec.replicas <= 5"\n${fields.replace(/^/gm, '    ')}`));
  const message = (fields: string) => create(withMessage(fields), deployment('big', { replicas: 9 })).violations[0]!.message;

  it('messageExpression wins', () => {
    expect(message('message: static\nmessageExpression: "object.metadata.name + \' has \' + string(object.spec.replicas)"')).toBe('big has 9');
  });

  it('falls back to message when messageExpression errors, is empty or multi-line', () => {
    expect(message('message: static\nmessageExpression: "object.nope"')).toBe('static');
    expect(message('message: static\nmessageExpression: "\'  \'"')).toBe('static');
    expect(message('message: static\nmessageExpression: "\'a\\\\nb\'"')).toBe('static');
  });

  it('finally falls back to "failed expression"', () => {
    expect(message('reason: Forbidden')).toBe('failed expression: object.spec.replicas <= 5');
  });

  it('reason defaults to Invalid and may be Forbidden', () => {
    expect(create(withMessage('reason: Forbidden'), deployment('big', { replicas: 9 })).violations[0]!.reason).toBe('Forbidden');
    expect(create(withMessage('message: x'), deployment('big', { replicas: 9 })).violations[0]!.reason).toBe('Invalid');
    expect(withMessage('reason: Teapot').problems[0]!.field).toBe('spec.validations[0].reason');
  });

  it('caps the evaluated message at 5 KiB', () => {
    const long = create(withMessage('messageExpression: "object.metadata.name"'), deployment('n'.repeat(6000), { replicas: 9 }));
    expect(long.violations[0]!.message).toHaveLength(5120);
  });

  it('keeps the fieldPath, or guesses it from the expression and says so', () => {
    expect(create(withMessage('fieldPath: .spec.replicas'), deployment('big', { replicas: 9 })).violations[0]).toMatchObject({ fieldPath: 'spec.replicas' });
    expect(create(withMessage('fieldPath: .spec.replicas'), deployment('big', { replicas: 9 })).violations[0]!.fieldPathGuessed).toBeUndefined();
    expect(create(withMessage('message: x'), deployment('big', { replicas: 9 })).violations[0]).toMatchObject({ fieldPath: 'spec.replicas', fieldPathGuessed: true });
  });
});

describe('auditAnnotations', () => {
  it('prefixes the key with the policy name and omits null values', () => {
    const set = policySet(vap(`${deployments}
validations: [{ expression: "true" }]
auditAnnotations:
  - { key: replicas, valueExpression: "string(object.spec.replicas)" }
  - { key: nothing, valueExpression: "null" }`));
    expect(create(set, deployment('a', { replicas: 3 })).auditAnnotations).toEqual({ 'p/replicas': '3' });
  });
});

describe('paramKind and paramRef', () => {
  const withParams = (ref: string, failurePolicy = 'Fail') => `${vap(`failurePolicy: ${failurePolicy}
paramKind: { apiVersion: v1, kind: ConfigMap }
${deployments}
validations:
  - expression: "object.spec.replicas <= int(params.data.max)"
    messageExpression: "'max ' + params.data.max"`, `validationActions: [Deny]\nparamRef:\n${ref.replace(/^/gm, '  ')}`)}
---
apiVersion: v1
kind: ConfigMap
metadata: { name: limits, namespace: shop, labels: { kind: limit } }
data: { max: "5" }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: strict, namespace: shop, labels: { kind: limit } }
data: { max: "2" }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: limits, namespace: central }
data: { max: "10" }`;

  it('name looks up the param in the request namespace by default', () => {
    const set = policySet(withParams('name: limits\nparameterNotFoundAction: Deny'));
    expect(create(set, deployment('a', { replicas: 4 })).allowed).toBe(true);
    expect(create(set, deployment('a', { replicas: 6 })).violations[0]!.message).toBe('max 5');
  });

  it('namespace points at another namespace', () => {
    const set = policySet(withParams('name: limits\nnamespace: central\nparameterNotFoundAction: Deny'));
    expect(create(set, deployment('a', { replicas: 6 })).allowed).toBe(true);
  });

  it('a selector evaluates every matching param, and all must pass', () => {
    const set = policySet(withParams('selector: { matchLabels: { kind: limit } }\nparameterNotFoundAction: Deny'));
    const result = create(set, deployment('a', { replicas: 3 }));
    expect(result.violations.map((v) => v.message)).toEqual(['max 2']);
  });

  it('name and selector are mutually exclusive', () => {
    const set = policySet(withParams('name: limits\nselector: {}\nparameterNotFoundAction: Deny'));
    expect(set.problems.some((p) => p.field === 'spec.paramRef' && p.message.includes('mutually exclusive'))).toBe(true);
  });

  it('parameterNotFoundAction Allow passes when nothing is found', () => {
    expect(create(policySet(withParams('name: missing\nparameterNotFoundAction: Allow')), deployment('a', { replicas: 9 })).allowed).toBe(true);
  });

  it('parameterNotFoundAction Deny hands the outcome to failurePolicy', () => {
    const fail = create(policySet(withParams('name: missing\nparameterNotFoundAction: Deny')), deployment('a'));
    expect(fail.allowed).toBe(false);
    expect(fail.violations[0]!.message).toContain('no params found');
    const ignore = create(policySet(withParams('name: missing\nparameterNotFoundAction: Deny', 'Ignore')), deployment('a'));
    expect(ignore.allowed).toBe(true);
    expect(ignore.errors[0]!.message).toContain('no params found');
  });

  it('params is null when the policy has no params', () => {
    const set = policySet(vap(`${deployments}\nvalidations: [{ expression: "params == null" }]`));
    expect(create(set, deployment('a')).allowed).toBe(true);
  });
});

describe('validationActions', () => {
  it('Warn adds a warning and allows', () => {
    const result = create(policySet(vap(maxReplicas, 'validationActions: [Warn]')), deployment('a', { replicas: 9 }));
    expect(result.allowed).toBe(true);
    expect(result.warnings).toEqual(["Validation failed for ValidatingAdmissionPolicy 'p' with binding 'b': at most 5 replicas"]);
  });

  it('Audit records an audit annotation and allows', () => {
    const result = create(policySet(vap(maxReplicas, 'validationActions: [Audit]')), deployment('a', { replicas: 9 }));
    expect(result.allowed).toBe(true);
    expect(JSON.parse(result.auditAnnotations['validation.policy.admission.k8s.io/validation_failure']!)[0].message).toBe('at most 5 replicas');
  });

  it('Deny with Audit does both', () => {
    const result = create(policySet(vap(maxReplicas, 'validationActions: [Deny, Audit]')), deployment('a', { replicas: 9 }));
    expect(result.allowed).toBe(false);
    expect(result.violations[0]!.actions).toEqual(['Deny', 'Audit']);
  });

  it.each([
    ['[]', 'at least one'],
    ['[Deny, Deny]', 'duplicates'],
    ['[Deny, Warn]', 'both Deny and Warn'],
    ['[Block]', 'unknown validation action'],
  ])('%s is invalid', (actions, text) => {
    const set = policySet(vap(maxReplicas, `validationActions: ${actions}`));
    expect(set.problems[0]).toMatchObject({ object: 'ValidatingAdmissionPolicyBinding/b', field: 'spec.validationActions', message: expect.stringContaining(text) });
    expect(create(set, deployment('a', { replicas: 9 })).notEvaluated[0]!.reason).toContain('binding is invalid');
  });
});

describe('failurePolicy', () => {
  const erroring = (fp: string) => policySet(vap(`failurePolicy: ${fp}\n${deployments}\nvalidations: [{ expression: "object.spec.nope > 1" }]`, 'validationActions: [Warn]'));

  it('Fail: an evaluation error takes the binding actions', () => {
    const result = create(erroring('Fail'), deployment('a'));
    expect(result.violations[0]).toMatchObject({ action: 'Warn', error: true });
    expect(result.warnings[0]).toContain("resulted in error");
  });

  it('Ignore: an evaluation error is only reported', () => {
    const result = create(erroring('Ignore'), deployment('a'));
    expect(result.violations).toEqual([]);
    expect(result.errors).toHaveLength(1);
  });
});

describe('CEL variables', () => {
  const check = (expression: string) => policySet(vap(`matchConstraints:
  resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }]
validations: [{ expression: ${JSON.stringify(expression)} }]`));

  it('object is null on DELETE and oldObject null on CREATE', () => {
    expect(evaluateAdmission(check('object == null && oldObject.metadata.name == "a"'), { operation: 'DELETE', oldObject: deployment('a') }).allowed).toBe(true);
    expect(create(check('oldObject == null && object.metadata.name == "a"'), deployment('a')).allowed).toBe(true);
  });

  it('request.namespace is the name for a Namespace object, and empty for other cluster-scoped objects', () => {
    expect(evaluateAdmission(check('request.namespace == object.metadata.name'), { operation: 'CREATE', object: namespace('team-a') }).allowed).toBe(true);
    expect(evaluateAdmission(check('request.namespace == ""'), { operation: 'CREATE', object: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } } }).allowed).toBe(true);
  });

  it('request carries the operation, resource, namespace and user', () => {
    const set = check('request.operation == "CREATE" && request.resource.resource == "deployments" && request.kind.kind == "Deployment" && request.namespace == "shop" && request.userInfo.username == "alice" && "devs" in request.userInfo.groups');
    expect(create(set, deployment('a'), { userInfo: { username: 'alice', groups: ['devs'] } }).allowed).toBe(true);
  });

  it('namespaceObject is the namespace, and null for cluster-scoped objects', () => {
    expect(create(check('namespaceObject == null || namespaceObject.metadata.labels.env == "prod"'), deployment('a')).allowed).toBe(true);
    expect(evaluateAdmission(check('namespaceObject == null'), { operation: 'CREATE', object: namespace('x'), namespaceObject: namespace('x') }).allowed).toBe(true);
  });

  it('authorizer has no offline value: not evaluated with the reason, never a pass', () => {
    const result = create(check('authorizer.group("apps").resource("deployments").check("delete").allowed()'), deployment('a'));
    expect(result.violations).toEqual([]);
    expect(result.notEvaluated[0]).toMatchObject({ policy: 'p', reason: expect.stringContaining('authorizer') });
  });

  it('an expression that does not compile is reported with the policy and field', () => {
    const set = check('object.spec.replicas >');
    expect(set.problems[0]).toMatchObject({ object: 'ValidatingAdmissionPolicy/p', field: 'spec.validations[0].expression' });
  });
});

describe('paver.dev/deny-from', () => {
  it('escalates a Warn binding to Deny from the date', () => {
    const set = policySet(vap(maxReplicas, 'validationActions: [Warn]').replace('metadata: { name: b }', 'metadata: { name: b, annotations: { paver.dev/deny-from: "2027-01-15" } }'));
    const before = create(set, deployment('a', { replicas: 9 }), { asOf: '2027-01-14' });
    const after = create(set, deployment('a', { replicas: 9 }), { asOf: '2027-01-15' });
    expect(before.allowed).toBe(true);
    expect(before.violations[0]).toMatchObject({ action: 'Warn', escalatesOn: '2027-01-15' });
    expect(after.allowed).toBe(false);
    expect(after.violations[0]).toMatchObject({ action: 'Deny', escalatedFrom: 'Warn' });
  });
});
