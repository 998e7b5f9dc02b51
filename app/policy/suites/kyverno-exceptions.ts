// Kyverno PolicyExceptions named by a test's `exceptions:` files. A matching
// exception makes Kyverno skip the rule for that resource, so the CLI reports
// `skip`: kyverno.io/v2 exceptions name policies and rules and match
// resources like a rule (plus JMESPath conditions); policies.kyverno.io
// exceptions name ValidatingPolicies and match with CEL matchConditions.
import { CelCompileFailure, compileCel, type CelProgram } from '../cel/cel-environment.js';
import type { FieldProblem, RequestMatcher } from '../engine/resource-rules.js';
import { compileKyvernoMatchBlock } from '../formats/kyverno-cluster-policy.js';
import { compileKyvernoPreconditions } from '../formats/kyverno-preconditions.js';
import type { AdmissionFacts } from '../k8s/admission-facts.js';
import type { KubeObject } from '../types.js';

interface CompiledException {
  name: string;
  /** Whether the exception names this policy and rule. */
  covers(policy: string, rule: string): boolean;
  match: RequestMatcher;
  conditions: CelProgram[];
}

function wildcard(pattern: string): (value: string) => boolean {
  if (!/[*?]/.test(pattern)) return (v) => v === pattern;
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return (v) => regex.test(v);
}

function bareName(name: unknown): string {
  const text = String(name ?? '');
  return text.slice(text.lastIndexOf('/') + 1);
}

/** The exceptions among a test's exception objects; problems name the object and field. */
export class KyvernoExceptions {
  private readonly exceptions: CompiledException[] = [];

  constructor(objects: readonly KubeObject[], readonly problems: string[] = []) {
    for (const object of objects) {
      if (object?.kind !== 'PolicyException') continue;
      const group = String(object.apiVersion ?? '').split('/')[0];
      const name = object.metadata?.name ?? '?';
      const local: FieldProblem[] = [];
      const spec = (object.spec ?? {}) as any;
      if (group === 'kyverno.io') this.addRuleException(name, spec, local);
      else if (group === 'policies.kyverno.io') this.addPolicyException(name, spec, local);
      else local.push({ field: 'apiVersion', message: `PolicyException of ${object.apiVersion} is not a Kyverno exception` });
      for (const p of local) this.problems.push(`PolicyException/${name} ${p.field}: ${p.message}`);
    }
  }

  private addRuleException(name: string, spec: any, problems: FieldProblem[]): void {
    const entries = (Array.isArray(spec.exceptions) ? spec.exceptions : []).map((e: any) => ({
      policy: bareName(e?.policyName), rules: (Array.isArray(e?.ruleNames) ? e.ruleNames : []).map((r: unknown) => wildcard(String(r))),
    }));
    const conditions: CelProgram[] = [];
    const compiled = compileKyvernoPreconditions(spec.conditions, 'spec.conditions');
    if (compiled && 'unsupported' in compiled) { problems.push({ field: 'spec.conditions', message: compiled.unsupported }); return; }
    if (compiled) conditions.push(compiled.condition.program);
    this.exceptions.push({
      name, conditions, match: compileKyvernoMatchBlock(spec.match, 'spec.match', problems),
      covers: (policy, rule) => entries.some((e: { policy: string; rules: Array<(v: string) => boolean> }) => e.policy === policy && e.rules.some((r) => r(rule))),
    });
  }

  private addPolicyException(name: string, spec: any, problems: FieldProblem[]): void {
    const policies = new Set((Array.isArray(spec.policyRefs) ? spec.policyRefs : []).map((r: any) => bareName(r?.name)));
    const conditions: CelProgram[] = [];
    (Array.isArray(spec.matchConditions) ? spec.matchConditions : []).forEach((c: any, i: number) => {
      try { conditions.push(compileCel(String(c?.expression ?? ''))); } catch (error) {
        problems.push({ field: `spec.matchConditions[${i}].expression`, message: error instanceof CelCompileFailure ? error.message : String(error) });
      }
    });
    this.exceptions.push({ name, conditions, match: () => true, covers: (policy) => policies.has(policy) });
  }

  /** The exception that makes Kyverno skip this policy's rule for the request, if any. */
  skipping(policy: string, rule: string, facts: AdmissionFacts): string | undefined {
    for (const exception of this.exceptions) {
      if (!exception.covers(policy, rule) || !exception.match(facts)) continue;
      let holds = true;
      for (const condition of exception.conditions) {
        try { if (condition.run(facts.activation) !== true) holds = false; } catch { holds = false; }
      }
      if (holds) return exception.name;
    }
    return undefined;
  }
}
