// The `authorizer` variable. Offline there is no API server to ask, so every
// authorizer call raises UnknownOfflineValue; the evaluator reports such a
// result as "not evaluated", never as a pass.
import type { CelRegistrar } from './cel-registrar.js';

/** Thrown when an expression needs a value that does not exist offline. */
export class UnknownOfflineValue extends Error {
  override name = 'UnknownOfflineValue';
}

/** The offline stand-in for the authorizer; any use of it is unknown. */
export class OfflineAuthorizer {}

class OfflineCheck {}

/** Shared instance passed as `authorizer` in every activation. */
export const offlineAuthorizer = new OfflineAuthorizer();

/** Adds the Kubernetes authz library's surface, answering "unknown" to every check. */
export function registerAuthorizerLibrary(env: CelRegistrar): void {
  const A = 'kubernetes.authorization.Authorizer';
  const unknown = () => {
    throw new UnknownOfflineValue('uses authorizer, which has no offline value (it needs a live API server); provide the decision as a simulation input');
  };
  const C = 'kubernetes.authorization.Check';
  env.registerType(A, OfflineAuthorizer);
  env.registerType(C, OfflineCheck);
  for (const method of ['group', 'path']) env.registerFunction(`${A}.${method}(string): ${C}`, unknown);
  env.registerFunction(`${A}.serviceAccount(string, string): ${A}`, unknown);
  for (const method of ['resource', 'subresource', 'namespace', 'name', 'check', 'fieldSelector', 'labelSelector']) {
    env.registerFunction(`${C}.${method}(string): ${C}`, unknown);
  }
  for (const method of ['allowed', 'errored']) env.registerFunction(`${C}.${method}(): bool`, unknown);
  for (const method of ['reason', 'error']) env.registerFunction(`${C}.${method}(): string`, unknown);
}
