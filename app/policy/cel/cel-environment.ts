// Our adapter over @marcbachmann/cel-js: one shared environment with the
// Kubernetes CEL libraries, compile once and evaluate many times.
// See shared POLICY-NOTES.md for the library choice and its measured gaps.
import { Environment } from '@marcbachmann/cel-js';
import { registerStringsLibrary } from './strings-library.js';
import { registerListsLibrary } from './lists-library.js';
import { registerRegexLibrary } from './regex-library.js';
import { registerUrlLibrary } from './url-library.js';
import { registerQuantityLibrary } from './quantity-library.js';
import { registerIpLibrary } from './ip-library.js';
import { registerSemverLibrary } from './semver-library.js';
import { registerFormatLibrary } from './format-library.js';
import { registerComprehensionsLibrary } from './comprehensions-library.js';
import { registerOptionalLibrary } from './optional-library.js';
import { registerListsExtLibrary } from './lists-ext-library.js';
import { offlineAuthorizer, registerAuthorizerLibrary, UnknownOfflineValue } from './authorizer-library.js';
import type { CelRegistrar } from './cel-registrar.js';
import { restoreMethodNames, rewriteMethods } from './rewrite-methods.js';
import { rewriteHas } from './rewrite-has.js';
import { registerStringConversion } from './string-conversion.js';
import { registerTimestampLibrary } from './timestamp-library.js';

/** Variables every admission expression may use (all typed dyn except authorizer). */
export const admissionVariables = ['object', 'oldObject', 'request', 'params', 'namespaceObject', 'variables'] as const;

/** The values an expression is evaluated with; missing variables are null. */
export type CelActivation = Partial<Record<(typeof admissionVariables)[number], unknown>> & Record<string, unknown>;

/** A compiled expression. */
export interface CelProgram {
  readonly expression: string;
  /** True when the expression names `authorizer`, which has no offline value. */
  readonly usesAuthorizer: boolean;
  /** Evaluates; throws CelEvaluationFailure on errors. */
  evaluate(activation: CelActivation): unknown;
  /** Evaluates without wrapping errors (the hot path); pass what it throws to `celFailure`. */
  run(activation: CelActivation): unknown;
}

/** Turns whatever an evaluation threw into a CelEvaluationFailure. */
export function celFailure(error: unknown): CelEvaluationFailure {
  if (error instanceof CelEvaluationFailure) return error;
  const unknown = error instanceof UnknownOfflineValue;
  return new CelEvaluationFailure(restoreMethodNames(firstLine((error as Error)?.message ?? String(error))), unknown);
}

/** Why an evaluation failed; `unknown` means an input has no offline value. */
export class CelEvaluationFailure extends Error {
  constructor(message: string, readonly unknown: boolean) {
    super(message);
  }
}

/** Why an expression did not compile. */
export class CelCompileFailure extends Error {}

let shared: Environment | undefined;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function compareOrder(sign: number, op: '<' | '<=' | '>' | '>='): boolean {
  return op === '<' ? sign < 0 : op === '<=' ? sign <= 0 : op === '>' ? sign > 0 : sign >= 0;
}

function buildEnvironment(): Environment {
  const env = new Environment({ unlistedVariablesAreDyn: false, enableOptionalTypes: true, homogeneousAggregateLiterals: false });
  for (const name of admissionVariables) env.registerVariable(name, 'dyn');
  const registrar = env as unknown as CelRegistrar;
  registerAuthorizerLibrary(registrar);
  env.registerVariable('authorizer', 'kubernetes.authorization.Authorizer');
  registerStringsLibrary(registrar);
  registerListsLibrary(registrar);
  registerListsExtLibrary(registrar);
  registerRegexLibrary(registrar);
  registerUrlLibrary(registrar);
  registerQuantityLibrary(registrar);
  registerIpLibrary(registrar);
  registerStringConversion(registrar);
  registerTimestampLibrary(registrar);
  registerSemverLibrary(registrar);
  registerFormatLibrary(registrar);
  registerComprehensionsLibrary(registrar);
  registerOptionalLibrary(registrar);
  // Heterogeneous numeric equality (Kubernetes 1.28+): 1 == 1.0.
  env.registerOperator('int == double', (a: bigint, b: number) => Number(a) === b);
  // CEL's standard conversions and orderings that cel-js lacks: int(timestamp) is Unix seconds; bytes order bytewise.
  env.registerFunction('int(google.protobuf.Timestamp): int', (t: Date) => BigInt(Math.floor(t.getTime() / 1000)));
  for (const op of ['<', '<=', '>', '>='] as const) {
    env.registerOperator(`bytes ${op} bytes`, (a: Uint8Array, b: Uint8Array) => compareOrder(compareBytes(a, b), op));
  }
  env.registerFunction('int(uint): int', (u: { valueOf(): bigint }) => {
    const value = BigInt(u.valueOf());
    if (value > (1n << 63n) - 1n) throw new Error('int() range error: the uint does not fit an int');
    return value;
  });
  return env;
}

/** The shared environment (built on first use: building it is expensive). */
export function celEnvironment(): Environment {
  return (shared ??= buildEnvironment());
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Compiles (parses and type-checks) an expression once; throws CelCompileFailure. */
export function compileCel(expression: string): CelProgram {
  const env = celEnvironment();
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = env.parse(rewriteHas(rewriteMethods(expression)));
  } catch (error) {
    throw new CelCompileFailure(`compilation failed: ${restoreMethodNames(firstLine((error as Error).message))}`);
  }
  const checked = parsed.check();
  if (!checked.valid) throw new CelCompileFailure(`compilation failed: ${restoreMethodNames(firstLine(checked.error?.message ?? 'type check failed'))}`);
  const usesAuthorizer = /\bauthorizer\b/.test(expression);
  return {
    expression,
    usesAuthorizer,
    run: parsed as unknown as (activation: CelActivation) => unknown,
    evaluate(activation) {
      try {
        return parsed(activation);
      } catch (error) {
        throw celFailure(error);
      }
    },
  };
}

/** The value to pass as `authorizer`. */
export const authorizerValue = offlineAuthorizer;
