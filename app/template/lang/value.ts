// The Go value model shared by the template language, the function maps
// (app/template/funcs) and the chart renderer (app/template/chart).
//
// Mapping (issue 3, template-brief.md):
//   Go "no value" (invalid reflect.Value: a missing key under missingkey=default,
//     a nil dot)                                  -> undefined
//   Go nil interface (JSON null, a missing key under missingkey=zero)
//                                                 -> null
//   bool -> boolean, string -> string, float64 -> number, int -> bigint
//   int64/int32/uint8/float32/... -> GoNumber
//   map[string]interface{} -> plain object, []interface{} -> array, []byte -> Uint8Array
//   typed slices ([]string) / typed maps         -> array / plain object tagged with
//                                                   withGoType(v, '[]string')
//   structs, chartutil.Values, semver, certs...  -> subclasses of GoObject
//
// Functions in a func map never receive `undefined`: the interpreter hands them
// `null` for both "no value" and nil, as Go does for interface{} parameters.

/** reflect.Kind names, as sprig's kindOf prints them. */
export type GoKind =
  | 'invalid' | 'bool' | 'string' | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr' | 'float32' | 'float64'
  | 'complex128' | 'slice' | 'array' | 'map' | 'struct' | 'ptr' | 'func' | 'interface' | 'chan';

/** Go numeric types other than float64 (JS number) and int (bigint). */
export type GoNumberType =
  | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'uintptr' | 'float32';

/** Any value a template can see. */
export type Value =
  | undefined
  | null
  | boolean
  | string
  | number
  | bigint
  | GoNumber
  | Uint8Array
  | Value[]
  | GoMap
  | GoObject
  | GoFunction;

/** map[string]interface{}: a plain JS object (own enumerable keys are the map keys). */
export interface GoMap {
  [key: string]: Value;
}

const intRanges: Record<string, [bigint, bigint]> = {
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-2147483648n, 2147483647n],
  int64: [-9223372036854775808n, 9223372036854775807n],
  uint: [0n, 18446744073709551615n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 4294967295n],
  uint64: [0n, 18446744073709551615n],
  uintptr: [0n, 18446744073709551615n],
};

/**
 * A typed Go number that is neither float64 nor int, e.g. the int64 sprig's
 * `add` returns: `new GoNumber('int64', 3n)`. Integer types hold a bigint
 * (wrapped to the type's width), float32 holds a number rounded to float32.
 */
export class GoNumber {
  readonly type: GoNumberType;
  readonly value: bigint | number;

  constructor(type: GoNumberType, value: bigint | number) {
    this.type = type;
    if (type === 'float32') {
      this.value = Math.fround(Number(value));
    } else {
      let v = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
      const range = intRanges[type];
      if (v < range[0] || v > range[1]) {
        const bits = type === 'int8' || type === 'uint8' ? 8 : type === 'int16' || type === 'uint16' ? 16
          : type === 'int32' || type === 'uint32' ? 32 : 64;
        v = type.startsWith('u') ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
      }
      this.value = v;
    }
  }

  /** True for the integer types. */
  get isInteger(): boolean {
    return this.type !== 'float32';
  }

  /** True for the unsigned integer types. */
  get isUnsigned(): boolean {
    return this.type.startsWith('u');
  }

  toString(): string {
    return String(this.value);
  }
}

/** Returned by GoObject.goField when a struct has no such field (or a map no such key). */
export const NO_FIELD: unique symbol = Symbol('paver.noField');
export type NoField = typeof NO_FIELD;

/**
 * A typed Go value that is not a plain map/slice/scalar: a struct (.Release,
 * .Chart, .Capabilities, .Files, a semver.Version, a certificate), a typed
 * map with methods (chartutil.Values), a Stringer. The interpreter resolves
 * `.Name` by looking up a method first (Go looks at the pointer's method set),
 * then a field (struct) or a key (map kind, via goMap()).
 */
export abstract class GoObject {
  /** The type as %T / sprig typeOf print it, e.g. "chartutil.Values", "*chart.Metadata". */
  abstract readonly goType: string;
  /** reflect.Kind of the value after pointer indirection ("struct", "map", ...). */
  abstract readonly goKind: GoKind;

