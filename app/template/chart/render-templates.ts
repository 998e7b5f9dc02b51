// Helm's engine.Render: every template of the chart and its subcharts parsed
// into one set (deepest paths first, reverse-lexically), each non-partial file
// executed with its chart's scope, `<no value>` removed. Optionally records
// which template line produced each output chunk (for source maps).
import { TemplateSet } from '../lang/engine.js';
import { GoTemplateError } from '../../errors/go-template-error.js';
import { builtinNames } from '../lang/builtins.js';
import { isEmptyTree } from '../lang/nodes.js';
import { GoParseError, parseTemplate, type Tree } from '../lang/parser.js';
import { funcCallable, type CallContext, type FuncMap, type GoMap, type Value } from '../lang/value.js';
import { chartFullPath, isLibraryChart, type Chart } from './chart-types.js';
import { valuesTable } from './coalesce.js';
import { ChartFiles, chartObject, valuesObject } from './template-objects.js';

const utf8 = new TextDecoder();

/** One template file to parse, with the scope it renders in. */
export interface Renderable {
  /** Full name, e.g. `app/charts/db/templates/svc.yaml`. */
  name: string;
  text: string;
  scope: GoMap;
  basePath: string;
}

/** An output chunk and the template line that wrote it. */
export interface OutputChunk {
  text: string;
  file: string;
  line: number;
  /** Chunks that `include`d helpers wrote while this action ran (source maps follow them into helpers). */
  helpers?: OutputChunk[];
}

// While a render tracks sources, include calls record what their helpers write.
let activeRecorder: OutputChunk[] | undefined;
const trackedMaps = new WeakMap<FuncMap, FuncMap>();

/** The function map with `include` recording helper output chunks (stable per map so parse caches hold). */
function trackingFuncs(funcs: FuncMap): FuncMap {
  const cached = trackedMaps.get(funcs);
  if (cached) return cached;
  const original = funcs.include;
  if (!original) return funcs;
  const call = funcCallable(original);
  const wrapped = (args: Value[], ctx: CallContext): Value => {
    const outer = activeRecorder;
    if (!outer) return call(args, ctx);
    // Chunks of this helper go to the caller's pending list; helpers it includes collect in `nested`
    // and attach to the helper chunk that writes their output.
    const nested: OutputChunk[] = [];
    const onChunk = (text: string, file: string, line: number) => {
      outer.push(nested.length > 0 ? { text, file, line, helpers: nested.splice(0) } : { text, file, line });
    };
    const proxy: CallContext = {
      funcName: ctx.funcName, templateName: ctx.templateName, templates: ctx.templates, options: ctx.options, host: ctx.host,
      execute: (name, data, set, overrides) => ctx.execute(name, data, set, overrides ? { ...overrides, onChunk } : { onChunk }),
    };
    activeRecorder = nested;
    try {
      return call(args, proxy);
    } finally {
      activeRecorder = outer;
    }
  };
  const definition = typeof original === 'function' ? Object.assign(wrapped, original) : { ...original, call: wrapped };
  const out = { ...funcs, include: definition };
  trackedMaps.set(funcs, out);
  return out;
}

