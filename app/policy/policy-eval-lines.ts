// The JSON-lines protocol of `paver policy eval`, so existing policy test
// suites can run against the engine: one input line, one output line, and a
// bad line becomes an output with errors, never a crash.
import { createPolicySet, type PolicySet } from './policy-set.js';
import { evaluateAdmission } from './evaluate-admission.js';
import type { AdmissionOperation, KubeObject, UserInfo } from './types.js';

/** One input line. */
export interface PolicyEvalInput {
  id?: unknown;
  objects?: KubeObject[];
  request?: { operation?: AdmissionOperation; object?: KubeObject | null; oldObject?: KubeObject | null; userInfo?: UserInfo; subResource?: string };
  namespaceObject?: KubeObject | null;
  kubeVersion?: string;
  asOf?: string;
}

/** One output line. */
export interface PolicyEvalOutput {
  id: unknown;
  allowed: boolean;
  warnings: string[];
  violations: Array<{ policy: string; binding: string; action: string; message: string; reason: string }>;
  notEvaluated: Array<{ policy: string; reason: string }>;
  errors: string[];
}

export interface PolicyEvalOptions {
  /** As-of date when the line has none (YYYY-MM-DD). */
  asOf?: string;
  /** Evaluate Pod policies on workload pod templates (default true). */
  podTemplates?: boolean;
  /** Host clock, epoch ms. */
  now?: number;
}

const operations = new Set(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']);

/** Reuses compiled policy sets across lines that repeat the same objects. */
export class PolicySetCache {
  private readonly entries = new Map<string, PolicySet>();

  get(objects: KubeObject[], kubeVersion?: string): PolicySet {
    const key = `${kubeVersion ?? ''}\n${JSON.stringify(objects)}`;
    let set = this.entries.get(key);
    if (!set) {
      set = createPolicySet(objects, { kubeVersion });
      if (this.entries.size >= 32) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, set);
    }
    return set;
  }
}

function failed(id: unknown, error: string): PolicyEvalOutput {
  return { id, allowed: false, warnings: [], violations: [], notEvaluated: [], errors: [error] };
}

/** Evaluates one JSON line (1-based `lineNumber` for messages) and returns the output line's value. */
export function evaluatePolicyEvalLine(line: string, lineNumber: number, cache: PolicySetCache, options: PolicyEvalOptions = {}): PolicyEvalOutput {
  let input: PolicyEvalInput;
  try {
    input = JSON.parse(line) as PolicyEvalInput;
  } catch (error) {
    return failed(null, `line ${lineNumber}: invalid JSON (${(error as Error).message}); each line must be one JSON object`);
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) return failed(null, `line ${lineNumber}: expected a JSON object with id, objects and request`);
  const id = input.id ?? null;
  if (!Array.isArray(input.objects)) return failed(id, `line ${lineNumber}: "objects" must be an array of policy, binding, constraint and param objects`);
  const request = input.request;
  if (!request || typeof request !== 'object') return failed(id, `line ${lineNumber}: "request" is required, with operation and object`);
  const operation = String(request.operation ?? 'CREATE').toUpperCase() as AdmissionOperation;
  if (!operations.has(operation)) return failed(id, `line ${lineNumber}: request.operation must be CREATE, UPDATE, DELETE or CONNECT`);
  try {
    const set = cache.get(input.objects, typeof input.kubeVersion === 'string' ? input.kubeVersion : undefined);
    const result = evaluateAdmission(set, {
      operation, object: request.object ?? null, oldObject: request.oldObject ?? null, userInfo: request.userInfo,
      namespaceObject: input.namespaceObject ?? null, subResource: request.subResource, asOf: input.asOf ?? options.asOf,
      podTemplates: options.podTemplates,
    }, { now: options.now });
    return {
      id,
      allowed: result.allowed,
      warnings: result.warnings,
      violations: result.violations.map((v) => ({
        policy: v.policy, binding: v.binding, action: v.action, reason: v.reason,
        message: v.podTemplate ? `will fail when pods are created: ${v.message}` : v.message,
      })),
      notEvaluated: result.notEvaluated.map((n) => ({ policy: n.policy, reason: n.reason })),
      errors: [
        ...set.problems.map((p) => `${p.object}${p.field ? ` ${p.field}` : ''}: ${p.message}`),
        ...result.errors.map((e) => `${e.policy}${e.binding ? `/${e.binding}` : ''}: ${e.message}`),
      ],
    };
  } catch (error) {
    return failed(id, `line ${lineNumber}: ${(error as Error).message}`);
  }
}
