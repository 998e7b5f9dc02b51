// Dependency processing as helm.sh/helm/v3/pkg/chartutil/dependencies.go:
// aliases, `condition` and `tags` switches, and `import-values` (both forms).
// It rewrites a per-render copy of the chart tree, never the loaded chart.
import type { GoMap } from '../lang/value.js';
import type { Chart, ChartDependency } from './chart-types.js';
import {
  coalesceChartValues, coalesceTables, deepCopy, isTable, mergeChartValues, mergeTables, trimNilValues, valuesPathValue, valuesTable,
  type CoalesceWarn,
} from './coalesce.js';
import { versionSatisfies } from './semver-range.js';

/** A copy of the chart tree that dependency processing may rewrite. */
export function cloneChartTree(chart: Chart, parent?: Chart): Chart {
  const copy: Chart = {
    ...chart,
    metadata: { ...chart.metadata, dependencies: chart.metadata.dependencies.map((d) => ({ ...d, tags: [...d.tags] })) },
    values: deepCopy(chart.values),
    parent,
    dependencies: [],
  };
  copy.dependencies = chart.dependencies.map((d) => cloneChartTree(d, copy));
  return copy;
}

function aliasedChart(charts: Chart[], dep: ChartDependency, parent: Chart): Chart | undefined {
  for (const c of charts) {
    if (c.metadata.name !== dep.name) continue;
    if (!versionSatisfies(dep.version, c.metadata.version)) continue;
    // A full copy: two aliases of one chart must not share rewritten state.
    const out = cloneChartTree(c, parent);
    if (dep.alias) out.metadata.name = dep.alias;
    return out;
  }
  return undefined;
}

function processTags(deps: ChartDependency[], values: GoMap, warn: CoalesceWarn): void {
  const tags = valuesTable(values, 'tags');
  if (!tags) return;
  for (const dep of deps) {
    let hasTrue = false;
    let hasFalse = false;
    for (const tag of dep.tags) {
      if (!Object.hasOwn(tags, tag)) continue;
      const value = tags[tag];
      if (typeof value === 'boolean') {
        if (value) hasTrue = true;
        else hasFalse = true;
      } else {
        warn(`Warning: Tag '${tag}' for chart ${dep.name} returned non-bool value`);
      }
    }
    if (!hasTrue && hasFalse) dep.enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) dep.enabled = true;
  }
}

function processConditions(deps: ChartDependency[], values: GoMap, path: string, warn: CoalesceWarn): void {
  for (const dep of deps) {
    for (const condition of dep.condition.trim().split(',')) {
      if (condition.length === 0) continue;
      const found = valuesPathValue(values, path + condition);
      if (!found.found) continue;
      if (typeof found.value === 'boolean') {
        dep.enabled = found.value;
        break;
      }
      warn(`Warning: Condition path '${condition}' for chart ${dep.name} returned non-bool value`);
    }
  }
}

function processEnabled(chart: Chart, values: GoMap, path: string, warn: CoalesceWarn): void {
  if (chart.metadata.dependencies.length === 0) return;
  const result: Chart[] = [];
  outer: for (const existing of chart.dependencies) {
    for (const req of chart.metadata.dependencies) {
      if (existing.metadata.name === req.name && versionSatisfies(req.version, existing.metadata.version)) continue outer;
    }
    result.push(existing);
  }
  for (const req of chart.metadata.dependencies) {
    const found = aliasedChart(chart.dependencies, req, chart);
    if (found) result.push(found);
    if (req.alias) req.name = req.alias;
  }
  chart.dependencies = result;
  for (const req of chart.metadata.dependencies) req.enabled = true;
  const coalesced = coalesceChartValues(chart, values, warn);
  processTags(chart.metadata.dependencies, coalesced, warn);
  processConditions(chart.metadata.dependencies, coalesced, path, warn);
  const disabled = new Set(chart.metadata.dependencies.filter((d) => !d.enabled).map((d) => d.name));
  const kept = chart.dependencies.filter((d) => !disabled.has(d.metadata.name));
  chart.metadata.dependencies = chart.metadata.dependencies.filter((d) => !disabled.has(d.name));
  for (const sub of kept) processEnabled(sub, coalesced, `${path}${sub.metadata.name}.`, warn);
  chart.dependencies = kept;
}

/** The `a.b` path as nested tables: pathToMap("a.b", v) = {a: {b: v}}; "." = v. */
function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  const parts = path.split('.').filter((p) => p.length > 0);
  let out: GoMap = data;
  for (let i = parts.length - 1; i >= 0; i--) out = { [parts[i]!]: out };
  return out;
}

function processImportValues(chart: Chart, merge: boolean, warn: CoalesceWarn): void {
  if (chart.metadata.dependencies.length === 0) return;
  const cvals = merge ? mergeChartValues(chart, {}, warn) : coalesceChartValues(chart, {}, warn);
  let imported: GoMap = {};
  for (const dep of chart.metadata.dependencies) {
    const normalised: unknown[] = [];
    for (const entry of dep.importValues) {
      if (isTable(entry)) {
        const child = String(entry.child ?? '');
        const parent = String(entry.parent ?? '');
        normalised.push({ child, parent });
        const table = valuesTable(cvals, `${dep.name}.${child}`);
        if (!table) {
          warn(`Warning: ImportValues missing table from chart ${dep.name}: no table named "${child}"`);
          continue;
        }
        const add = pathToMap(parent, deepCopy(table));
        imported = merge ? mergeTables(imported, add) : coalesceTables(imported, add);
      } else if (typeof entry === 'string') {
        const child = `exports.${entry}`;
        normalised.push({ child, parent: '.' });
        const table = valuesTable(cvals, `${dep.name}.${child}`);
        if (!table) {
          warn(`Warning: ImportValues missing table: no table named "${child}"`);
          continue;
        }
        imported = merge ? mergeTables(imported, deepCopy(table)) : coalesceTables(imported, deepCopy(table));
      }
    }
    dep.importValues = normalised;
  }
  chart.values = merge ? mergeTables(deepCopy(cvals), imported) : mergeTables(trimNilValues(cvals), imported);
}

function processImports(chart: Chart, merge: boolean, warn: CoalesceWarn): void {
  for (const sub of chart.dependencies) processImports(sub, merge, warn);
  processImportValues(chart, merge, warn);
}

/**
 * ProcessDependenciesWithMerge: drops disabled subcharts, applies aliases and
 * import-values. `chart` must be a copy (see cloneChartTree).
 */
export function processDependencies(chart: Chart, userValues: GoMap, warn: CoalesceWarn = () => {}): void {
  processEnabled(chart, userValues, '', warn);
  processImports(chart, true, warn);
}