/** A template failure with Helm's rewritten message and Go's position. */
export class TemplateProblem extends Error {
  constructor(message: string, readonly phase: 'parse' | 'exec' | 'limit', readonly file: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** Helm's recAllTpls: scopes per chart, .Subcharts, and the renderables of every chart. */
export function collectTemplates(chart: Chart, parentScope: GoMap, out: Map<string, Renderable>): GoMap {
  const subcharts: GoMap = {};
  const scope: GoMap = {
    Chart: chartObject(chart),
    Files: ChartFiles.from(chart.files),
    Release: parentScope.Release,
    Capabilities: parentScope.Capabilities,
    Values: valuesObject({}),
    Subcharts: subcharts,
  };
  if (chart.parent === undefined) {
    scope.Values = parentScope.Values as Value;
  } else {
    const parentValues = parentScope.Values as { goMap?: () => GoMap } | GoMap | undefined;
    const map = parentValues && typeof (parentValues as { goMap?: unknown }).goMap === 'function'
      ? (parentValues as { goMap: () => GoMap }).goMap() : (parentValues as GoMap | undefined);
    const table = map ? valuesTable(map, chart.metadata.name) : undefined;
    if (table) scope.Values = valuesObject(table);
  }
  for (const child of chart.dependencies) subcharts[child.metadata.name] = collectTemplates(child, scope, out);
  const fullPath = chartFullPath(chart);
  const library = isLibraryChart(chart);
  for (const file of chart.templates) {
    if (library && !file.name.slice(file.name.lastIndexOf('/') + 1).startsWith('_')) continue;
    const name = `${fullPath}/${file.name}`;
    out.set(name, { name, text: utf8.decode(file.data), scope, basePath: `${fullPath}/templates` });
  }
  return scope;
}

/** Helm's sortTemplates: deeper paths first, then reverse-lexical. */
export function sortTemplateNames(names: string[]): string[] {
  const depth = (s: string) => s.split('/').length - 1;
  return [...names].sort((a, b) => {
    const da = depth(a);
    const db = depth(b);
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}

const warnRegex = /HELM_ERR_START([\s\S]*)HELM_ERR_END/;

function cleanupParseError(file: string, error: GoParseError): TemplateProblem {
  const tokens = error.message.split(': ');
  if (tokens.length === 1) return new TemplateProblem(`parse error in (${file}): ${error.message}`, 'parse', file, error.line, 0);
  return new TemplateProblem(`parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`, 'parse', error.templateName || file, error.line, 0);
}

// Parse trees by function map and (name, text): trees are immutable, and a live
// preview re-parses mostly unchanged files. Bounded per function map.
let treeCache = new WeakMap<FuncMap, Map<string, Map<string, Tree>>>();

/** Drops cached parse trees (memory pressure, or to measure cold renders). */
export function clearTemplateCache(): void {
  treeCache = new WeakMap();
}
const TREE_CACHE_LIMIT = 5000;

function parseCached(name: string, text: string, funcs: FuncMap): Map<string, Tree> {
  let cache = treeCache.get(funcs);
  if (!cache) {
    cache = new Map();
    treeCache.set(funcs, cache);
  }
  const key = `${name}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const trees = parseTemplate(name, text, { hasFunction: (f) => Object.hasOwn(funcs, f) || builtinNames.has(f) });
  cache.set(key, trees);
  if (cache.size > TREE_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return trees;
}

/** Builds the template set as Helm's parse loop does (a later define wins unless it is empty). */
function buildSet(templates: Map<string, Renderable>, names: string[], funcs: FuncMap): TemplateSet {
  const trees = new Map<string, Tree>();
  for (const name of names) {
    let parsed: Map<string, Tree>;
    try {
      parsed = parseCached(name, templates.get(name)!.text, funcs);
    } catch (error) {
      if (error instanceof GoParseError) throw cleanupParseError(name, error);
      throw error;
    }
    for (const [treeName, tree] of parsed) {
      if (trees.has(treeName) && isEmptyTree(tree.root)) continue;
      trees.set(treeName, tree);
    }
  }
  return new TemplateSet({ funcs }, trees, names[0]);
}

function cleanupExecError(file: string, error: GoTemplateError): TemplateProblem {
  const phase = error.data.phase === 'limit' ? 'limit' : 'exec';
  const message = error.message;
  const first = message.indexOf(': ');
  const second = first < 0 ? -1 : message.indexOf(': ', first + 2);
  if (first < 0 || second < 0) {
    return new TemplateProblem(`execution error in (${file}): ${message}`, phase, file, error.data.line, error.data.column);
  }
  const location = message.slice(first + 2, second);
  const warn = warnRegex.exec(message.slice(second + 2));
  const [locFile, locLine, locColumn] = parseLocation(location, error);
  if (warn) return new TemplateProblem(`execution error at (${location}): ${warn[1]}`, phase, locFile, locLine, locColumn);
  return new TemplateProblem(message, phase, locFile, locLine, locColumn);
}

function parseLocation(location: string, error: GoTemplateError): [string, number, number] {
  const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(location);
  if (!m) return [error.data.file, error.data.line, error.data.column];
  return [m[1]!, Number(m[2]), m[3] === undefined ? 0 : Number(m[3])];
}

/** Options of one engine render. */
export interface EngineOptions {
  funcs: FuncMap;
  host?: unknown;
  maxOutput?: number;
  maxSteps?: number;
  /** Record output chunks per file for source maps. */
  trackSources?: boolean;
  /** missingkey=error instead of zero (helm --strict style); default false. */
  strict?: boolean;
}

/** Rendered files by full template name, plus chunks when tracking sources. */
export interface EngineResult {
  files: Map<string, string>;
  chunks: Map<string, OutputChunk[]>;
}

/** Parses and executes every renderable like Helm's engine; throws TemplateProblem. */
export function renderTemplates(templates: Map<string, Renderable>, options: EngineOptions): EngineResult {
  const names = sortTemplateNames([...templates.keys()]);
  const funcs = options.trackSources ? trackingFuncs(options.funcs) : options.funcs;
  const set = buildSet(templates, names, funcs);
  const files = new Map<string, string>();
  const chunks = new Map<string, OutputChunk[]>();
  for (const name of names) {
    if (name.slice(name.lastIndexOf('/') + 1).startsWith('_')) continue;
    const renderable = templates.get(name)!;
    renderable.scope.Template = { Name: name, BasePath: renderable.basePath };
    const fileChunks: OutputChunk[] = [];
    const recorder: OutputChunk[] = [];
    activeRecorder = options.trackSources ? recorder : undefined;
    try {
      const text = set.execute(name, renderable.scope, {
        helm: true, missingKey: options.strict ? 'error' : 'zero', host: options.host, maxOutput: options.maxOutput, maxSteps: options.maxSteps,
        onChunk: options.trackSources ? (chunk, file, line) => {
          fileChunks.push(recorder.length > 0 ? { text: chunk, file, line, helpers: recorder.splice(0) } : { text: chunk, file, line });
        } : undefined,
      });
      files.set(name, text);
      if (options.trackSources) chunks.set(name, fileChunks);
    } catch (error) {
      if (error instanceof GoTemplateError) throw cleanupExecError(name, error);
      throw error;
    } finally {
      activeRecorder = undefined;
    }
  }
  return { files, chunks };
}
