// The Policies view's list: engine, actions, offline status and problems per policy.
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../workspace/model/workspace-model-types.js';
import { summarisePolicies } from './policy-summaries.js';

function documents(file: string, text: string): PolicyDocument[] {
  return parseAllDocuments(text).map((d, index) => {
    const body = d.toJS() as Record<string, any>;
    return { file, index, apiVersion: body.apiVersion, kind: body.kind, name: body.metadata?.name ?? '', body };
  });
}

describe('summarisePolicies', () => {
  it('names a broken policy\'s problems with the field, and an unbound one as applying nowhere', () => {
    const list = summarisePolicies(documents('policies/p.yaml', `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: broken }
spec:
  matchConstraints: { resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }] }
  validations: [{ expression: "object.spec.replicas <=" }]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: broken-binding }
spec: { policyName: broken, validationActions: [Warn] }
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: lonely }
spec:
  matchConstraints: { resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }] }
  validations: [{ expression: "true" }]
`));
    expect(list.map((p) => p.name)).toEqual(['broken', 'lonely']);
    expect(list[0]).toMatchObject({ engine: 'ValidatingAdmissionPolicy', file: 'policies/p.yaml', bindings: [{ name: 'broken-binding', actions: ['Warn'] }] });
    expect(list[0]!.problems[0]).toMatch(/^ValidatingAdmissionPolicy\/broken spec\.validations\[0\]\.expression: /);
    expect(list[1]!.notEvaluated).toMatch(/no binding/);
  });
});