  /** A struct field by name, or NO_FIELD. Map kinds use goMap() instead. */
  goField(_name: string): Value | NoField {
    return NO_FIELD;
  }

  /** A method by name (a method value, callable with args), or undefined. */
  goMethod(_name: string): GoFunction | undefined {
    return undefined;
  }

  /** For goKind "map": the underlying map[string]interface{} (keys, len, index, range). */
  goMap(): GoMap | undefined {
    return undefined;
  }

  /** For goKind "slice"/"array": the elements. */
  goSlice(): Value[] | undefined {
    return undefined;
  }

  /** For structs: [field name, value] in declaration order (%v prints {a b}, %+v {A:a B:b}). */
  goFields(): [string, Value][] {
    return [];
  }

  /** fmt.Stringer / error: when defined, %v and %s print this. */
  goString(): string | undefined {
    return undefined;
  }

  /** For goKind "string" (named string types): a value of the same type holding `text` (slice). */
  goWithString(text: string): Value {
    return text;
  }

  /** Truthiness for if/with/and/or/not; structs are always true, nil pointers false. */
  goTruth(): boolean {
    if (this.goKind === 'map') return Object.keys(this.goMap() ?? {}).length > 0;
    if (this.goKind === 'slice' || this.goKind === 'array') return (this.goSlice() ?? []).length > 0;
    return true;
  }
}

/** A struct (or pointer to struct) built from a field table and a method table. */
export class GoStruct extends GoObject {
  readonly goType: string;
  readonly goKind: GoKind = 'struct';
  readonly fields: Record<string, Value>;
  readonly methods: Record<string, GoFunction>;

  constructor(goType: string, fields: Record<string, Value>, methods: Record<string, GoFunction> = {}) {
    super();
    this.goType = goType;
    this.fields = fields;
    this.methods = methods;
  }

  override goField(name: string): Value | NoField {
    return Object.hasOwn(this.fields, name) ? this.fields[name] : NO_FIELD;
  }

  override goMethod(name: string): GoFunction | undefined {
    return Object.hasOwn(this.methods, name) ? this.methods[name] : undefined;
  }

  override goFields(): [string, Value][] {
    return Object.entries(this.fields);
  }
}

/** A named map type with methods, e.g. chartutil.Values (methods shadow keys). */
export class GoTypedMap extends GoObject {
  readonly goType: string;
  readonly goKind: GoKind = 'map';
  readonly map: GoMap;
  readonly methods: Record<string, GoFunction>;

  constructor(goType: string, map: GoMap, methods: Record<string, GoFunction> = {}) {
    super();
    this.goType = goType;
    this.map = map;
    this.methods = methods;
  }

  override goMap(): GoMap {
    return this.map;
  }

  override goMethod(name: string): GoFunction | undefined {
    return Object.hasOwn(this.methods, name) ? this.methods[name] : undefined;
  }
}

/** How a template reacts to a missing map key (text/template Option "missingkey=..."). */
export type MissingKeyMode = 'default' | 'invalid' | 'zero' | 'error';

/**
 * What a function sees of the running execution: the template set (for
 * include/tpl), options, the host providers and the calling position.
 */
export interface CallContext {
  /** The function's name as written in the template (for error messages). */
  readonly funcName: string;
  /** Name of the template whose action is calling (Helm's tpl parses under this name). */
  readonly templateName: string;
  /** The set being executed; include executes in it, tpl clones it. */
  readonly templates: TemplateSetApi;
  /** Options of the running execution (missingkey, budgets, host...). */
  readonly options: ExecOptions;
  /** Host providers passed in ExecOptions.host (files, clock, crypto, lookup): funcs narrow the type. */
  readonly host: unknown;
  /**
   * Executes template `name` of `set` (default: the running set) with `data`,
   * sharing the running execution's output/step budgets and chunk hook; returns its output.
   */
  execute(name: string, data: Value, set?: TemplateSetApi, overrides?: Partial<ExecOptions>): string;
}

