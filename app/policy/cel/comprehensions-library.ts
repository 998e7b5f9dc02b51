// Two-variable comprehensions (cel-go ext.TwoVarComprehensions, Kubernetes
// 1.32): all/exists/existsOne(i, v, p), transformList(i, v, [filter,] expr),
// transformMap(k, v, [filter,] expr), transformMapEntry(k, v, [filter,] entry). cel-js has only the one-variable forms,
// so these are macros built on its context API (the one cel.bind uses).
import { CelLibraryError, type CelRegistrar } from './cel-registrar.js';

type Node = { op: string; args: unknown };
type Kind = 'all' | 'exists' | 'existsOne' | 'transformList' | 'transformMap' | 'transformMapEntry';

function identifier(node: Node, what: string): string {
  if (node?.op !== 'id') throw new CelLibraryError(`${what} must be an identifier`);
  return node.args as string;
}

function entries(collection: unknown): Array<[unknown, unknown]> {
  if (Array.isArray(collection)) return collection.map((v, i) => [BigInt(i), v]);
  if (collection instanceof Map) return [...collection.entries()];
  if (collection && typeof collection === 'object') return Object.entries(collection);
  throw new CelLibraryError('a comprehension needs a list or a map');
}

// cel-go merges each produced map into the result and fails on a key it
// already holds. cel-js map literals are null-prototype objects with string
// keys, so literal-made entries are collected into such an object too (an
// int key then reads back as `m[3]`, as it does from a literal).
class EntryCollector {
  private readonly entries = new Map<unknown, unknown>();
  private fromLiterals = true;

  insert(produced: unknown): void {
    const isMap = produced instanceof Map;
    if (!isMap && (!produced || typeof produced !== 'object' || Array.isArray(produced))) throw new CelLibraryError('transformMapEntry: the transform must produce a map');
    if (isMap) this.fromLiterals = false;
    for (const [key, value] of isMap ? produced.entries() : Object.entries(produced)) {
      if (this.entries.has(key)) throw new CelLibraryError(`transformMapEntry: insert failed: key ${String(key)} already exists`);
      this.entries.set(key, value);
    }
  }

  result(): unknown {
    if (!this.fromLiterals || this.entries.size === 0) return this.entries;
    return Object.assign(Object.create(null), Object.fromEntries(this.entries));
  }
}

function expander(kind: Kind, withFilter: boolean) {
  return ({ ast, args, receiver }: { ast: any; args: Node[]; receiver: Node }) => ({
    ast,
    receiver,
    first: identifier(args[0]!, `${kind} first variable`),
    second: identifier(args[1]!, `${kind} second variable`),
    filter: withFilter ? args[2] : undefined,
    body: withFilter ? args[3] : args[2],
    outer: undefined as any,
    inner: undefined as any,
    typeCheck(checker: any, macro: any, ctx: any) {
      checker.check(macro.receiver, ctx);
      macro.outer = ctx.forkWithVariable(macro.first, checker.getType('dyn'));
      macro.inner = macro.outer.forkWithVariable(macro.second, checker.getType('dyn'));
      if (macro.filter) checker.check(macro.filter, macro.inner);
      checker.check(macro.body, macro.inner);
      macro.ast.setMeta?.('async', false);
      return checker.getType(kind === 'transformList' ? 'list' : kind.startsWith('transformMap') ? 'map' : 'bool');
    },
    evaluate(ev: any, macro: any, ctx: any) {
      const collection = ev.run(macro.receiver, ctx);
      const outer = macro.outer.reuse(ctx);
      const inner = macro.inner;
      let count = 0;
      const list: unknown[] = [];
      const map = new Map<unknown, unknown>();
      const collector = new EntryCollector();
      let error: unknown;
      for (const [k, v] of entries(collection)) {
        outer.setIterValue(k, ev);
        inner.setIterValue(v, ev);
        if (macro.filter && ev.run(macro.filter, inner) !== true) continue;
        if (kind === 'transformList') { list.push(ev.run(macro.body, inner)); continue; }
        if (kind === 'transformMap') { map.set(k, ev.run(macro.body, inner)); continue; }
        if (kind === 'transformMapEntry') { collector.insert(ev.run(macro.body, inner)); continue; }
        let result: unknown;
        try { result = ev.run(macro.body, inner); } catch (e) { if (kind === 'existsOne') throw e; error ??= e; continue; }
        if (kind === 'all' && result === false) return false;
        if (kind === 'exists' && result === true) return true;
        if (kind === 'existsOne' && result === true) count++;
      }
      if (kind === 'transformList') return list;
      if (kind === 'transformMap') return map;
      if (kind === 'transformMapEntry') return collector.result();
      if (error) throw error;
      return kind === 'all' ? true : kind === 'exists' ? false : count === 1;
    },
  });
}

/** Adds the two-variable comprehension macros. */
export function registerComprehensionsLibrary(env: CelRegistrar): void {
  for (const receiver of ['list', 'map']) {
    env.registerFunction(`${receiver}.all(ast, ast, ast): bool`, expander('all', false));
    env.registerFunction(`${receiver}.exists(ast, ast, ast): bool`, expander('exists', false));
    env.registerFunction(`${receiver}.existsOne(ast, ast, ast): bool`, expander('existsOne', false));
    env.registerFunction(`${receiver}.transformList(ast, ast, ast): list<dyn>`, expander('transformList', false));
    env.registerFunction(`${receiver}.transformList(ast, ast, ast, ast): list<dyn>`, expander('transformList', true));
    env.registerFunction(`${receiver}.transformMap(ast, ast, ast): map<dyn, dyn>`, expander('transformMap', false));
    env.registerFunction(`${receiver}.transformMap(ast, ast, ast, ast): map<dyn, dyn>`, expander('transformMap', true));
    env.registerFunction(`${receiver}.transformMapEntry(ast, ast, ast): map<dyn, dyn>`, expander('transformMapEntry', false));
    env.registerFunction(`${receiver}.transformMapEntry(ast, ast, ast, ast): map<dyn, dyn>`, expander('transformMapEntry', true));
  }
}
