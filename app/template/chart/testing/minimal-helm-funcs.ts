// Test-only stand-in for the engine's full function map: include, tpl,
// required, fail, toYaml, nindent, indent, quote, default, so chart-level tests
// run before (and independently of) app/template/funcs.
import { GoFuncError, isTruthy, type CallContext, type FuncMap, type TemplateSetApi, type Value } from '../../lang/value.js';
import { formatValue } from '../../lang/format.js';
import { marshalYamlV2 } from '../../funcs/yaml/to-yaml.js';

const nesting = new WeakMap<object, Map<string, number>>();

function include(args: Value[], ctx: CallContext): Value {
  const name = String(args[0]);
  const key = ctx.templates as object;
  let counts = nesting.get(key);
  if (!counts) nesting.set(key, (counts = new Map()));
  const n = counts.get(name) ?? 0;
  if (n > 1000) throw new GoFuncError(`rendering template has a nested reference name: ${name}: unable to execute template`);
  counts.set(name, n + 1);
  try {
    return ctx.execute(name, args[1] ?? null);
  } finally {
    counts.set(name, n);
  }
}

function tpl(args: Value[], ctx: CallContext): Value {
  const set: TemplateSetApi = ctx.templates.clone();
  set.parse(ctx.templateName, String(args[0]));
  return ctx.execute(ctx.templateName, args[1] ?? null, set).replaceAll('<no value>', '');
}

function indent(n: number, s: string): string {
  const pad = ' '.repeat(n);
  return pad + s.replaceAll('\n', `\n${pad}`);
}

/** A small function map with Helm's semantics for the functions chart tests use. */
export const minimalHelmFuncs: FuncMap = {
  include,
  tpl,
  required: (args) => {
    const v = args[1];
    if (v === null || v === undefined || v === '') throw new GoFuncError(`HELM_ERR_START${String(args[0])}HELM_ERR_END`);
    return v;
  },
  fail: (args) => {
    throw new GoFuncError(`HELM_ERR_START${String(args[0])}HELM_ERR_END`);
  },
  toYaml: (args) => {
    try {
      return marshalYamlV2(args[0] ?? null).replace(/\n$/, '');
    } catch {
      return '';
    }
  },
  nindent: (args) => `\n${indent(Number(args[0]), String(args[1]))}`,
  indent: (args) => indent(Number(args[0]), String(args[1])),
  quote: (args) => args.filter((a) => a !== null).map((a) => JSON.stringify(typeof a === 'string' ? a : formatValue(a))).join(' '),
  default: (args) => (isTruthy(args[1] ?? null) ? args[1]! : args[0]!),
  trunc: (args) => String(args[1]).slice(0, Number(args[0])),
  trimSuffix: (args) => (String(args[1]).endsWith(String(args[0])) ? String(args[1]).slice(0, -String(args[0]).length) : String(args[1])),
  upper: (args) => String(args[0]).toUpperCase(),
};
