// cel-go evaluates `x.orValue(d)` lazily and, when x is not an optional,
// returns x itself (its interpreter special-cases orValue). Kubernetes and
// Kyverno policies rely on that: `container.volumeMounts.orValue([])` on a
// list. cel-js instead fails with "receiver must be optional". A macro on a
// list receiver takes over dyn receivers as well: it unwraps an optional (the
// default only evaluated when it is empty) and passes anything else through.
// cel-go's optional library (which Kubernetes enables at its newest version)
// also has optMap/optFlatMap, optional.ofNonZeroValue, list.first()/last()
// and optional.unwrap()/unwrapOpt(); cel-js lacks them, so they are added here.
import { Optional } from '@marcbachmann/cel-js';
import { CelLibraryError, variableMacro, type CelRegistrar, type MacroInput } from './cel-registrar.js';

/** cel-go's IsZeroValue: null, false, 0, 0u, 0.0, "", b"", an empty list or map, a zero duration. */
function isZeroValue(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0n || value === 0 || value === '') return true;
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return Object.keys(value).length === 0;
  const primitive = (value as { valueOf(): unknown }).valueOf();
  if (primitive !== value) return primitive === 0n || primitive === 0;
  const duration = value as { seconds?: unknown; nanos?: unknown };
  return 'seconds' in duration && 'nanos' in duration && Number(duration.seconds) === 0 && Number(duration.nanos) === 0;
}

function optionalOf(value: unknown, what: string): Optional {
  if (value instanceof Optional) return value;
  throw new CelLibraryError(`${what} must be optional`);
}

// `opt.optMap(x, expr)` and `opt.optFlatMap(x, expr)`: bind the value to x
// and evaluate expr when opt has a value; an empty optional stays empty.
function optionalMapMacro(flat: boolean) {
  const name = flat ? 'optFlatMap' : 'optMap';
  return variableMacro(name, 'optional', (receiver, body) => {
    const optional = optionalOf(receiver, `${name} receiver`);
    if (!optional.hasValue()) return optional;
    const result = body(optional.value());
    return flat ? optionalOf(result, `${name} result`) : Optional.of(result);
  });
}

function unwrap(list: unknown[]): unknown[] {
  return list.filter((item) => optionalOf(item, 'optional.unwrap element').hasValue()).map((item) => (item as Optional).value());
}

/** Adds cel-go's orValue behaviour on non-optional receivers, optMap/optFlatMap, ofNonZeroValue, first/last and unwrap. */
export function registerOptionalLibrary(env: CelRegistrar): void {
  env.registerFunction('optional.optMap(ast, ast): optional<dyn>', optionalMapMacro(false));
  env.registerFunction('optional.optFlatMap(ast, ast): optional<dyn>', optionalMapMacro(true));
  env.registerFunction('OptionalNamespace.ofNonZeroValue(dyn): optional<dyn>', (_: unknown, value: unknown) => (isZeroValue(value) ? Optional.none() : Optional.of(value)));
  env.registerFunction('OptionalNamespace.unwrap(list): list<dyn>', (_: unknown, list: unknown[]) => unwrap(list));
  env.registerFunction('list.unwrapOpt(): list<dyn>', unwrap);
  env.registerFunction('list.first(): optional<dyn>', (list: unknown[]) => (list.length ? Optional.of(list[0]) : Optional.none()));
  env.registerFunction('list.last(): optional<dyn>', (list: unknown[]) => (list.length ? Optional.of(list[list.length - 1]) : Optional.none()));
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