/** The slice of the template set API that functions (include, tpl) use. */
export interface TemplateSetApi {
  /** Parses `text` as template `name` (plus its defines) into this set. Throws GoTemplateError. */
  parse(name: string, text: string): void;
  /** A copy sharing parse trees; defines added to the copy do not affect this set. */
  clone(): TemplateSetApi;
  /** True when a template with that name is defined (and non-empty or defined). */
  has(name: string): boolean;
  /** Executes `name` with `data` as a fresh run (own budgets); returns the output. */
  execute(name: string, data: Value, options?: ExecOptions): string;
}

/** Called for each output chunk when source maps are wanted (off = no cost). */
export type OutputChunkHook = (text: string, templateName: string, line: number) => void;

/** Options of one execution. */
export interface ExecOptions {
  missingKey?: MissingKeyMode;
  /** Maximum output size in characters (default 64 MiB); above it execution ends with an error. */
  maxOutput?: number;
  /** Maximum number of evaluation steps (default 50 million); guards against runaway loops. */
  maxSteps?: number;
  /** Source-map hook: receives each chunk with the template name and line that produced it. */
  onChunk?: OutputChunkHook;
  /** Host providers, passed through to functions as ctx.host. */
  host?: unknown;
}

/**
 * A function in a func map. It receives the evaluated arguments (never
 * `undefined`) and returns a Go value. Errors: throw GoFuncError(message);
 * the interpreter reports `error calling <name>: <message>`.
 */
export type TemplateFunc = (args: Value[], ctx: CallContext) => Value;

/**
 * Optional signature metadata. `params` are Go type names ("interface {}",
 * "string", "int", "int64", "float64", "bool", "[]interface {}",
 * "map[string]interface {}", "reflect.Value"); `variadic` is the element type
 * of a trailing ...param. When given, the interpreter checks arity and
 * argument types exactly like text/template ("wrong number of args for X:
 * want 1 got 2", "wrong type for value; expected string; got int") and
 * converts number literals to the parameter type. Without it, any arity passes.
 */
export interface FuncSignature {
  params?: readonly string[];
  variadic?: string;
  /** The func's Go type for %T and errors, e.g. "func(string) string" (func values in data). */
  goType?: string;
}

/** A function with signature metadata (what a func map entry may be instead of a bare function). */
export interface FuncDefinition extends FuncSignature {
  call: TemplateFunc;
}

/**
 * A Go func value living in data or returned as a method value (callable via
 * `call` or as a method): always a JS function, optionally carrying its
 * signature as properties (see funcValue). Plain objects are maps, never funcs.
 */
export type GoFunction = TemplateFunc & FuncSignature;

/** Makes a Go func value (for data or GoObject.goMethod) from a function and its signature. */
export function funcValue(call: TemplateFunc, signature: FuncSignature = {}): GoFunction {
  return Object.assign(call, signature);
}

/** name -> function, like template.FuncMap. */
export type FuncMap = Record<string, TemplateFunc | FuncDefinition>;

/** The error a function throws to fail; reported as `error calling <name>: <message>`. */
export class GoFuncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoFuncError';
  }
}

const GO_TYPE_TAG: unique symbol = Symbol.for('paver.goType');

/** Tags an array or plain object with a Go type such as "[]string" or "map[string]string". */
export function withGoType<T extends Value[] | GoMap>(value: T, goType: string): T {
  Object.defineProperty(value, GO_TYPE_TAG, { value: goType, enumerable: false });
  return value;
}

/** The Go type tag of an array/plain object, if any. */
export function goTypeTag(value: object): string | undefined {
  return (value as { [GO_TYPE_TAG]?: string })[GO_TYPE_TAG];
}

