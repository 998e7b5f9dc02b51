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

/** What cel-js hands a macro-style function (`receiver.name(var, expr)`). */
export interface MacroInput { ast: { setMeta?(key: string, value: unknown): void }; args: unknown[]; receiver: unknown }

/**
 * A `receiver.name(var, expr)` macro: `var` is bound in a scope of its own and
 * `expr` is type-checked there as dyn. `evaluate` gets the receiver's value and
 * a function that evaluates `expr` with `var` bound to a value.
 */
export function variableMacro(name: string, resultType: string, evaluate: (receiver: unknown, body: (value: unknown) => unknown) => unknown) {
  return ({ ast, args, receiver }: MacroInput) => {
    const variable = args[0] as { op?: string; args?: unknown };
    if (variable?.op !== 'id') throw new CelLibraryError(`${name}(var, expr) needs a variable name first`);
    return {
      ast,
      receiver,
      variable: variable.args as string,
      body: args[1],
      scope: undefined as any,
      typeCheck(checker: any, macro: any, ctx: any) {
        checker.check(macro.receiver, ctx);
        macro.scope = ctx.forkWithVariable(macro.variable, checker.getType('dyn'));
        checker.check(macro.body, macro.scope);
        macro.ast.setMeta?.('async', false);
        return checker.getType(resultType);
      },
      evaluate(ev: any, macro: any, ctx: any) {
        const scope = macro.scope.reuse(ctx);
        return evaluate(ev.run(macro.receiver, ctx), (value) => {
          scope.setIterValue(value, ev);
          return ev.run(macro.body, scope);
        });
      },
    };
  };
}
