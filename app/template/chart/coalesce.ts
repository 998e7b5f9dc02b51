// Value coalescing as helm.sh/helm/v3/pkg/chartutil/coalesce.go does it:
// user values win over chart defaults, a user `null` deletes a default,
// subchart sections get the chart's `global` copied in.
import { isGoMap, typeName, type GoMap, type Value } from '../lang/value.js';
import { formatValue } from '../lang/format.js';
import type { Chart } from './chart-types.js';

/** Non-fatal notes Helm logs while coalescing ("warning: skipped value ..."). */
export type CoalesceWarn = (message: string) => void;

const GLOBAL = 'global';

/** True for a values table (map[string]interface{}). */
export function isTable(v: unknown): v is GoMap {
  return isGoMap(v);
}

/** Deep copy of maps and lists (scalars and typed values are shared). */
export function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as T;
  if (isGoMap(v)) {
    const out: GoMap = {};
    for (const key of Object.keys(v)) out[key] = deepCopy(v[key]);
    return out as T;
  }
  return v;
}

function prefixed(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

function coalesceGlobals(warn: CoalesceWarn, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  let sg: GoMap;
  if (!Object.hasOwn(dest, GLOBAL)) dg = {};
  else if (isTable(dest[GLOBAL])) dg = dest[GLOBAL];
  else {
    warn(`warning: skipping globals because destination ${GLOBAL} is not a table.`);
    return;
  }
  if (!Object.hasOwn(src, GLOBAL)) sg = {};
  else if (isTable(src[GLOBAL])) sg = src[GLOBAL];
  else {
    warn(`warning: skipping globals because source ${GLOBAL} is not a table.`);
    return;
  }
  for (const key of Object.keys(sg)) {
    const value = sg[key];
    if (isTable(value)) {
      const copy = deepCopy(value);
      if (!Object.hasOwn(dg, key)) {
        dg[key] = copy;
      } else if (!isTable(dg[key])) {
        warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
      } else {
        coalesceTablesFullKey(warn, copy, dg[key] as GoMap, prefixed(prefix, key), true);
        dg[key] = copy;
      }
    } else if (Object.hasOwn(dg, key) && isTable(dg[key])) {
      warn(`key ${key} is table. Skipping`);
    } else {
      dg[key] = value;
    }
  }
  dest[GLOBAL] = dg;
}

function childChartMerge(chart: Chart, key: string, merge: boolean): boolean {
  return chart.dependencies.some((d) => d.metadata.name === key) ? true : merge;
}

function coalesceValues(warn: CoalesceWarn, chart: Chart, v: GoMap, prefix: string, merge: boolean): void {
  const subPrefix = prefixed(prefix, chart.metadata.name);
  const defaults = deepCopy(chart.values);
  for (const key of Object.keys(defaults)) {
    const value = defaults[key];
    if (Object.hasOwn(v, key)) {
      const user = v[key];
      if (user === null && !merge) {
        delete v[key];
      } else if (isTable(user)) {
        if (!isTable(value)) {
          if (value !== null) warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          coalesceTablesFullKey(warn, user, value, prefixed(subPrefix, key), childChartMerge(chart, key, merge));
        }
      }
    } else {
      v[key] = value;
    }
  }
}

function coalesceDeps(warn: CoalesceWarn, chart: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  for (const sub of chart.dependencies) {
    const name = sub.metadata.name;
    if (!Object.hasOwn(dest, name)) dest[name] = {};
    else if (!isTable(dest[name])) throw new Error(`type mismatch on ${name}: ${goBoolVerb(dest[name])}`);
    const dv = dest[name] as GoMap;
    const subPrefix = prefixed(prefix, chart.metadata.name);
    coalesceGlobals(warn, dv, dest, subPrefix);
    dest[name] = coalesce(warn, sub, dv, subPrefix, merge);
  }
  return dest;
}

/** Go's %t of a non-table value, as Helm's "type mismatch" error prints it. */
function goBoolVerb(v: Value): string {
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '%!t(<nil>)';
  return `%!t(${typeName(v)}=${formatValue(v)})`;
}

function coalesce(warn: CoalesceWarn, chart: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  coalesceValues(warn, chart, dest, prefix, merge);
  return coalesceDeps(warn, chart, dest, prefix, merge);
}

/** coalesceTablesFullKey: dst wins; nulls in dst delete unless merging. */
export function coalesceTablesFullKey(warn: CoalesceWarn, dst: GoMap | null, src: GoMap | null, prefix: string, merge: boolean): GoMap | null {
  if (src === null) return dst;
  if (dst === null) return src;
  for (const key of Object.keys(dst)) if (dst[key] === null) src[key] = null;
  for (const key of Object.keys(src)) {
    const value = src[key];
    const fullKey = prefixed(prefix, key);
    const has = Object.hasOwn(dst, key);
    const dv = dst[key];
    if (has && !merge && dv === null) {
      delete dst[key];
    } else if (!has) {
      dst[key] = value;
    } else if (isTable(value)) {
      if (isTable(dv)) coalesceTablesFullKey(warn, dv, value, fullKey, merge);
      else warn(`warning: cannot overwrite table with non table for ${fullKey} (${String(value)})`);
    } else if (isTable(dv) && value !== null) {
      warn(`warning: destination for ${fullKey} is a table. Ignoring non-table value (${String(value)})`);
    }
  }
  return dst;
}

/** CoalesceValues: the chart's defaults (and subcharts') under `values`; nulls delete. */
export function coalesceChartValues(chart: Chart, values: GoMap, warn: CoalesceWarn = () => {}): GoMap {
  return coalesce(warn, chart, deepCopy(values), '', false);
}

/** MergeValues: like coalesceChartValues but nulls are kept (used for import-values). */
export function mergeChartValues(chart: Chart, values: GoMap, warn: CoalesceWarn = () => {}): GoMap {
  return coalesce(warn, chart, deepCopy(values), '', true);
}

/** CoalesceTables (dst wins, nulls delete). */
export function coalesceTables(dst: GoMap, src: GoMap): GoMap {
  return coalesceTablesFullKey(() => {}, dst, src, '', false)!;
}

/** MergeTables (dst wins, nulls kept). */
export function mergeTables(dst: GoMap, src: GoMap): GoMap {
  return coalesceTablesFullKey(() => {}, dst, src, '', true)!;
}

/** mergeMaps of pkg/cli/values: b's keys win, nested tables merge (how -f files and --set stack). */
export function mergeUserMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = { ...a };
  for (const key of Object.keys(b)) {
    const value = b[key];
    if (isTable(value) && Object.hasOwn(out, key) && isTable(out[key])) {
      out[key] = mergeUserMaps(out[key] as GoMap, value);
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** Removes nulls recursively (Helm's trimNilValues). */
export function trimNilValues(values: GoMap): GoMap {
  const out: GoMap = {};
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (value === null) continue;
    out[key] = isTable(value) ? trimNilValues(value) : value;
  }
  return out;
}

/** Values.Table: the table at a dotted path, or undefined. */
export function valuesTable(values: GoMap, path: string): GoMap | undefined {
  if (path === '') return values;
  let current: Value = values;
  for (const part of path.split('.')) {
    if (!isTable(current) || !Object.hasOwn(current, part)) return undefined;
    current = current[part];
  }
  return isTable(current) ? current : undefined;
}

/** Values.PathValue: a non-table value at a dotted path, or undefined when absent. */
export function valuesPathValue(values: GoMap, path: string): { found: true; value: Value } | { found: false } {
  const parts = path.split('.');
  const key = parts.pop()!;
  const table = parts.length === 0 ? values : valuesTable(values, parts.join('.'));
  if (!table || !Object.hasOwn(table, key) || isTable(table[key])) return { found: false };
  return { found: true, value: table[key] };
}
