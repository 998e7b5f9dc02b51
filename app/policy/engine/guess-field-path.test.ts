import { describe, expect, it } from 'vitest';
import { guessFieldPath, guessFieldPaths, pickFieldPath } from './guess-field-path.js';
import { create, deployment, policySet } from '../testing/policy-fixtures.js';

describe('guessFieldPath', () => {
  it.each([
    ['object.spec.replicas <= 5', 'spec.replicas'],
    ['object.spec.template.spec.containers.all(c, has(c.readinessProbe))', 'spec.template.spec.containers'],
    ['object.spec.?replicas.orValue(1) > 1', 'spec.replicas'],
    ['variables.anyObject.metadata.labels.team != ""', 'metadata.labels.team'],
    ['size(variables.missing) == 0', 'metadata.labels'],
    ['1 == 1', undefined],
  ])('%s -> %s', (expression, expected) => {
    const variables = new Map([['missing', 'variables.params.labels.filter(l, !(l.key in variables.labels))'], ['labels', 'object.metadata.?labels.orValue({})']]);
    expect(guessFieldPath(expression, variables)).toBe(expected);
  });
});

describe('guessFieldPaths', () => {
  const podSpec = "object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec";
  const variables = new Map([['podSpec', podSpec], ['unlimited', 'variables.podSpec.containers.filter(c, !has(c.resources)).map(c, c.name)']]);

  it('lists every chain in reading order, leaving out identity fields such as kind', () => {
    expect(guessFieldPaths('size(variables.unlimited) == 0', variables)).toEqual(['spec.jobTemplate.spec.template.spec', 'spec.template.spec']);
    expect(guessFieldPaths("object.metadata.name != 'x'", new Map())).toEqual(['metadata.name']);
  });

  it('picks the first candidate the object has', () => {
    const candidates = guessFieldPaths('size(variables.unlimited) == 0', variables);
    expect(pickFieldPath(candidates, { kind: 'Deployment', spec: { template: { spec: {} } } })).toBe('spec.template.spec');
    expect(pickFieldPath(candidates, { kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: {} } } } } })).toBe('spec.jobTemplate.spec.template.spec');
    expect(pickFieldPath(candidates, {})).toBe('spec.jobTemplate.spec.template.spec');
  });
});

describe('guessed field paths at a violation', () => {
  const set = policySet(`
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: limits }
spec:
  matchConstraints:
    resourceRules:
      - { apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }
      - { apiGroups: [batch], apiVersions: [v1], operations: [CREATE], resources: [cronjobs] }
  variables:
    - name: podSpec
      expression: "object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec"
  validations:
    - expression: "variables.podSpec.containers.all(c, has(c.resources))"
      messageExpression: "object.kind + ' ' + object.metadata.name + ' needs resources'"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: limits }
spec: { policyName: limits, validationActions: [Deny] }
`);

  it('points a Deployment and a CronJob at their own pod spec', () => {
    expect(create(set, deployment('web')).violations[0]).toMatchObject({ fieldPath: 'spec.template.spec', fieldPathGuessed: true });
    const cronJob = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'shop' }, spec: { schedule: '0 0 * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }] } } } } } };
    expect(create(set, cronJob).violations[0]).toMatchObject({ fieldPath: 'spec.jobTemplate.spec.template.spec', fieldPathGuessed: true });
  });
});
