// The one internal shape every policy format compiles to: a policy (what to
// check) applied through bindings (where, with which params and actions).
// VAP bindings, Gatekeeper constraints and Kyverno rules all become bindings.
import type { CelProgram } from '../cel/cel-environment.js';
import type { LabelMatcher } from '../k8s/label-selector.js';
import type { AdmissionFacts } from '../k8s/admission-facts.js';
import type { PolicyAction, PolicySource } from '../types.js';
import type { IndexKeys, RequestMatcher } from './resource-rules.js';
import type { VariableScope } from './variable-scope.js';

export interface CompiledValidation {
  expression: string;
  program: CelProgram;
  message?: string;
  messageProgram?: CelProgram;
  reason: string;
  fieldPath?: string;
  /** True when fieldPath was guessed from the expression rather than declared. */
  fieldPathGuessed?: boolean;
  /** Several guesses, best first: a violation uses the first one its object has. */
  fieldPathCandidates?: string[];
}

export interface CompiledPolicy {
  name: string;
  source: PolicySource;
  failurePolicy: 'Fail' | 'Ignore';
  match: RequestMatcher;
  keys: IndexKeys;
  matchConditions: Array<{ name: string; program: CelProgram }>;
  variables: VariableScope;
  validations: CompiledValidation[];
  /** `qualifiedKey` (policy name/key) is filled in on first use. */
  auditAnnotations: Array<{ key: string; program: CelProgram; qualifiedKey?: string }>;
  /** Group/kind of the params objects, when the policy takes params. */
  paramKind?: { group: string; kind: string };
  /** Set when the policy applies but cannot be evaluated offline (Rego, Kyverno-only libraries). */
  notEvaluated?: string;
}

export interface ParamRef {
  name?: string;
  namespace?: string;
  selector?: LabelMatcher;
  notFoundAction: 'Allow' | 'Deny';
}

export interface CompiledBinding {
  name: string;
  policyName: string;
  source: PolicySource;
  actions: PolicyAction[];
  /** Per-request actions, when they depend on the namespace (Kyverno failure action overrides). */
  actionsFor?: (facts: AdmissionFacts) => PolicyAction[];
  /** Narrows the policy's own match (binding matchResources, constraint match, Kyverno rule match). */
  match?: RequestMatcher;
  /** Index keys when the binding is narrower than its policy (Gatekeeper kinds, Kyverno kinds). */
  keys?: IndexKeys;
  paramRef?: ParamRef;
  /** A fixed `params` value (a Gatekeeper constraint), already a CEL value. */
  fixedParams?: unknown;
  /** `paver.dev/deny-from` as epoch ms: Warn becomes Deny from then on. */
  denyFrom?: number;
  /** Pod controller kinds Kyverno auto-generates this Pod rule for: on those, the rule judges the workload itself at admission. */
  autogen?: ReadonlySet<string>;
  /** Set when the binding itself is invalid; it then reports "not evaluated" wherever it matches. */
  notEvaluated?: string;
  /** Set by createPolicySet once the policy is found. */
  policy?: CompiledPolicy;
}
