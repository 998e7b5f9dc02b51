// Kyverno CEL: ValidatingPolicy and ClusterPolicy/Policy validate.cel rules.
import { describe, expect, it } from 'vitest';
import { create, deployment, namespace, policySet } from '../testing/policy-fixtures.js';
import { evaluateAdmission } from '../evaluate-admission.js';

const validatingPolicy = (extra = '', actions = '[Deny]') => `
apiVersion: policies.kyverno.io/v1alpha1
kind: ValidatingPolicy
metadata: { name: max-replicas }
spec:
  validationActions: ${actions}
  matchConstraints:
    resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments] }]
  matchConditions:
    - { name: not-system, expression: "object.metadata.namespace != 'kube-system'" }
  variables:
    - { name: replicas, expression: "object.spec.replicas" }
  validations:
    - expression: "variables.replicas <= 5"
      messageExpression: "'too many replicas: ' + string(variables.replicas)"
${extra}`;

describe('Kyverno ValidatingPolicy', () => {
  it('evaluates matchConstraints, matchConditions, variables and messages', () => {
    const set = policySet(validatingPolicy());
    expect(create(set, deployment('a', { replicas: 9 })).violations).toMatchObject([{ policy: 'max-replicas', action: 'Deny', message: 'too many replicas: 9', source: 'KyvernoValidatingPolicy' }]);
    expect(create(set, deployment('a', { replicas: 9, namespace: 'kube-system' })).allowed).toBe(true);
    expect(create(set, deployment('a', { replicas: 2 })).allowed).toBe(true);
  });

  it('validationActions Audit and Warn', () => {
    expect(create(policySet(validatingPolicy('', '[Audit]')), deployment('a', { replicas: 9 })).allowed).toBe(true);
    expect(create(policySet(validatingPolicy('', '[Warn]')), deployment('a', { replicas: 9 })).warnings).toHaveLength(1);
  });

  it('a NamespacedValidatingPolicy applies only in its namespace', () => {
    const set = policySet(validatingPolicy().replace('kind: ValidatingPolicy\nmetadata: { name: max-replicas }', 'kind: NamespacedValidatingPolicy\nmetadata: { name: max-replicas, namespace: shop }'));
    expect(create(set, deployment('a', { replicas: 9 })).allowed).toBe(false);
    expect(create(set, deployment('a', { replicas: 9, namespace: 'other' })).allowed).toBe(true);
  });

  it('auditAnnotations are prefixed with the policy name', () => {
    const set = policySet(validatingPolicy('  auditAnnotations: [{ key: count, valueExpression: "string(variables.replicas)" }]'));
    expect(create(set, deployment('a', { replicas: 3 })).auditAnnotations).toEqual({ 'max-replicas/count': '3' });
  });

  it.each([
    ['resource.Get("v1", "configmaps", "ns", "name").data.x == "1"', 'resource.Get'],
    ['http.Get("https://example.com").ok == true', 'http.Get'],
    ['image("nginx").registry() == "docker.io"', 'image()'],
    ['globalContext.Get("entry", "") != null', 'globalContext'],
  ])('a Kyverno-only library is not evaluated: %s', (expression, name) => {
    const set = policySet(validatingPolicy().replace('"variables.replicas <= 5"', JSON.stringify(expression)));
    const result = create(set, deployment('a'));
    expect(result.allowed).toBe(true);
    expect(result.notEvaluated[0]!.reason).toContain(name);
  });
});

const clusterPolicy = (rule: string, top = 'validationFailureAction: Enforce') => `
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: { name: require-team }
spec:
  ${top}
  rules:
${rule.replace(/^/gm, '    ')}`;

const teamRule = (match: string, extra = '') => `- name: check-team
  match:
${match.replace(/^/gm, '    ')}
${extra}
  validate:
    cel:
      variables: [{ name: labels, expression: "object.metadata.?labels.orValue({})" }]
      expressions:
        - expression: "'team' in variables.labels"
          message: "the label team is required"`;

