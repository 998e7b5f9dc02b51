// The Go text/template interpreter (text/template/exec.go semantics, Go 1.26):
// a tree walker over the parse tree with Go's value rules, error messages and
// positions. Values follow value.ts: `undefined` is an invalid reflect.Value,
// `null` a nil interface (only seen inside pipelines and builtin arguments).
import { GoTemplateError } from '../../errors/go-template-error.js';
import { callBuiltin, isLazyBuiltin, type BuiltinName, builtinNames } from './builtins.js';
import { formatValue } from './format.js';
import { NodeType, nodeLocation, nodeString, type ChainNode, type CommandNode, type FieldNode, type IdentifierNode, type ListNode, type Node, type NumberNode, type PipeNode, type BranchNode, type TemplateNode, type VariableNode } from './nodes.js';
import type { Tree } from './parser.js';
import {
  GoFuncError, GoNumber, GoObject, NO_FIELD, goTypeTag, isGoFunction, isGoMap, isTruthy, sortedKeys, typeName,
  type CallContext, type ExecOptions, type FuncDefinition, type FuncMap, type GoFunction, type GoMap, type MissingKeyMode,
  type OutputChunkHook, type TemplateFunc, type TemplateSetApi, type Value,
} from './value.js';

/** The pipeline's "no final argument" marker (Go's missingVal). */
export const MISSING: unique symbol = Symbol('missing');
type Final = Value | typeof MISSING;

/** A complex constant ({{ 1i }}), printed like Go: (0+1i). */
export class GoComplex extends GoObject {
  readonly goType = 'complex128';
  readonly goKind = 'complex128' as const;
  constructor(readonly re: number, readonly im: number) {
    super();
  }
  override goString(): string {
    const im = formatValue(this.im);
    return '(' + formatValue(this.re) + (this.im >= 0 || Number.isNaN(this.im) ? '+' : '') + im + 'i)';
  }
  override goTruth(): boolean {
    return this.re !== 0 || this.im !== 0;
  }
}

/** What the interpreter needs from a template set. */
export interface ExecSet extends TemplateSetApi {
  lookup(name: string): Tree | undefined;
  readonly funcs: FuncMap;
}

/** Budgets shared by an execution and the nested executions include/tpl start. */
export interface Budget {
  steps: number;
  maxSteps: number;
  maxOutput: number;
}

/** Thrown for runaway templates; never wrapped in "error calling". */
export class TemplateLimitError extends GoTemplateError {}

const BREAK = 1;
const CONTINUE = 2;

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
const DEFAULT_MAX_STEPS = 50_000_000;

/** Creates the shared budget for a fresh execution. */
export function newBudget(options: ExecOptions): Budget {
  return { steps: 0, maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS, maxOutput: options.maxOutput ?? DEFAULT_MAX_OUTPUT };
}

/** Executes template `name` of `set` and returns its output (Go's ExecuteTemplate). */
export function executeTree(set: ExecSet, tree: Tree, data: Value, options: ExecOptions, budget: Budget): string {
  const state = new State(set, tree, options, budget);
  try {
    state.run(data);
  } catch (e) {
    if (isStackOverflow(e)) {
      // Reached through include/tpl recursion (each level is a nested execution); like Go's
      // errors it is then wrapped by every include level ("error calling include: ...").
      throw state.error('exceeded maximum template depth: the JavaScript stack ran out (a recursive include?); '
        + 'Helm allows 1,000 nested includes, so give the renderer a larger stack (Worker resourceLimits.stackSizeMb, node --stack-size)');
    }
    if (e instanceof GoTemplateError) {
      (e as GoTemplateError & { partialOutput?: string }).partialOutput = state.out;
    }
    throw e;
  }
  return state.out;
}

