// Params for paramKind/paramRef, looked up among the policy set's own objects
// (the workspace's ConfigMaps and custom resources): a cluster is not asked.
import { toCelValue } from '../cel/to-cel-value.js';
import type { AdmissionFacts } from '../k8s/admission-facts.js';
import { splitApiVersion, type ResourceTable } from '../k8s/resource-names.js';
import type { KubeObject } from '../types.js';
import type { CompiledBinding, CompiledPolicy } from './compiled-policy.js';

export type ParamResolution = { params: unknown[] } | { notFound: string } | { error: string };

/** Every non-policy object of the set, by group/kind, as candidate params. */
export class ParamStore {
  private readonly byKind = new Map<string, KubeObject[]>();
  /** Resolutions per binding and namespace: params are fixed once the set is built, and thousands of requests share a namespace. */
  private readonly resolved = new Map<CompiledBinding, Map<string, ParamResolution>>();

  constructor(private readonly table: ResourceTable) {}

  add(object: KubeObject): void {
    this.resolved.clear();
    const { group } = splitApiVersion(object.apiVersion);
    const key = `${group}/${object.kind}`;
    const list = this.byKind.get(key);
    if (list) list.push(object); else this.byKind.set(key, [object]);
  }

  /** Finds the params a binding's paramRef names for this request. */
  resolve(policy: CompiledPolicy, binding: CompiledBinding, facts: AdmissionFacts): ParamResolution {
    const kind = policy.paramKind!;
    const ref = binding.paramRef;
    if (!ref) return { error: `policy '${policy.name}' has paramKind ${kind.kind} but binding '${binding.name}' has no paramRef; add spec.paramRef to the binding` };
    const namespaced = this.table.lookup(kind.group, kind.kind).namespaced;
    let namespace = '';
    if (namespaced) {
      namespace = ref.namespace ?? facts.namespace;
      if (!namespace) return { error: `binding '${binding.name}': paramRef.namespace is required for a cluster-scoped request when ${kind.kind} params are namespaced` };
    }
    let byNamespace = this.resolved.get(binding);
    if (!byNamespace) {
      byNamespace = new Map();
      this.resolved.set(binding, byNamespace);
    }
    let resolution = byNamespace.get(namespace);
    if (!resolution) {
      resolution = this.find(policy, binding, namespaced, namespace);
      byNamespace.set(namespace, resolution);
    }
    return resolution;
  }

  private find(policy: CompiledPolicy, binding: CompiledBinding, namespaced: boolean, namespace: string): ParamResolution {
    const kind = policy.paramKind!;
    const ref = binding.paramRef!;
    const candidates = (this.byKind.get(`${kind.group}/${kind.kind}`) ?? []).filter((o) => !namespaced || (o.metadata?.namespace ?? 'default') === namespace);
    const found = ref.name !== undefined
      ? candidates.filter((o) => o.metadata?.name === ref.name)
      : candidates.filter((o) => ref.selector!(o.metadata?.labels));
    if (found.length === 0) {
      const what = ref.name !== undefined ? `${kind.kind} '${ref.name}'` : `${kind.kind} matching the selector`;
      return { notFound: `no params found for policy binding '${binding.name}' with Deny parameterNotFoundAction: ${what}${namespace ? ` in namespace '${namespace}'` : ''} is not among the policy objects; add it next to the policy` };
    }
    const numbers = this.table.lookup(kind.group, kind.kind).numberPaths;
    return { params: found.map((o) => toCelValue(o, numbers)) };
  }
}
