// Gatekeeper's match.source: with expansion, Gatekeeper checks the Pods a
// workload will create as "Generated" resources. Paver's equivalent is its
// evaluation of Pod policies on pod templates, so source picks between them.
import { describe, expect, it } from 'vitest';
import { evaluateAdmission } from '../evaluate-admission.js';
import { deployment, namespace, policySet } from '../testing/policy-fixtures.js';
import type { KubeObject } from '../types.js';

const privileged = (source?: string) => `
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: k8snoprivileged }
spec:
  crd: { spec: { names: { kind: K8sNoPrivileged } } }
  targets:
    - target: admission.k8s.gatekeeper.sh
      code:
        - engine: K8sNativeValidation
          source:
            validations:
              - expression: "!variables.anyObject.spec.containers.exists(c, c.?securityContext.?privileged.orValue(false))"
                message: "privileged containers are not allowed"
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sNoPrivileged
metadata: { name: no-privileged }
spec:
  match:
    kinds: [{ apiGroups: [""], kinds: ["Pod"] }]
${source ? `    source: ${source}\n` : ''}`;

const workload = deployment('web', { podSpec: { containers: [{ name: 'app', image: 'acme/web:1', securityContext: { privileged: true } }] } });
const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug', namespace: 'shop' }, spec: { containers: [{ name: 'sh', image: 'busybox', securityContext: { privileged: true } }] } };
const admit = (source: string | undefined, object: KubeObject) =>
  evaluateAdmission(policySet(privileged(source)), { operation: 'CREATE', object, namespaceObject: namespace('shop') });

describe('Gatekeeper match.source', () => {
  it('All (the default) checks Pods and the Pods workloads will create', () => {
    expect(admit(undefined, pod).allowed).toBe(false);
    expect(admit(undefined, workload).violations).toMatchObject([{ podTemplate: true, message: 'privileged containers are not allowed' }]);
    expect(admit('All', workload).violations).toHaveLength(1);
  });

  it('Original checks only Pods created directly', () => {
    expect(admit('Original', pod).allowed).toBe(false);
    expect(admit('Original', workload).violations).toEqual([]);
  });

  it('Generated checks only the Pods workloads will create', () => {
    expect(admit('Generated', pod).allowed).toBe(true);
    expect(admit('Generated', workload).violations).toMatchObject([{ podTemplate: true }]);
  });

  it('reports an unknown source on the constraint', () => {
    const set = policySet(privileged('Expanded'));
    expect(set.problems.map((p) => p.message).join('\n')).toMatch(/source must be All, Original or Generated/);
  });
});
