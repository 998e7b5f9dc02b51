// Admission: the ValidatingAdmissionPolicies and bindings stored in the
// cluster, enforced with Paver's policy engine (app/policy). This file only
// adapts: it gathers the policy objects, caches the compiled set until one of
// them changes, and maps the engine's result onto the apiserver's responses.
import { createPolicySet, evaluateAdmission, type PolicySet } from '../../policy/index.js';
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType, resourceTypes, storageKeyOf } from '../api/resource-types.js';
import type { AdmissionHook, AdmissionOutcome, AdmissionRequest, Cluster } from '../cluster.js';

const policies = findResourceType('admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicies')!;
const bindings = findResourceType('admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicybindings')!;
const definitions = findResourceType('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')!;

const codeByReason: Record<string, number> = { Invalid: 422, Forbidden: 403, Unauthorized: 401, RequestEntityTooLarge: 413 };

function paramObjects(cluster: Cluster, policyObjects: KubeObject[]): KubeObject[] {
  const kinds = new Set(policyObjects.map((p) => p.spec?.paramKind?.kind).filter(Boolean));
  return resourceTypes.filter((t) => kinds.has(t.kind)).flatMap((t) => cluster.store.list(t));
}

/** Builds the admission hook that enforces stored ValidatingAdmissionPolicies. */
export function createPolicyAdmission(): AdmissionHook {
  let cached: { revision: number; set: PolicySet } | undefined;
  let changedAt = 0;
  let subscribed: Cluster | undefined;
  const policySet = (cluster: Cluster): PolicySet | undefined => {
    if (subscribed !== cluster) {
      subscribed = cluster;
      for (const type of [policies, bindings, definitions]) {
        cluster.store.hub.subscribe(storageKeyOf(type), (event) => { changedAt = event.revision; });
      }
      changedAt = cluster.store.currentRevision();
    }
    if (cluster.store.count(policies) === 0) return undefined;
    if (!cached || cached.revision !== changedAt) {
      const policyObjects = cluster.store.list(policies);
      const objects = [...policyObjects, ...cluster.store.list(bindings), ...cluster.store.list(definitions), ...paramObjects(cluster, policyObjects)];
      cached = { revision: changedAt, set: createPolicySet(objects) };
    }
    return cached.set;
  };
  return {
    admit(request: AdmissionRequest, cluster: Cluster): AdmissionOutcome {
      const set = policySet(cluster);
      if (!set) return { warnings: [] };
      const result = evaluateAdmission(set, {
        operation: request.operation, object: request.object ?? null, oldObject: request.oldObject ?? null,
        namespaceObject: request.namespaceObject ?? null, userInfo: { username: request.userName, groups: ['system:masters', 'system:authenticated'] },
        asOf: cluster.now(),
      }, { now: cluster.nowMs() });
      if (result.allowed) return { warnings: result.warnings };
      const denial = result.violations.find((v) => v.action === 'Deny' && !v.podTemplate)!;
      return {
        warnings: result.warnings,
        denied: { code: codeByReason[denial.reason] ?? 403, message: `ValidatingAdmissionPolicy '${denial.policy}' with binding '${denial.binding}' denied request: ${denial.message}` },
      };
    },
  };
}
