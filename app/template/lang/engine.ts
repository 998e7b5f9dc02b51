// A Go template set: parse named templates into one set (Helm parses every
// chart file into one), clone it (tpl), and execute any template by name.
import { GoTemplateError } from '../../errors/go-template-error.js';
import { builtinNames } from './builtins.js';
import { executeTree, newBudget, type ExecSet } from './exec.js';
import { isEmptyTree } from './nodes.js';
import { GoParseError, parseTemplate, type Tree } from './parser.js';
import type { ExecOptions, FuncMap, Value } from './value.js';

/** Options fixed for the life of a set. */
export interface TemplateSetOptions {
  /** Functions besides Go's builtins (Sprig, Helm's map...). Needed at parse time. */
  funcs?: FuncMap;
  /** Action delimiters, default ["{{", "}}"]. */
  delims?: [string, string];
  /** The set's root template name (Go's template.New(name)); default: the first parsed name. */
  name?: string;
}

/** Options of one execution through the public API. */
export interface RunOptions extends ExecOptions {
  /** Helm mode: missingkey=zero (unless given) and every "<no value>" removed from the output. */
  helm?: boolean;
}

/**
 * A set of parsed templates.
 *
 * @example
 *   const set = new TemplateSet({ funcs: sprigFuncs });
 *   set.parse('chart/templates/_helpers.tpl', helpers);
 *   set.parse('chart/templates/svc.yaml', text);
 *   const out = set.execute('chart/templates/svc.yaml', values, { helm: true });
 */
export class TemplateSet implements ExecSet {
  readonly funcs: FuncMap;
  private readonly trees: Map<string, Tree>;
  private readonly delims: [string, string];
  private rootName: string | undefined;

  constructor(options: TemplateSetOptions = {}, trees?: Map<string, Tree>, rootName?: string) {
    this.funcs = options.funcs ?? {};
    this.delims = options.delims ?? ['{{', '}}'];
    this.trees = trees ?? new Map();
    this.rootName = rootName ?? options.name;
  }

  private readonly hasFunction = (name: string): boolean => Object.hasOwn(this.funcs, name) || builtinNames.has(name);

  /**
   * Parses `text` as template `name` (plus its defines) into the set. A later
   * definition replaces an earlier one unless it is empty; throws
   * GoTemplateError (phase "parse") with Go's message.
   */
  parse(name: string, text: string): void {
    let parsed: Map<string, Tree>;
    try {
      parsed = parseTemplate(name, text, { leftDelim: this.delims[0], rightDelim: this.delims[1], hasFunction: this.hasFunction });
    } catch (e) {
      if (e instanceof GoParseError) {
        throw new GoTemplateError(e.message, {
          phase: 'parse', file: e.templateName, template: name, line: e.line, column: -1,
          reason: e.message.replace(/^template: [^:]*:\d+: /, ''),
        });
      }
      throw e;
    }
    if (this.rootName === undefined) this.rootName = name;
    for (const [treeName, tree] of parsed) {
      const old = this.trees.get(treeName);
      if (old !== undefined && isEmptyTree(tree.root)) continue;
      this.trees.set(treeName, tree);
    }
  }

  /** A copy with its own name table (parse trees are shared and immutable). */
  clone(): TemplateSet {
    return new TemplateSet({ funcs: this.funcs, delims: this.delims }, new Map(this.trees), this.rootName);
  }

  /** A copy with additional functions (e.g. include/tpl closing over a set); trees are shared. */
  withFuncs(funcs: FuncMap): TemplateSet {
    return new TemplateSet({ funcs: { ...this.funcs, ...funcs }, delims: this.delims }, new Map(this.trees), this.rootName);
  }

  /** True when a template of that name is defined. */
  has(name: string): boolean {
    return this.trees.has(name);
  }

  /** The parse tree of a template (interpreter use). */
  lookup(name: string): Tree | undefined {
    return this.trees.get(name);
  }

  /** Names of all defined templates. */
  names(): string[] {
    return [...this.trees.keys()];
  }

  /**
   * Executes template `name` with `data` (Go's ExecuteTemplate) and returns the
   * output. Throws GoTemplateError; its `partialOutput` property holds what was
   * written before the failure.
   */
  execute(name: string, data: Value, options: RunOptions = {}): string {
    const tree = this.trees.get(name);
    let opts: ExecOptions = options.helm && options.missingKey === undefined ? { ...options, missingKey: 'zero' } : options;
    const hook = options.onChunk;
    if (options.helm && hook !== undefined) {
      // Chunks concatenate to the stripped output (a "<no value>" split across chunks aside).
      opts = { ...opts, onChunk: (text, file, line) => hook(stripNoValue(text), file, line) };
    }
    if (tree === undefined) {
      const message = name === this.rootName || this.rootName === undefined
        ? `template: ${name}: ${goQuote(name)} is an incomplete or empty template`
        : `template: no template ${goQuote(name)} associated with template ${goQuote(this.rootName)}`;
      throw new GoTemplateError(message, { phase: 'exec', file: name, template: name, line: 0, column: 0, reason: message });
    }
    let out: string;
    try {
      out = executeTree(this, tree, data, opts, newBudget(opts));
    } catch (e) {
      if (options.helm && e instanceof GoTemplateError) {
        const partial = (e as { partialOutput?: string }).partialOutput;
        if (partial !== undefined) (e as { partialOutput?: string }).partialOutput = stripNoValue(partial);
      }
      throw e;
    }
    return options.helm ? stripNoValue(out) : out;
  }
}

/** Helm removes every literal "<no value>" from rendered output. */
export function stripNoValue(s: string): string {
  return s.includes('<no value>') ? s.replaceAll('<no value>', '') : s;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}
