// Helm's own template functions (pkg/engine/funcs.go and engine.go): include
// with its per-name nesting limit, tpl on a clone of the set, required/fail,
// toYaml & friends, TOML, lookup and getHostByName.
import { quoteGo } from '../lang/format.js';
import { isGoMap, type CallContext, type FuncMap, type TemplateSetApi, type Value } from '../lang/value.js';
import { GoJsonError, jsonKindName, parseGoJson } from './go-json-parse.js';
import { marshalJson } from './go-json.js';
import type { TemplateHost } from './host.js';
import { define, fail, hostOf } from './support.js';
import { fromToml, toToml } from './toml.js';
import { parseYamlLikeHelm } from './yaml/from-yaml.js';
import { marshalYamlV2, toYaml, toYamlPretty } from './yaml/to-yaml.js';

/** How Helm's functions behave for one renderer. */
export interface HelmFunctionOptions {
  /**
   * Wrap required/fail messages in HELM_ERR_START/HELM_ERR_END as Helm does, so the
   * chart renderer can rewrite them into `execution error at (file:line:col): msg`.
   * Off for oracle-style evaluation, where Go prints `error calling required: msg`.
   */
  wrapWarnings?: boolean;
  /** helm --strict: tpl runs with missingkey=error instead of zero. */
  strict?: boolean;
  /** helm --enable-dns: getHostByName resolves through host.resolveHost. */
  enableDns?: boolean;
  /** Lint mode: required/fail never fail (helm lint). */
  lintMode?: boolean;
  /** Overrides ctx.host for lookup/DNS (else the execution's host providers are used). */
  host?: TemplateHost;
  /**
   * Name of the set's root template for include's "no template" error. Helm's engine
   * roots its set at template.New("gotpl"), so `helm template` says
   * `no template "x" associated with template "gotpl"`; unset, the calling template is named.
   */
  rootTemplateName?: string;
}

/** Helm's include nesting limit (recursionMaxNums). */
export const INCLUDE_NESTING_LIMIT = 1000;

interface CloneableSet extends TemplateSetApi {
  lookup?(name: string): unknown;
}

function unmarshalError(target: string, value: Value): string {
  return `json: cannot unmarshal ${jsonKindName(value)} into Go value of type ${target}`;
}

/** Helm's fromYaml: a map, or {"Error": message}. */
export function fromYaml(text: string): Record<string, Value> {
  try {
    const v = parseYamlLikeHelm(text);
    if (v === null) return {};
    if (!isGoMap(v)) return { Error: `error unmarshaling JSON: while decoding JSON: ${unmarshalError('map[string]interface {}', v)}` };
    return v;
  } catch (error) {
    return { Error: (error as Error).message };
  }
}

/** Helm's fromYamlArray: a list, or [message]. */
export function fromYamlArray(text: string): Value[] {
  try {
    const v = parseYamlLikeHelm(text);
    if (v === null) return [];
    if (!Array.isArray(v)) return [`error unmarshaling JSON: while decoding JSON: ${unmarshalError('[]interface {}', v)}`];
    return v;
  } catch (error) {
    return [(error as Error).message];
  }
}

/** Helm's fromJson: a map, or {"Error": message}. */
export function fromJson(text: string): Record<string, Value> {
  try {
    const v = parseGoJson(text);
    if (v === null) return {};
    if (!isGoMap(v)) return { Error: unmarshalError('map[string]interface {}', v) };
    return v;
  } catch (error) {
    if (error instanceof GoJsonError) return { Error: error.message };
    throw error;
  }
}

/** Helm's fromJsonArray: a list, or [message]. */
export function fromJsonArray(text: string): Value[] {
  try {
    const v = parseGoJson(text);
    if (v === null) return [];
    if (!Array.isArray(v)) return [unmarshalError('[]interface {}', v)];
    return v;
  } catch (error) {
    if (error instanceof GoJsonError) return [error.message];
    throw error;
  }
}

function stripNoValue(s: string): string {
  return s.includes('<no value>') ? s.replaceAll('<no value>', '') : s;
}

/**
 * The file the calling action was parsed from (a define inside _helpers.tpl gives
 * that file). Parsing tpl text under it, rather than under a define's name, keeps
 * the defines of the clone intact. CallContext has no such field yet, so this reads
 * the interpreter's current tree and falls back to the template name.
 */
function callingFileName(ctx: CallContext): string {
  const tree = (ctx as unknown as { tree?: { src?: { parseName?: unknown } } }).tree;
  const parseName = tree?.src?.parseName;
  return typeof parseName === 'string' && parseName !== '' ? parseName : ctx.templateName;
}

