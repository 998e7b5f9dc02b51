// The public API changes only on purpose.
import { expect, it } from 'vitest';
import * as policy from './index.js';

it('exports the documented API', () => {
  expect(Object.keys(policy).sort()).toEqual([
    'CelCompileFailure', 'CelEvaluationFailure', 'PolicySetCache', 'SemanticVersion', 'admissionDenialStatus', 'compileCel', 'compileVersionRange', 'createPolicySet',
    'denyFromAnnotation', 'evaluateAdmission', 'evaluatePolicyEvalLine', 'evaluateTemplatePolicies', 'parseSemanticVersion', 'podFromWorkload', 'toCelValue',
  ]);
});
