// JSON-friendly copies of the helper functions of Go's text/template
// exec_test.go, as the Go oracle registers them for `"funcs": "gotest"`.
import { sprintln } from '../lang/format.js';
import {
  GoFuncError, GoObject, funcValue, typeName, withGoType, type FuncDefinition, type FuncMap, type GoMap, type Value,
} from '../lang/value.js';

function def(params: string[], call: FuncDefinition['call'], variadic?: string): FuncDefinition {
  return variadic === undefined ? { params, call } : { params, variadic, call };
}

/** A nil func value (FuncNil): `call` reports "call of nil" for it. */
class NilFunc extends GoObject {
  readonly goType = 'func() string';
  readonly goKind = 'func' as const;
  override goTruth(): boolean {
    return false;
  }
}

/** The test helper func map ("gotest"). */
export function gotestFuncs(): FuncMap {
  return {
    add: def([], (args) => args.reduce<bigint>((a, b) => a + (b as bigint), 0n), 'int'),
    count: def(['int'], () => {
      throw new GoFuncError('count (channels) is not supported');
    }),
    dddArg: def(['int'], (args) => sprintln([args[0], withGoType(args.slice(1), '[]string')]), 'string'),
    die: def([], () => {
      throw new GoFuncError('die');
    }),
    echo: def(['interface {}'], (args) => args[0]),
    makemap: def([], (args) => {
      if (args.length % 2 !== 0) throw new GoFuncError('bad makemap');
      const m: GoMap = {};
      for (let i = 0; i < args.length; i += 2) m[args[i] as string] = args[i + 1];
      return withGoType(m, 'map[string]string');
    }, 'string'),
    mapOfThree: def([], () => withGoType({ three: 3n }, 'map[string]int')),
    oneArg: def(['string'], (args) => 'oneArg=' + (args[0] as string)),
    returnInt: def([], () => 7n),
    twoArgs: def(['string', 'string'], (args) => 'twoArgs=' + (args[0] as string) + (args[1] as string)),
    typeOf: def(['interface {}'], (args) => typeName(args[0])),
    valueString: def(['string'], () => 'value is ignored'),
    zeroArgs: def([], () => 'zeroArgs'),
    errorFunc: def([], () => {
      throw new GoFuncError('test error');
    }),
    okFunc: def([], () => 'ok'),
  };
}

/** The function-valued data keys the oracle adds for `call` tests. */
export function gotestDataFuncs(): Record<string, Value> {
  return {
    Func0: funcValue(() => 'func0', { params: [], goType: 'func() string' }),
    Func1: funcValue((args) => 'func1:' + (args[0] as string), { params: ['string'], goType: 'func(string) string' }),
    FuncAdd: funcValue((args) => (args[0] as bigint) + (args[1] as bigint), { params: ['int', 'int'], goType: 'func(int, int) int' }),
    FuncErr: funcValue(() => {
      throw new GoFuncError('test error');
    }, { params: [], goType: 'func() (string, error)' }),
    FuncNil: new NilFunc(),
    FuncVar: funcValue((args) => (args[0] as string) + (args.slice(1) as string[]).join(','), { params: ['string'], variadic: 'string', goType: 'func(string, ...string) string' }),
    FuncPanic: funcValue(() => {
      throw new GoFuncError('boom');
    }, { params: [], goType: 'func() string' }),
  };
}