describe('Kyverno ClusterPolicy validate.cel', () => {
  it('match.any resources kinds and the Enforce failure action', () => {
    const set = policySet(clusterPolicy(teamRule('any:\n- resources: { kinds: [Deployment] }')));
    expect(create(set, deployment('a')).violations).toMatchObject([{ policy: 'require-team', binding: 'check-team', action: 'Deny', message: 'the label team is required' }]);
    expect(create(set, deployment('a', { labels: { team: 'x' } })).allowed).toBe(true);
  });

  it('kinds with group/version, names and namespaces wildcards', () => {
    const set = policySet(clusterPolicy(teamRule('any:\n- resources: { kinds: [apps/v1/Deployment], names: ["api-*"], namespaces: ["shop"] }')));
    expect(create(set, deployment('api-1')).allowed).toBe(false);
    expect(create(set, deployment('web')).allowed).toBe(true);
    expect(create(set, deployment('api-1', { namespace: 'other' })).allowed).toBe(true);
  });

  it('match.all needs every filter; exclude wins', () => {
    const set = policySet(clusterPolicy(teamRule(
      'all:\n- resources: { kinds: [Deployment] }\n- resources: { selector: { matchLabels: { tier: web } } }',
      '  exclude:\n    any:\n    - resources: { namespaceSelector: { matchLabels: { env: dev } } }',
    )));
    const web = deployment('a', { labels: { tier: 'web' } });
    expect(evaluateAdmission(set, { operation: 'CREATE', object: web, namespaceObject: namespace('shop', { env: 'prod' }) }).allowed).toBe(false);
    expect(evaluateAdmission(set, { operation: 'CREATE', object: web, namespaceObject: namespace('shop', { env: 'dev' }) }).allowed).toBe(true);
    expect(evaluateAdmission(set, { operation: 'CREATE', object: deployment('a'), namespaceObject: namespace('shop', { env: 'prod' }) }).allowed).toBe(true);
  });

  it('validationFailureAction Audit and per-rule failureAction', () => {
    const audit = policySet(clusterPolicy(teamRule('any:\n- resources: { kinds: [Deployment] }'), 'validationFailureAction: Audit'));
    expect(create(audit, deployment('a')).violations[0]!.action).toBe('Audit');
    expect(create(audit, deployment('a')).allowed).toBe(true);
    const perRule = policySet(clusterPolicy(teamRule('any:\n- resources: { kinds: [Deployment] }').replace('  validate:\n', '  validate:\n    failureAction: Enforce\n'), 'validationFailureAction: Audit'));
    expect(create(perRule, deployment('a')).allowed).toBe(false);
  });

  it('failure action overrides by namespace name or selector', () => {
    const set = policySet(clusterPolicy(teamRule('any:\n- resources: { kinds: [Deployment] }'), `validationFailureAction: Audit
  validationFailureActionOverrides:
    - { action: Enforce, namespaces: ["prod-*"] }
    - { action: Enforce, namespaceSelector: { matchLabels: { strict: "yes" } } }`));
    expect(create(set, deployment('a', { namespace: 'prod-eu' })).allowed).toBe(false);
    expect(create(set, deployment('a', { namespace: 'dev' })).violations[0]!.action).toBe('Audit');
    expect(evaluateAdmission(set, { operation: 'CREATE', object: deployment('a', { namespace: 'dev' }), namespaceObject: namespace('dev', { strict: 'yes' }) }).allowed).toBe(false);
  });

  it('a namespaced Policy applies only in its namespace', () => {
    const set = policySet(clusterPolicy(teamRule('any:\n- resources: { kinds: [Deployment] }')).replace('kind: ClusterPolicy\nmetadata: { name: require-team }', 'kind: Policy\nmetadata: { name: require-team, namespace: shop }'));
    expect(create(set, deployment('a')).allowed).toBe(false);
    expect(create(set, deployment('a', { namespace: 'other' })).allowed).toBe(true);
  });

  it('paramKind and paramRef', () => {
    const set = policySet(`${clusterPolicy(`- name: max
  match: { any: [{ resources: { kinds: [Deployment] } }] }
  validate:
    cel:
      paramKind: { apiVersion: v1, kind: ConfigMap }
      paramRef: { name: limits, parameterNotFoundAction: Deny }
      expressions: [{ expression: "object.spec.replicas <= int(params.data.max)", messageExpression: "'max ' + params.data.max" }]`)}
---
apiVersion: v1
kind: ConfigMap
metadata: { name: limits, namespace: shop }
data: { max: "3" }`);
    expect(create(set, deployment('a', { replicas: 4 })).violations[0]!.message).toBe('max 3');
  });

  it('pattern rules and Kyverno-only libraries are not evaluated, with the reason', () => {
    const pattern = policySet(clusterPolicy(`- name: p
  match: { any: [{ resources: { kinds: [Deployment] } }] }
  validate: { message: m, pattern: { metadata: { labels: { team: "?*" } } } }`));
    expect(create(pattern, deployment('a')).notEvaluated[0]!.reason).toContain('only validate.cel');
    const lookup = policySet(clusterPolicy(teamRule('any:\n- resources: { kinds: [Deployment] }').replace("\"'team' in variables.labels\"", '"resource.List(\'v1\', \'pods\', \'\').items.size() < 5"')));
    expect(create(lookup, deployment('a')).notEvaluated[0]!.reason).toContain('resource.Get/List');
  });

  it('celPreconditions act as match conditions', () => {
    const set = policySet(clusterPolicy(teamRule('any:\n- resources: { kinds: [Deployment] }', '  celPreconditions: [{ name: big, expression: "object.spec.replicas > 3" }]')));
    expect(create(set, deployment('a', { replicas: 1 })).allowed).toBe(true);
    expect(create(set, deployment('a', { replicas: 5 })).allowed).toBe(false);
  });
});