/** Helm's tpl: parse the text under the calling file's name in a clone of the set, then run it. */
function runTpl(ctx: CallContext, text: string, values: Value, strict: boolean): string {
  const clone = ctx.templates.clone() as CloneableSet;
  const name = callingFileName(ctx);
  const before = clone.lookup?.(name);
  try {
    clone.parse(name, text);
  } catch (error) {
    return fail(`cannot parse template ${quoteGo(text)}: ${(error as Error).message}`);
  }
  // Go executes the freshly parsed (possibly empty) tree even when a define-only
  // text left the existing template in place.
  if (before !== undefined && clone.lookup?.(name) === before) return '';
  try {
    return stripNoValue(ctx.execute(name, values ?? undefined, clone, { missingKey: strict ? 'error' : 'zero' }));
  } catch (error) {
    return fail(`error during tpl function execution for ${quoteGo(text)}: ${(error as Error).message}`);
  }
}

/** Helm's function map additions and overrides (applied on top of Sprig's map). */
export function helmOnlyFunctions(options: HelmFunctionOptions = {}): FuncMap {
  const includeDepth = new Map<string, number>();
  const wrap = (message: string) => (options.wrapWarnings ? `HELM_ERR_START${message}HELM_ERR_END` : message);
  const hostFor = (ctx: CallContext): TemplateHost => options.host ?? hostOf<TemplateHost>(ctx);
  return {
    include: define(['string', 'interface {}'], ([name, data], ctx) => {
      const key = name as string;
      const depth = includeDepth.get(key) ?? 0;
      if (depth > INCLUDE_NESTING_LIMIT) fail(`rendering template has a nested reference name: ${key}: unable to execute template`);
      if (options.rootTemplateName !== undefined && !ctx.templates.has(key)) {
        fail(`template: no template ${quoteGo(key)} associated with template ${quoteGo(options.rootTemplateName)}`);
      }
      includeDepth.set(key, depth + 1);
      try {
        // Go's ExecuteTemplate(w, name, nil) runs with an invalid (no value) dot.
        return ctx.execute(key, data ?? undefined);
      } finally {
        includeDepth.set(key, (includeDepth.get(key) ?? 1) - 1);
      }
    }),
    tpl: define(['string', 'interface {}'], ([text, values], ctx) => runTpl(ctx, text as string, values, options.strict === true)),
    required: define(['string', 'interface {}'], ([warn, value]) => {
      if (value === null || value === undefined || value === '') {
        if (options.lintMode) return value === '' ? '' : '';
        fail(wrap(warn as string));
      }
      return value;
    }),
    fail: define(['string'], ([message]) => {
      if (options.lintMode) return '';
      return fail(wrap(message as string));
    }),
    lookup: define(['string', 'string', 'string', 'string'], ([apiVersion, kind, namespace, name], ctx) => {
      const lookup = hostFor(ctx).lookup;
      if (lookup === undefined) return {};
      return lookup(apiVersion as string, kind as string, namespace as string, name as string) ?? {};
    }),
    getHostByName: define(['string'], ([name], ctx) => {
      if (!options.enableDns) return '';
      return hostFor(ctx).resolveHost?.(name as string) ?? '';
    }),
    toYaml: define(['interface {}'], ([v]) => toYaml(v)),
    mustToYaml: define(['interface {}'], ([v]) => {
      try {
        return marshalYamlV2(v).replace(/\n$/, '');
      } catch (error) {
        return fail((error as Error).message);
      }
    }),
    toYamlPretty: define(['interface {}'], ([v]) => toYamlPretty(v)),
    fromYaml: define(['string'], ([s]) => fromYaml(s as string)),
    fromYamlArray: define(['string'], ([s]) => fromYamlArray(s as string)),
    toJson: define(['interface {}'], ([v]) => {
      try {
        return marshalJson(v);
      } catch {
        return '';
      }
    }),
    mustToJson: define(['interface {}'], ([v]) => {
      try {
        return marshalJson(v);
      } catch (error) {
        return fail((error as Error).message);
      }
    }),
    fromJson: define(['string'], ([s]) => fromJson(s as string)),
    fromJsonArray: define(['string'], ([s]) => fromJsonArray(s as string)),
    toToml: define(['interface {}'], ([v]) => toToml(v)),
    fromToml: define(['string'], ([s]) => fromToml(s as string)),
  };
}
