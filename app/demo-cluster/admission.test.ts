// ValidatingAdmissionPolicies stored in the cluster are enforced (through
// app/policy): Deny answers with the apiserver's message, Warn with headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, waitFor, type DemoClusterFixture } from './testing/demo-cluster-fixture.js';

let f: DemoClusterFixture;
beforeAll(async () => {
  f = await startFixture({ tickMs: 40 });
  await f.core.createNamespace({ body: { metadata: { name: 'guarded' } } });
  const policy = (name: string, expression: string, message: string) => ({
    apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name },
    spec: { failurePolicy: 'Fail', matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['configmaps'] }] },
      validations: [{ expression, message }] },
  });
  const binding = (name: string, policyName: string, actions: string[]) => ({
    apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name },
    spec: { policyName, validationActions: actions, matchResources: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'guarded' } } } },
  });
  for (const object of [
    policy('needs-owner', "has(object.metadata.labels) && 'owner' in object.metadata.labels", 'configmaps need an owner label'),
    binding('needs-owner-binding', 'needs-owner', ['Deny']),
    policy('prefer-small', "!has(object.data) || size(object.data) < 3", 'keep configmaps small'),
    binding('prefer-small-binding', 'prefer-small', ['Warn']),
  ]) {
    const plural = object.kind === 'ValidatingAdmissionPolicy' ? 'validatingadmissionpolicies' : 'validatingadmissionpolicybindings';
    const response = await f.raw(`/apis/admissionregistration.k8s.io/v1/${plural}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(object) });
    expect(response.status).toBe(201);
  }
});
afterAll(async () => { await f.demo.close(); });

function create(body: object, dryRun = false) {
  return f.raw(`/api/v1/namespaces/guarded/configmaps${dryRun ? '?dryRun=All' : ''}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('admission', () => {
  it('denies with the ValidatingAdmissionPolicy message format, dry-run included', async () => {
    for (const dryRun of [true, false]) {
      const response = await create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'no-owner' } }, dryRun);
      expect(response.status).toBe(422); // a validation without `reason` answers Invalid, as in the apiserver
      expect(response.json.message).toBe("ValidatingAdmissionPolicy 'needs-owner' with binding 'needs-owner-binding' denied request: configmaps need an owner label");
    }
  });

  it('admits a compliant object and returns Warn results as Warning headers', async () => {
    const response = await create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big', labels: { owner: 'team-a' } }, data: { a: '1', b: '2', c: '3' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('warning')).toContain("299 - \"Validation failed for ValidatingAdmissionPolicy 'prefer-small' with binding 'prefer-small-binding': keep configmaps small\"");
  });

  it('leaves other namespaces alone', async () => {
    const response = await f.raw('/api/v1/namespaces/default/configmaps', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ metadata: { name: 'free' } }) });
    expect(response.status).toBe(201);
  });

  it('turns a denied controller-created pod into a FailedCreate event', async () => {
    const deny = {
      apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name: 'no-pods' },
      spec: { matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] }, validations: [{ expression: 'false', message: 'no pods here' }] },
    };
    const bind = { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name: 'no-pods' },
      spec: { policyName: 'no-pods', validationActions: ['Deny'], matchResources: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'guarded' } } } } };
    await f.objects.create(deny as any);
    await f.objects.create(bind as any);
    await f.apps.createNamespacedReplicaSet({ namespace: 'guarded', body: { metadata: { name: 'rs', labels: { owner: 'x' } }, spec: { selector: { matchLabels: { app: 'rs' } },
      template: { metadata: { labels: { app: 'rs' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } } });
    const event = await waitFor('FailedCreate', async () => (await f.core.listNamespacedEvent({ namespace: 'guarded', fieldSelector: 'reason=FailedCreate' })).items[0]);
    expect(event.message).toContain("ValidatingAdmissionPolicy 'no-pods' with binding 'no-pods' denied request: no pods here");
  });
});
