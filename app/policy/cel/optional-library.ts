// cel-go evaluates `x.orValue(d)` lazily and, when x is not an optional,
// returns x itself (its interpreter special-cases orValue). Kubernetes and
// Kyverno policies rely on that: `container.volumeMounts.orValue([])` on a
// list. cel-js instead fails with "receiver must be optional". A macro on a
// list receiver takes over dyn receivers as well: it unwraps an optional (the
// default only evaluated when it is empty) and passes anything else through.
import { Optional } from '@marcbachmann/cel-js';
import type { CelRegistrar } from './cel-registrar.js';

interface MacroInput { ast: { setMeta?(key: string, value: unknown): void }; args: unknown[]; receiver: unknown }

/** Adds cel-go's orValue behaviour on non-optional receivers. */
export function registerOptionalLibrary(env: CelRegistrar): void {
  env.registerFunction('list.orValue(ast): dyn', ({ ast, args, receiver }: MacroInput) => ({
    ast,
    receiver,
    arg: args[0],
    typeCheck(checker: any, macro: any, ctx: any) {
      checker.check(macro.receiver, ctx);
      checker.check(macro.arg, ctx);
      macro.ast.setMeta?.('async', false);
      return checker.getType('dyn');
    },
    evaluate(ev: any, macro: any, ctx: any) {
      const value = ev.run(macro.receiver, ctx);
      if (value instanceof Optional) return value.hasValue() ? value.value() : ev.run(macro.arg, ctx);
      return value;
    },
  }));
}
