// The slice of the cel-js Environment that our Kubernetes libraries register
// into. Kept narrow so each library file states exactly what it adds.
export interface CelRegistrar {
  registerFunction(signature: string, handler: (...args: any[]) => unknown): CelRegistrar;
  registerType(name: string, ctor: new (...args: any[]) => unknown): CelRegistrar;
  registerConstant(name: string, type: string, value: unknown): CelRegistrar;
  registerOperator(signature: string, handler: (...args: any[]) => unknown): CelRegistrar;
}

/** An error raised inside a library function; cel-js reports it as an evaluation error. */
export class CelLibraryError extends Error {
  override name = 'CelLibraryError';
}

/** Registers a namespace object such as `sets` so `sets.contains(a, b)` resolves. */
export function registerNamespace(env: CelRegistrar, name: string, typeName: string): void {
  const Namespace = { [typeName]: class {} }[typeName]!;
  env.registerType(typeName, Namespace);
  env.registerConstant(name, typeName, new Namespace());
}
