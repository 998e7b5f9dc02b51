// The policy engine's public API (pure: no Node imports). See README.md.
export { createPolicySet, type PolicySet, type PolicySetOptions } from './policy-set.js';
export { evaluateAdmission, type EvaluateOptions } from './evaluate-admission.js';
export { evaluateTemplatePolicies, type TemplateUse, type TemplatePolicyOutcome } from './evaluate-template-policies.js';
export { podFromWorkload } from './pod-template.js';
export { admissionDenialStatus, type DenialStatus } from './admission-status.js';
export { evaluatePolicyEvalLine, PolicySetCache, type PolicyEvalInput, type PolicyEvalOutput, type PolicyEvalOptions } from './policy-eval-lines.js';
export { compileCel, CelCompileFailure, CelEvaluationFailure, type CelProgram, type CelActivation } from './cel/cel-environment.js';
export { toCelValue } from './cel/to-cel-value.js';
export { compileVersionRange, type VersionRange } from './semver/semver-range.js';
export { parseSemanticVersion, SemanticVersion } from './semver/semver.js';
export { denyFromAnnotation } from './formats/deny-from.js';
export type {
  AdmissionInput, AdmissionOperation, AdmissionResult, KubeObject, NotEvaluated, PolicyAction, PolicyEvaluationError,
  PolicyObjectProblem, PolicySource, ResourceMapping, UserInfo, Violation,
} from './types.js';
