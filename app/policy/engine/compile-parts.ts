// Compiles the CEL parts shared by VAP, Gatekeeper and Kyverno policies:
// matchConditions, variables, validations and auditAnnotations, collecting
// problems with the field they are in instead of stopping at the first.
import { CelCompileFailure, compileCel, type CelProgram } from '../cel/cel-environment.js';
import type { CompiledValidation } from './compiled-policy.js';
import type { FieldProblem } from './resource-rules.js';
import { VariableScope, type VariableSlot } from './variable-scope.js';
import { guessFieldPaths } from './guess-field-path.js';

const reasons = new Set(['Unauthorized', 'Forbidden', 'Invalid', 'RequestEntityTooLarge']);

/** Compiles one expression, or records a problem at `field` and returns undefined. */
export function compileField(expression: unknown, field: string, problems: FieldProblem[]): CelProgram | undefined {
  if (typeof expression !== 'string' || expression.trim() === '') {
    problems.push({ field, message: 'an expression is required' });
    return undefined;
  }
  try {
    return compileCel(expression);
  } catch (error) {
    problems.push({ field, message: error instanceof CelCompileFailure ? error.message : String(error) });
    return undefined;
  }
}

export interface PolicyBody {
  matchConditions: Array<{ name: string; program: CelProgram }>;
  variables: VariableScope;
  validations: CompiledValidation[];
  auditAnnotations: Array<{ key: string; program: CelProgram }>;
}

/** Compiles the CEL parts of a policy spec (`field` is its path, such as `spec`). */
export function compilePolicyBody(
  spec: any,
  field: string,
  problems: FieldProblem[],
  options: { nativeVariables?: VariableSlot[]; validationsKey?: string; expressionsAreValidations?: boolean } = {},
): PolicyBody {
  const matchConditions: PolicyBody['matchConditions'] = [];
  (Array.isArray(spec?.matchConditions) ? spec.matchConditions : []).forEach((c: any, i: number) => {
    const program = compileField(c?.expression, `${field}.matchConditions[${i}].expression`, problems);
    if (program) matchConditions.push({ name: String(c?.name ?? `#${i}`), program });
  });

  const slots: VariableSlot[] = [...(options.nativeVariables ?? [])];
  (Array.isArray(spec?.variables) ? spec.variables : []).forEach((v: any, i: number) => {
    const name = String(v?.name ?? '');
    const at = `${field}.variables[${i}]`;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) { problems.push({ field: `${at}.name`, message: `variable name ${JSON.stringify(name)} must be a CEL identifier` }); return; }
    const known = new Set(slots.map((s) => s.name));
    for (const match of String(v?.expression ?? '').matchAll(/\bvariables\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (!known.has(match[1]!)) problems.push({ field: `${at}.expression`, message: `refers to variables.${match[1]}, which is not defined before '${name}'; a variable may only use variables listed above it` });
    }
    const program = compileField(v?.expression, `${at}.expression`, problems);
    if (program) slots.push({ name, program });
  });

  const variableSources = new Map<string, string>((Array.isArray(spec?.variables) ? spec.variables : []).map((v: any) => [String(v?.name), String(v?.expression ?? '')]));
  const validations: CompiledValidation[] = [];
  const key = options.validationsKey ?? 'validations';
  (Array.isArray(spec?.[key]) ? spec[key] : []).forEach((v: any, i: number) => {
    const at = `${field}.${key}[${i}]`;
    const program = compileField(v?.expression, `${at}.expression`, problems);
    const messageProgram = v?.messageExpression ? compileField(v.messageExpression, `${at}.messageExpression`, problems) : undefined;
    const reason = String(v?.reason ?? 'Invalid');
    if (!reasons.has(reason)) problems.push({ field: `${at}.reason`, message: `reason must be Unauthorized, Forbidden, Invalid or RequestEntityTooLarge, not ${JSON.stringify(reason)}` });
    if (!program) return;
    const declared = v?.fieldPath ? String(v.fieldPath).replace(/^\./, '') : undefined;
    const guesses = declared ? [] : guessFieldPaths(v.expression, variableSources);
    const guessed = guesses[0];
    validations.push({
      expression: v.expression, program, message: v?.message ? String(v.message) : undefined, messageProgram, reason, fieldPath: declared ?? guessed,
      ...(guessed ? { fieldPathGuessed: true } : {}), ...(guesses.length > 1 ? { fieldPathCandidates: guesses } : {}),
    });
  });

  const auditAnnotations: PolicyBody['auditAnnotations'] = [];
  (Array.isArray(spec?.auditAnnotations) ? spec.auditAnnotations : []).forEach((a: any, i: number) => {
    const program = compileField(a?.valueExpression, `${field}.auditAnnotations[${i}].valueExpression`, problems);
    if (program) auditAnnotations.push({ key: String(a?.key ?? ''), program });
  });

  return { matchConditions, variables: new VariableScope(slots), validations, auditAnnotations };
}

/** Checks validationActions: a non-empty set of Deny/Warn/Audit, no duplicates, never Deny with Warn. */
export function parseValidationActions(value: unknown, field: string, problems: FieldProblem[]): Array<'Deny' | 'Warn' | 'Audit'> {
  const list = Array.isArray(value) ? value.map(String) : [];
  if (list.length === 0) { problems.push({ field, message: 'validationActions must list at least one of Deny, Warn, Audit' }); return []; }
  const allowed = new Set(['Deny', 'Warn', 'Audit']);
  for (const action of list) if (!allowed.has(action)) problems.push({ field, message: `unknown validation action ${JSON.stringify(action)} (use Deny, Warn or Audit)` });
  if (new Set(list).size !== list.length) problems.push({ field, message: 'validationActions must not contain duplicates' });
  if (list.includes('Deny') && list.includes('Warn')) problems.push({ field, message: 'validationActions must not contain both Deny and Warn (Deny already reports the message)' });
  return [...new Set(list.filter((a) => allowed.has(a)))] as Array<'Deny' | 'Warn' | 'Audit'>;
}

/** Reads failurePolicy (default Fail). */
export function parseFailurePolicy(value: unknown, field: string, problems: FieldProblem[]): 'Fail' | 'Ignore' {
  if (value === undefined || value === null) return 'Fail';
  if (value === 'Fail' || value === 'Ignore') return value;
  problems.push({ field, message: `failurePolicy must be Fail or Ignore, not ${JSON.stringify(value)}` });
  return 'Fail';
}