class State implements CallContext {
  out = '';
  private tree: Tree;
  private node: Node | null = null;
  // Variable stack; entries above varTop are garbage (no shrinking on pop).
  private varNames: string[] = [];
  private varValues: Value[] = [];
  /** Per variable: the interface{} container a range element came from (Go keeps its static type), or null. */
  private varIface: Container[] = [];
  private varTop = 0;
  private varBase = 0;
  private dotIface: Container = null;
  private readonly missingKey: MissingKeyMode;
  private readonly hook: OutputChunkHook | undefined;
  funcName = '';
  private nestedOptions: ExecOptions | undefined;

  constructor(readonly set: ExecSet, tree: Tree, readonly options: ExecOptions, private budget: Budget) {
    this.tree = tree;
    this.missingKey = options.missingKey ?? 'default';
    this.hook = options.onChunk;
  }

  // CallContext -------------------------------------------------------------
  get templateName(): string {
    return this.tree.name;
  }
  get templates(): TemplateSetApi {
    return this.set;
  }
  get host(): unknown {
    return this.options.host;
  }
  execute(name: string, data: Value, set?: TemplateSetApi, overrides?: Partial<ExecOptions>): string {
    const target = (set ?? this.set) as ExecSet;
    const tree = target.lookup(name);
    if (tree === undefined) throw new GoFuncError(`template: no template ${goQuote(name)} associated with template ${goQuote(this.tree.name)}`);
    let options: ExecOptions;
    if (overrides === undefined) {
      // Nested output is returned as a value, not written: no chunk hook.
      options = this.nestedOptions ??= { ...this.options, onChunk: undefined };
    } else {
      options = { ...this.options, onChunk: undefined, ...overrides };
    }
    return executeTree(target, tree, data, options, this.budget);
  }

  // Errors -------------------------------------------------------------------
  error(reason: string): GoTemplateError {
    const name = this.tree.name;
    if (this.node === null) {
      return new GoTemplateError(`template: ${name}: ${reason}`, { phase: 'exec', file: this.tree.src.parseName, template: name, line: 0, column: 0, reason });
    }
    const location = nodeLocation(this.node);
    const [file, line, col] = splitLocation(location);
    return new GoTemplateError(`template: ${location}: executing ${goQuote(name)} at <${nodeString(this.node)}>: ${reason}`,
      { phase: 'exec', file, template: name, line, column: col, reason });
  }

  private errorf(reason: string): never {
    throw this.error(reason);
  }

  /** A limit error: never wrapped in "error calling" by the functions it passes through. */
  limitError(reason: string): TemplateLimitError {
    const e = this.error(reason);
    return new TemplateLimitError(e.message, { ...e.data, phase: 'limit' });
  }

  private limit(reason: string): never {
    throw this.limitError(reason);
  }

  private step(): void {
    if (++this.budget.steps > this.budget.maxSteps) {
      this.limit(`execution budget of ${this.budget.maxSteps} steps exceeded (runaway template? raise maxSteps if intended)`);
    }
  }

  private write(text: string, line: number): void {
    this.out += text;
    if (this.out.length > this.budget.maxOutput) {
      this.limit(`output exceeds the limit of ${this.budget.maxOutput} characters (runaway template? raise maxOutput if intended)`);
    }
    if (this.hook !== undefined) this.hook(text, this.node?.src.parseName ?? this.tree.src.parseName, line);
  }

  // Walk ---------------------------------------------------------------------
  run(data: Value): void {
    this.pushVar('$', data);
    this.walkList(data, this.tree.root);
  }

