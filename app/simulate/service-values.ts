// A service's values for one environment, as Helm would read them from values
// files. The workspace model holds values parsed as YAML 1.2, while Helm reads
// YAML 1.1 (`yes` and `on` are booleans there), so the exact route is to write
// the values back as YAML and parse them as Helm does. That round trip costs
// about half a millisecond per render; values whose every key and scalar reads
// the same either way are copied directly instead, which gives the same map.
import { stringify } from 'yaml';
import { buildUserValues } from '../template/index.js';
import type { ServiceDefinition } from '../workspace/model/workspace-model-types.js';

/** The values map a render takes (the template engine's GoMap). */
export type UserValues = ReturnType<typeof buildUserValues>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Plain scalars that YAML 1.1 reads as booleans or null.
const yaml11Words = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF', 'null', 'Null', 'NULL']);
const plainWord = /^[A-Za-z][A-Za-z0-9\-./@]*$/;
const checked = new Map<string, boolean>();

/** True when the round trip (YAML 1.2 string -> YAML text -> Helm's YAML 1.1) keeps `text` as this string, as a key and as a value. */
function keepsString(text: string): boolean {
  if (plainWord.test(text)) return !yaml11Words.has(text);
  let same = checked.get(text);
  if (same === undefined) {
    try {
      const back = buildUserValues({ valueFiles: [{ path: 'check', text: stringify({ [text]: text }) }] });
      same = Object.keys(back).length === 1 && back[text] === text;
    } catch {
      same = false;
    }
    if (checked.size > 50_000) checked.clear();
    checked.set(text, same);
  }
  return same;
}

function keepsNumber(value: number): boolean {
  if (Number.isSafeInteger(value)) return true;
  const key = `#${value}`;
  let same = checked.get(key);
  if (same === undefined) {
    try {
      same = buildUserValues({ valueFiles: [{ path: 'check', text: stringify({ n: value }) }] }).n === value;
    } catch {
      same = false;
    }
    checked.set(key, same);
  }
  return same;
}

/** A fresh copy of `value` when the YAML round trip would return it unchanged; undefined otherwise. */
function copyIfPlain(value: unknown): Json | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) && keepsNumber(value) ? value : undefined;
  if (typeof value === 'string') return keepsString(value) ? value : undefined;
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const item of value) {
      const copy = copyIfPlain(item);
      if (copy === undefined) return undefined;
      out.push(copy);
    }
    return out;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === '__proto__' || !keepsString(key)) return undefined;
      const copy = copyIfPlain(item);
      if (copy === undefined) return undefined;
      out[key] = copy;
    }
    return out;
  }
  return undefined;
}

const isMap = (value: unknown): value is { [key: string]: Json } => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Helm's merge of values files (pkg/cli/values mergeMaps): maps merge key by key, anything else replaces. */
function mergeMaps(base: { [key: string]: Json }, next: { [key: string]: Json }): { [key: string]: Json } {
  const out = { ...base };
  for (const [key, value] of Object.entries(next)) {
    const current = out[key];
    out[key] = isMap(value) && isMap(current) ? mergeMaps(current, value) : value;
  }
  return out;
}

/** The user values of a service in an environment: its values file, then the environment's values over it. */
export function serviceValues(service: ServiceDefinition, environment: string): UserValues {
  const environmentValues = service.environments[environment]?.values ?? {};
  const base = copyIfPlain(service.values);
  const over = base === undefined ? undefined : copyIfPlain(environmentValues);
  if (isMap(base) && isMap(over)) return mergeMaps(base, over) as UserValues;
  return buildUserValues({
    valueFiles: [
      { path: service.file, text: stringify(service.values) },
      { path: `${service.file} (environments.${environment}.values)`, text: stringify(environmentValues) },
    ],
  });
}
