// values.schema.json validation of every chart and subchart against its
// coalesced values (chartutil.ValidateAgainstSchema), with Helm 3.21's
// santhosh-tekuri/jsonschema v6 wording: "- at '/path': got string, want integer".
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { GoNumber, GoObject, isGoMap, type Value } from '../lang/value.js';
import type { Chart } from './chart-types.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let draft7: Ajv | undefined;
let draft2020: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function compilerFor(schema: Record<string, unknown>): Ajv {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (/draft-0[4-7]/.test(declared)) {
    draft7 ??= addFormats(new Ajv({ allErrors: true, strict: false, validateFormats: true, validateSchema: false }));
    return draft7;
  }
  draft2020 ??= addFormats(new Ajv2020({ allErrors: true, strict: false, validateFormats: false, validateSchema: false }) as unknown as Ajv);
  return draft2020;
}

/** The JSON that json.Marshal(values) would produce, as a JS value. */
function toJson(v: Value): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof GoNumber) return Number(v.value);
  if (v instanceof Uint8Array) return btoa(String.fromCharCode(...v));
  if (Array.isArray(v)) return v.map(toJson);
  if (v instanceof GoObject) {
    const map = v.goMap();
    return map ? toJson(map) : null;
  }
  if (isGoMap(v)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) out[key] = toJson(v[key]);
    return out;
  }
  return v;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function quoteList(values: unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v))).join(', ');
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

function message(error: ErrorObject, data: unknown): string {
  const p = error.params as Record<string, any>;
  const value = valueAt(data, error.instancePath);
  switch (error.keyword) {
    case 'type': return `got ${jsonType(value)}, want ${String(p.type).split(',').join(' or ')}`;
    case 'required': return `missing property '${p.missingProperty}'`;
    case 'additionalProperties': return `additional properties '${p.additionalProperty}' not allowed`;
    case 'enum': return (p.allowedValues as unknown[]).length === 1 ? `value must be ${quoteList(p.allowedValues)}` : `value must be one of ${quoteList(p.allowedValues)}`;
    case 'const': return `value must be ${quoteList([p.allowedValue])}`;
    case 'minimum': return `minimum: got ${String(value)}, want ${p.limit}`;
    case 'maximum': return `maximum: got ${String(value)}, want ${p.limit}`;
    case 'exclusiveMinimum': return `exclusiveMinimum: got ${String(value)}, want ${p.limit}`;
    case 'exclusiveMaximum': return `exclusiveMaximum: got ${String(value)}, want ${p.limit}`;
    case 'minLength': return `minLength: got ${[...String(value)].length}, want ${p.limit}`;
    case 'maxLength': return `maxLength: got ${[...String(value)].length}, want ${p.limit}`;
    case 'minItems': return `minItems: got ${(value as unknown[]).length}, want ${p.limit}`;
    case 'maxItems': return `maxItems: got ${(value as unknown[]).length}, want ${p.limit}`;
    case 'minProperties': return `minProperties: got ${Object.keys(value as object).length}, want ${p.limit}`;
    case 'maxProperties': return `maxProperties: got ${Object.keys(value as object).length}, want ${p.limit}`;
    case 'pattern': return `'${String(value)}' does not match pattern '${p.pattern}'`;
    case 'format': return `'${String(value)}' is not valid ${p.format}`;
    case 'multipleOf': return `${String(value)} not multipleOf ${p.multipleOf}`;
    case 'uniqueItems': return `items at ${p.j} and ${p.i} are equal`;
    case 'oneOf': return p.passingSchemas ? `valid against schemas at indexes ${quoteList(p.passingSchemas)}` : 'oneOf failed, none matched';
    case 'anyOf': return 'anyOf failed';
    case 'not': return "'not' failed";
    case 'false schema': return 'false schema';
    default: return error.message ?? error.keyword;
  }
}

/** Validates values against one schema; returns v6-style lines, or [] when valid. */
export function validateValuesAgainstSchema(values: Value, schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = compilerFor(schema as Record<string, unknown>).compile(schema as object);
    } catch (error) {
      return [`- at '': invalid values.schema.json: ${(error as Error).message}`];
    }
    compiled.set(schema, validate);
  }
  const data = toJson(values);
  if (validate(data)) return [];
  // Branch failures inside oneOf/anyOf/not are summarised by the combinator's own line.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if' && !/\/(oneOf|anyOf|not)\/\d*\/?./.test(e.schemaPath));
  const lines: string[] = [];
  const grouped = new Map<string, { index: number; names: string[] }>();
  for (const e of errors) {
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      const key = `${e.keyword}\u0000${e.instancePath}`;
      const name = String((e.params as Record<string, unknown>)[e.keyword === 'required' ? 'missingProperty' : 'additionalProperty']);
      const group = grouped.get(key);
      if (group) {
        group.names.push(name);
        continue;
      }
      grouped.set(key, { index: lines.length, names: [name] });
      lines.push('');
      continue;
    }
    lines.push(`- at '${e.instancePath}': ${message(e, data)}`);
  }
  for (const [key, group] of grouped) {
    const [keyword, path] = key.split('\u0000') as [string, string];
    const names = group.names.map((n) => `'${n}'`).join(', ');
    lines[group.index] = keyword === 'required'
      ? `- at '${path}': missing ${group.names.length === 1 ? 'property' : 'properties'} ${names}`
      : `- at '${path}': additional ${group.names.length === 1 ? 'property' : 'properties'} ${names} not allowed`;
  }
  return [...new Set(lines)];
}

/**
 * ValidateAgainstSchema over the chart tree; returns Helm's message body
 * ("<chart>:\n- at ...\n" per failing chart) or '' when every chart passes.
 */
export function validateChartTree(chart: Chart, values: Value): string {
  let out = '';
  if (chart.schema !== undefined) {
    const lines = validateValuesAgainstSchema(values, chart.schema);
    if (lines.length > 0) out += `${chart.metadata.name}:\n${lines.join('\n')}\n`;
  }
  for (const sub of chart.dependencies) {
    const subValues = isGoMap(values) ? values[sub.metadata.name] : undefined;
    out += validateChartTree(sub, subValues ?? {});
  }
  return out;
}