  private walkList(dot: Value, list: ListNode): number {
    const nodes = list.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const r = this.walk(dot, nodes[i]);
      if (r !== 0) return r;
    }
    return 0;
  }

  private walk(dot: Value, node: Node): number {
    this.node = node;
    switch (node.type) {
      case NodeType.Text:
        this.write(node.text, node.line);
        return 0;
      case NodeType.Action: {
        this.step();
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return 0;
      }
      case NodeType.If:
      case NodeType.With:
        return this.walkIfOrWith(dot, node);
      case NodeType.Range:
        return this.walkRange(dot, node);
      case NodeType.Template:
        this.walkTemplate(dot, node);
        return 0;
      case NodeType.Break:
        return BREAK;
      case NodeType.Continue:
        return CONTINUE;
      case NodeType.List:
        return this.walkList(dot, node);
      case NodeType.Comment:
        return 0;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(dot: Value, node: BranchNode): number {
    this.step();
    const mark = this.varTop;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTruthy(val)) {
        if (node.type === NodeType.With) {
          const saveIface = this.dotIface;
          this.dotIface = null;
          const r = this.walkList(val, node.list);
          this.dotIface = saveIface;
          return r;
        }
        return this.walkList(dot, node.list);
      } else if (node.elseList !== null) {
        return this.walkList(dot, node.elseList);
      }
      return 0;
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Value, node: BranchNode): number {
    this.step();
    this.node = node;
    const outerMark = this.varTop;
    const saveIface = this.dotIface;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      const mark = this.varTop;
      let ran = false;
      if (Array.isArray(val)) {
        this.dotIface = val;
        for (let i = 0; i < val.length; i++) {
          ran = true;
          if (this.iterate(node, mark, BigInt(i), val[i])) break;
        }
      } else if (isGoMap(val) || (val instanceof GoObject && val.goKind === 'map')) {
        const m = (isGoMap(val) ? val : (val as GoObject).goMap() ?? {}) as GoMap;
        this.dotIface = isGoMap(val) ? val : ANY_IFACE;
        for (const k of sortedKeys(m)) {
          ran = true;
          if (this.iterate(node, mark, k, m[k] ?? null)) break;
        }
      } else if (typeof val === 'bigint' || (val instanceof GoNumber && val.isInteger)) {
        if (node.pipe.decl.length > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
        this.dotIface = null;
        const n = typeof val === 'bigint' ? val : (val.value as bigint);
        for (let i = 0n; i < n; i++) {
          ran = true;
          const v = typeof val === 'bigint' ? i : new GoNumber(val.type, i);
          if (this.iterate(node, mark, v, v)) break;
        }
      } else if (val instanceof Uint8Array || (val instanceof GoObject && (val.goKind === 'slice' || val.goKind === 'array'))) {
        const elems = val instanceof Uint8Array ? Array.from(val, (b) => new GoNumber('uint8', BigInt(b))) : (val.goSlice() ?? []);
        this.dotIface = null;
        for (let i = 0; i < elems.length; i++) {
          ran = true;
          if (this.iterate(node, mark, BigInt(i), elems[i])) break;
        }
      } else if (val !== undefined && val !== null) {
        this.errorf(`range can't iterate over ${formatValue(val)}`);
      }
      this.dotIface = saveIface;
      if (!ran && node.elseList !== null) return this.walkList(dot, node.elseList);
      return 0;
    } finally {
      this.dotIface = saveIface;
      this.pop(outerMark);
    }
  }

  /** One range iteration; true when the body hit {{break}}. */
  private iterate(node: BranchNode, mark: number, index: Value, elem: Value): boolean {
    this.step();
    const decl = node.pipe.decl.length;
    if (decl > 0) {
      this.varValues[this.varTop - 1] = elem;
      this.varIface[this.varTop - 1] = this.dotIface;
    }
    if (decl > 1) this.varValues[this.varTop - 2] = index;
    const r = this.walkList(elem, node.list);
    this.varTop = mark;
    return r === BREAK;
  }

  private walkTemplate(dot: Value, node: TemplateNode): void {
    this.step();
    this.node = node;
    const tree = this.set.lookup(node.name);
    if (tree === undefined) this.errorf(`template ${goQuote(node.name)} not defined`);
    const newDot = node.pipe === null ? undefined : this.evalPipeline(dot, node.pipe);
    const saveTree = this.tree;
    const saveBase = this.varBase;
    const saveIface = this.dotIface;
    const mark = this.varTop;
    this.tree = tree;
    this.varBase = mark;
    this.dotIface = null;
    this.pushVar('$', newDot);
    try {
      this.walkList(newDot, tree.root);
    } catch (e) {
      // Go stops at 100,000 nested {{template}} calls; the JS stack runs out first.
      if (isStackOverflow(e)) {
        this.node = node;
        throw this.error('exceeded maximum template depth (100000)');
      }
      throw e;
    } finally {
      this.tree = saveTree;
      this.varBase = saveBase;
      this.dotIface = saveIface;
      this.pop(mark);
    }
  }

  // Variables ----------------------------------------------------------------
  private pop(mark: number): void {
    this.varTop = mark;
  }

  private pushVar(name: string, value: Value): void {
    const i = this.varTop++;
    this.varNames[i] = name;
    this.varValues[i] = value;
    this.varIface[i] = null;
  }

  private varValue(name: string): Value {
    for (let i = this.varTop - 1; i >= this.varBase; i--) {
      if (this.varNames[i] === name) {
        this.lastIface = this.varIface[i];
        return this.varValues[i];
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setVar(name: string, value: Value): void {
    for (let i = this.varTop - 1; i >= this.varBase; i--) {
      if (this.varNames[i] === name) {
        this.varValues[i] = value;
        this.varIface[i] = null;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // Evaluation ---------------------------------------------------------------
  private evalPipeline(dot: Value, pipe: PipeNode): Value {
    this.node = pipe;
    let value: Final = MISSING;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      value = this.evalCommand(dot, cmds[i], value);
      if (value === null) value = undefined;
    }
    const v = value as Value;
    const decl = pipe.decl;
    for (let i = 0; i < decl.length; i++) {
      if (pipe.isAssign) {
        this.setVar(decl[i].ident[0], v);
      } else {
        this.pushVar(decl[i].ident[0], v);
      }
    }
    return v;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Final): Value {
    const first = cmd.args[0];
    switch (first.type) {
      case NodeType.Field:
        this.node = first;
        return this.evalFieldChain(dot, dot, this.dotIface, first, first.ident, cmd.args, final);
      case NodeType.Chain:
        return this.evalChainNode(dot, first, cmd.args, final);
      case NodeType.Identifier:
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case NodeType.Pipe:
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case NodeType.Variable:
        return this.evalVariableNode(dot, first, cmd.args, final);
      default:
        break;
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case NodeType.Bool: return first.value;
      case NodeType.Dot: return dot;
      case NodeType.Nil: this.errorf('nil is not a command');
      // falls through (errorf never returns)
      case NodeType.Number: return this.idealConstant(first);
      case NodeType.String: return first.text;
      default: this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
    }
  }

  private idealConstant(c: NumberNode): Value {
    this.node = c;
    if (c.ideal !== undefined) return c.ideal;
    if (c.isComplex) return new GoComplex(c.complex[0], c.complex[1]);
    const t = c.text;
    const hexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    if (c.isFloat && !hexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return (c.ideal = c.float64);
    if (c.isInt) return (c.ideal = c.int64);
    if (c.isUint) this.errorf(`${t} overflows int`);
    return undefined;
  }

  private evalChainNode(dot: Value, chain: ChainNode, args: Node[] | null, final: Final): Value {
    this.node = chain;
    if (chain.node.type === NodeType.Nil) this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, 'reflect.Value', chain.node);
    return this.evalFieldChain(dot, pipe, null, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Value, v: VariableNode, args: Node[] | null, final: Final): Value {
    this.node = v;
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      if (args !== null) this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, this.lastIface, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Value, receiver: Value, iface: Container, node: Node, ident: string[], args: Node[] | null, final: Final): Value {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver, iface);
      iface = this.lastIface;
    }
    return this.evalField(dot, ident[n - 1], node, args, final, receiver, iface);
  }

  /** The interface{} container the last evalField/varValue result came from, or null. */
  private lastIface: Container = null;

  private evalField(dot: Value, name: string, node: Node, args: Node[] | null, final: Final, receiver: Value, iface: Container): Value {
    this.lastIface = null;
    if (receiver === undefined) {
      if (this.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${name}`);
    if (isGoMap(receiver)) {
      if ((args !== null && args.length > 1) || final !== MISSING) this.errorf(`${name} is not a method but has arguments`);
      this.lastIface = receiver;
      return this.mapIndex(receiver, name);
    }
    if (receiver instanceof GoObject) {
      const method = receiver.goMethod(name);
      if (method !== undefined) return this.evalCall(dot, method, node, name, args, final);
      const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
      if (receiver.goKind === 'map') {
        const m = receiver.goMap();
        if (m !== undefined) {
          if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
          this.lastIface = ANY_IFACE;
          return this.mapIndex(m, name);
        }
      } else {
        const f = receiver.goField(name);
        if (f !== NO_FIELD) {
          if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
          return f;
        }
      }
      this.errorf(`can't evaluate field ${name} in type ${isIface(iface) ? 'interface {}' : receiver.goType}`);
    }
    this.errorf(`can't evaluate field ${name} in type ${isIface(iface) ? 'interface {}' : typeName(receiver)}`);
  }

  private mapIndex(m: GoMap, name: string): Value {
    if (Object.hasOwn(m, name)) {
      const v = m[name];
      return v === undefined ? null : v;
    }
    switch (this.missingKey) {
      case 'zero': return zeroOfMapElement(m);
      case 'error': this.errorf(`map has no entry for key ${goQuote(name)}`);
      // falls through (errorf never returns)
      default: return undefined;
    }
  }

  private evalFunction(dot: Value, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): Value {
    this.node = node;
    const name = node.name;
    // The resolved function is cached on the node per func map (sets may differ in funcs).
    let fn: TemplateFunc | FuncDefinition | undefined;
    const funcs = this.set.funcs;
    if (node.funcsSeen === funcs) {
      fn = node.funcResolved as TemplateFunc | FuncDefinition | undefined;
    } else {
      fn = Object.hasOwn(funcs, name) ? funcs[name] : undefined;
      node.funcsSeen = funcs;
      node.funcResolved = fn;
    }
    if (fn === undefined) {
      if (builtinNames.has(name)) return this.evalBuiltin(dot, name as BuiltinName, cmd, args, final);
      this.errorf(`${goQuote(name)} is not a defined function`);
    }
    return this.evalCall(dot, fn, cmd, name, args, final);
  }

  private evalBuiltin(dot: Value, name: BuiltinName, node: Node, args: Node[] | null, final: Final): Value {
    this.step();
    // args[0] is the function's own node; operands start at 1.
    const nArgs = args === null ? 0 : args.length - 1;
    if (isLazyBuiltin(name)) {
      // and/or: evaluate operands left to right, stopping at the deciding one.
      const numIn = nArgs + (final !== MISSING ? 1 : 0);
      if (numIn < 1) this.errorf(`wrong number of args for ${name}: want at least 1 got 0`);
      let v: Value = undefined;
      for (let i = 1; i <= nArgs; i++) {
        v = this.evalArg(dot, 'reflect.Value', (args as Node[])[i]);
        if (isTruthy(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const spec = builtinSignature[name];
    const numIn = nArgs + (final !== MISSING ? 1 : 0);
    if (spec.variadic) {
      if (numIn < spec.fixed.length) this.errorf(`wrong number of args for ${name}: want at least ${spec.fixed.length} got ${nArgs}`);
    } else if (numIn !== spec.fixed.length) {
      this.errorf(`wrong number of args for ${name}: want ${spec.fixed.length} got ${numIn}`);
    }
    const argv: Value[] = [];
    for (let i = 0; i < nArgs; i++) {
      const t = i < spec.fixed.length ? spec.fixed[i] : (spec.variadic as string);
      argv.push(this.evalArg(dot, t, (args as Node[])[i + 1]));
    }
    if (final !== MISSING) {
      const t = argv.length < spec.fixed.length ? spec.fixed[argv.length] : (spec.variadic as string);
      argv.push(this.validateType(final, t));
    }
    try {
      return callBuiltin(name, argv, this);
    } catch (e) {
      if (e instanceof GoFuncError) {
        this.node = node;
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
  }

  private evalCall(dot: Value, fn: TemplateFunc | FuncDefinition | GoFunction, node: Node, name: string, args: Node[] | null, final: Final): Value {
    this.step();
    const nArgs = args === null ? 0 : args.length - 1;
    const sig = fn as FuncDefinition;
    const params = sig.params;
    const variadic = sig.variadic;
    const numIn = nArgs + (final !== MISSING ? 1 : 0);
    if (params !== undefined) {
      if (variadic !== undefined) {
        if (numIn < params.length) this.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${nArgs}`);
      } else if (numIn !== params.length) {
        this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
      }
    }
    const argv: Value[] = new Array(numIn);
    let i = 0;
    for (; i < nArgs; i++) {
      const t = params === undefined ? 'interface {}' : i < params.length ? params[i] : (variadic ?? 'interface {}');
      argv[i] = this.evalArg(dot, t, (args as Node[])[i + 1]);
    }
    if (final !== MISSING) {
      const t = params === undefined ? 'interface {}' : i < params.length ? params[i] : (variadic ?? 'interface {}');
      argv[i] = this.validateType(final, t);
    }
    const call = typeof fn === 'function' ? fn : (fn as FuncDefinition).call;
    // Arguments are already evaluated, so no nested call can overwrite this before `call` runs.
    this.funcName = name;
    try {
      const r = call(argv, this);
      return r === undefined ? null : r;
    } catch (e) {
      if (e instanceof TemplateLimitError) throw e;
      if (isStackOverflow(e)) throw e;
      this.node = node;
      const msg = e instanceof Error ? e.message : String(e);
      this.errorf(`error calling ${name}: ${msg}`);
    }
  }

  /** Converts an evaluated value to a parameter type (Go's validateType). */
  private validateType(value: Value, type: string): Value {
    if (type === 'reflect.Value') return value;
    if (type === 'interface {}') return value === undefined ? null : value;
    if (value === undefined) {
      if (canBeNil(type)) return null;
      this.errorf(`invalid value; expected ${type}`);
    }
    if (value === null) {
      if (canBeNil(type)) return null;
      this.errorf(`wrong type for value; expected ${type}; got interface {}`);
    }
    const actual = typeName(value);
    if (actual === type || assignable(value, type)) return value;
    this.errorf(`wrong type for value; expected ${type}; got ${actual}`);
  }

  private evalArg(dot: Value, type: string, n: Node): Value {
    this.node = n;
    switch (n.type) {
      case NodeType.Dot: return this.validateType(dot, type);
      case NodeType.Nil:
        if (canBeNil(type)) return type === 'reflect.Value' ? undefined : null;
        this.errorf(`cannot assign nil to ${type}`);
      // falls through (errorf never returns)
      case NodeType.Field:
        return this.validateType(this.evalFieldChain(dot, dot, this.dotIface, n, n.ident, null, MISSING), type);
      case NodeType.Variable: return this.validateType(this.evalVariableNode(dot, n, null, MISSING), type);
      case NodeType.Pipe: return this.validateType(this.evalPipeline(dot, n), type);
      case NodeType.Identifier: return this.validateType(this.evalFunction(dot, n, n, null, MISSING), type);
      case NodeType.Chain: return this.validateType(this.evalChainNode(dot, n, null, MISSING), type);
      default: break;
    }
    switch (type) {
      case 'interface {}': case 'reflect.Value':
        switch (n.type) {
          case NodeType.Bool: return n.value;
          case NodeType.Number: return this.idealConstant(n);
          case NodeType.String: return n.text;
          default: break;
        }
        break;
      case 'bool':
        if (n.type === NodeType.Bool) return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      case 'string':
        if (n.type === NodeType.String) return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      case 'float64': case 'float32':
        if (n.type === NodeType.Number && n.isFloat) return type === 'float64' ? n.float64 : new GoNumber('float32', n.float64);
        this.errorf(`expected float; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      case 'int': case 'int8': case 'int16': case 'int32': case 'int64':
        if (n.type === NodeType.Number && n.isInt) return type === 'int' ? n.int64 : new GoNumber(type, n.int64);
        this.errorf(`expected integer; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      case 'uint': case 'uint8': case 'uint16': case 'uint32': case 'uint64': case 'uintptr':
        if (n.type === NodeType.Number && n.isUint) return new GoNumber(type, n.uint64);
        this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      default:
        break;
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${type}`);
  }

  private printValue(node: Node, v: Value): void {
    this.node = node;
    if (v === undefined || v === null) {
      this.write('<no value>', (node as { line?: number }).line ?? 0);
      return;
    }
    if (isGoFunction(v)) this.errorf(`can't print ${nodeString(node)} of type ${typeName(v)}`);
    const s = typeof v === 'string' ? v : formatValue(v);
    this.write(s, (node as { line?: number }).line ?? 0);
  }
}

/**
 * Where a value came from, for Go's static-type error wording: an
 * interface{}-typed container (array/map whose elements are interface{}),
 * ANY_IFACE for typed maps with interface{} elements, or null (concrete).
 */
type Container = object | null;
const ANY_IFACE: object = {};

function isIface(c: Container): boolean {
  return c !== null && (c === ANY_IFACE || goTypeTag(c) === undefined);
}

/** The zero value of a map's element type (missingkey=zero): nil for interface{} maps. */
function zeroOfMapElement(m: GoMap): Value {
  const tag = goTypeTag(m);
  if (tag === undefined) return null;
  if (tag.endsWith(']string')) return '';
  if (tag.endsWith(']bool')) return false;
  if (tag.endsWith(']int')) return 0n;
  if (tag.endsWith(']float64')) return 0;
  return null;
}

/** A JS stack overflow (possibly surfacing as another error thrown while the stack is exhausted). */
function isStackOverflow(e: unknown): boolean {
  return (e instanceof RangeError || e instanceof SyntaxError) && e.message.includes('call stack');
}

function canBeNil(type: string): boolean {
  return type === 'reflect.Value' || type === 'interface {}' || type.startsWith('[]') || type.startsWith('map[')
    || type.startsWith('*') || type.startsWith('func') || type === 'error';
}

function assignable(value: Value, type: string): boolean {
  if (type === '[]interface {}' && Array.isArray(value)) return goTypeTag(value) === undefined;
  if (type === 'map[string]interface {}' && isGoMap(value)) return goTypeTag(value) === undefined;
  if (type === 'error' || type === 'fmt.Stringer') return value instanceof GoObject && value.goString() !== undefined;
  return false;
}

function splitLocation(location: string): [string, number, number] {
  const m = /^(.*):(\d+):(\d+)$/.exec(location);
  if (!m) return [location, 0, 0];
  return [m[1], Number(m[2]), Number(m[3])];
}

/** Go's %q of a string. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

interface BuiltinSpec {
  fixed: string[];
  variadic?: string;
}

const builtinSignature: Record<Exclude<BuiltinName, 'and' | 'or'>, BuiltinSpec> = {
  call: { fixed: ['reflect.Value'], variadic: 'reflect.Value' },
  html: { fixed: [], variadic: 'interface {}' },
  index: { fixed: ['reflect.Value'], variadic: 'reflect.Value' },
  slice: { fixed: ['reflect.Value'], variadic: 'reflect.Value' },
  js: { fixed: [], variadic: 'interface {}' },
  len: { fixed: ['reflect.Value'] },
  not: { fixed: ['reflect.Value'] },
  print: { fixed: [], variadic: 'interface {}' },
  printf: { fixed: ['string'], variadic: 'interface {}' },
  println: { fixed: [], variadic: 'interface {}' },
  urlquery: { fixed: [], variadic: 'interface {}' },
  eq: { fixed: ['reflect.Value'], variadic: 'reflect.Value' },
  ge: { fixed: ['reflect.Value', 'reflect.Value'] },
  gt: { fixed: ['reflect.Value', 'reflect.Value'] },
  le: { fixed: ['reflect.Value', 'reflect.Value'] },
  lt: { fixed: ['reflect.Value', 'reflect.Value'] },
  ne: { fixed: ['reflect.Value', 'reflect.Value'] },
};

export type { FieldNode };