/** True for a plain JS object acting as a Go map. */
export function isGoMap(v: unknown): v is GoMap {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** True for a Go func value (a JS function). */
export function isGoFunction(v: unknown): v is GoFunction {
  return typeof v === 'function';
}

/** The callable behind a GoFunction or func map entry. */
export function funcCallable(f: TemplateFunc | FuncDefinition): TemplateFunc {
  return typeof f === 'function' ? f : f.call;
}

/** reflect.Kind of a value (sprig's kindOf). */
export function kindOf(v: Value): GoKind {
  switch (typeof v) {
    case 'undefined': return 'invalid';
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'number': return 'float64';
    case 'bigint': return 'int';
    case 'function': return 'func';
    default:
      if (v === null) return 'invalid';
      if (v instanceof GoNumber) return v.type;
      if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
      if (v instanceof GoObject) return v.goKind;
      return 'map';
  }
}

/** The Go type name as %T prints it (sprig's typeOf). */
export function typeName(v: Value): string {
  switch (typeof v) {
    case 'undefined': return '<nil>';
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'number': return 'float64';
    case 'bigint': return 'int';
    case 'function': return v.goType ?? 'func(...interface {}) (interface {}, error)';
    default:
      if (v === null) return '<nil>';
      if (v instanceof GoNumber) return v.type;
      if (Array.isArray(v)) return goTypeTag(v) ?? '[]interface {}';
      if (v instanceof Uint8Array) return '[]uint8';
      if (v instanceof GoObject) return v.goType;
      return goTypeTag(v) ?? 'map[string]interface {}';
  }
}

/** Go's truth (text/template isTrue): zero values, nil and empty collections are false. */
export function isTruthy(v: Value): boolean {
  switch (typeof v) {
    case 'undefined': return false;
    case 'boolean': return v;
    case 'string': return v.length > 0;
    case 'number': return v !== 0;
    case 'bigint': return v !== 0n;
    case 'function': return true;
    default:
      if (v === null) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (v instanceof GoNumber) return v.isInteger ? v.value !== 0n : v.value !== 0;
      if (v instanceof Uint8Array) return v.length > 0;
      if (v instanceof GoObject) return v.goTruth();
      if (isGoMap(v)) {
        for (const _ in v) return true;
        return false;
      }
      return true;
  }
}

/** True for any Go number (float64, int, GoNumber). */
export function isNumber(v: Value): v is number | bigint | GoNumber {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof GoNumber;
}

/** True for Go integer kinds (int as bigint, or an integer GoNumber). */
export function isInteger(v: Value): v is bigint | GoNumber {
  return typeof v === 'bigint' || (v instanceof GoNumber && v.isInteger);
}

/** Unboxes any Go number to a JS number (ints beyond 2^53 lose precision). */
export function toJsNumber(v: number | bigint | GoNumber): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return Number(v.value);
}

/** Unboxes an integer Go number to a bigint (floats truncate toward zero, NaN -> 0). */
export function toBigInt(v: number | bigint | GoNumber): bigint {
  if (typeof v === 'bigint') return v;
  const n = v instanceof GoNumber ? v.value : v;
  if (typeof n === 'bigint') return n;
  if (!Number.isFinite(n)) return n > 0 ? 9223372036854775807n : -9223372036854775808n;
  return BigInt(Math.trunc(n));
}

/** A Go int (bigint) from a JS integer. */
export function goInt(n: number | bigint): bigint {
  return typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
}

/** A Go int64 value (what sprig math returns). */
export function goInt64(n: number | bigint): GoNumber {
  return new GoNumber('int64', typeof n === 'bigint' ? n : BigInt(Math.trunc(n)));
}

/** The elements of a slice-like value (array, []byte, slice-kind GoObject), else undefined. */
export function sliceElements(v: Value): Value[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => new GoNumber('uint8', BigInt(b)));
  if (v instanceof GoObject) return v.goSlice();
  return undefined;
}

/** The entries source of a map-like value (plain map, map-kind GoObject), else undefined. */
export function mapOf(v: Value): GoMap | undefined {
  if (v instanceof GoObject) return v.goKind === 'map' ? v.goMap() : undefined;
  if (isGoMap(v)) return v;
  return undefined;
}

/** Go's string ordering (UTF-8 byte order), used for sorted map keys. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // UTF-16 puts surrogates (U+10000+) below U+E000..U+FFFF; UTF-8 byte order does not.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys && (x >= 0xe000 || y >= 0xe000)) return xs ? 1 : -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** Map keys in Go's sorted order (what range and %v use). */
export function sortedKeys(m: GoMap): string[] {
  const keys = Object.keys(m);
  let ascii = true;
  for (const k of keys) {
    for (let i = 0; i < k.length; i++) {
      if (k.charCodeAt(i) >= 0xd800) {
        ascii = false;
        break;
      }
    }
    if (!ascii) break;
  }
  return ascii ? keys.sort() : keys.sort(compareGoStrings);
}
