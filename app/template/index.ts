// The public API of Paver's Helm-compatible template engine (issue 3).
//
// Load a chart through any file reader, render it like `helm template`, and get
// the exact text helm prints plus structured objects and a per-line source map.
//
// @example
//   import { loadChart, renderChart, buildUserValues } from '../template/index.js';
//   import { nodeFileReader } from '../template-host/node-file-reader.js';
//
//   const chart = await loadChart(nodeFileReader(workspaceDir), 'templates/web-service');
//   const values = buildUserValues({ valueFiles: [{ path: 'prod.yaml', text }], set: ['replicas=3'] });
//   const result = renderChart(chart, { values, releaseName: 'checkout', namespace: 'shop' });
//   result.manifests;   // byte-for-byte `helm template checkout templates/web-service -f prod.yaml --set replicas=3`
//   result.objects;     // [{ template: 'web-service/templates/deployment.yaml', kind: 'Deployment', ... }]
//   result.sourceMap;   // [{ outputLine: 7, file: 'web-service/templates/deployment.yaml', line: 5, includeChain: [] }, ...]
//   result.notes;       // rendered NOTES.txt
import { ChartLoadError } from '../errors/chart-load-error.js';
import { TemplateRenderError } from '../errors/template-render-error.js';
import type { FuncMap } from './lang/value.js';
import { ChartLoadProblem } from './chart/chart-load-problem.js';
import { loadChart as loadChartRaw, loadChartArchive as loadChartArchiveRaw, type ChartFileReader } from './chart/chart-loader.js';
import type { Chart } from './chart/chart-types.js';
import { RenderProblem, renderChartWithFuncs, type ChartRenderResult, type RenderChartOptions } from './chart/render-chart.js';
import { UserValuesProblem, buildUserValues as buildUserValuesRaw, type UserValueSources } from './chart/user-values.js';
import type { GoMap } from './lang/value.js';
import { defaultChartFuncs } from './chart/default-funcs.js';
import { clearTemplateCache } from './chart/render-templates.js';
import { clearManifestCache } from './chart/manifest-sorter.js';
// Registers Sprig + Helm's functions as the default map (side effect of the funcs package).
import './funcs/index.js';
import { TemplateSet } from './lang/engine.js';
import { GoTemplateError } from '../errors/go-template-error.js';

export type { ChartFileReader, DirectoryEntry } from './chart/chart-loader.js';
export type { Chart, ChartFile, ChartMetadata, ChartDependency } from './chart/chart-types.js';
export type { ChartRenderResult } from './chart/render-chart.js';
export type { RenderedObject, SourceMapLine, OutputFile } from './chart/helm-output.js';
export type { UserValueSources } from './chart/user-values.js';
export { DEFAULT_KUBE_VERSION } from './chart/render-chart.js';
export { INSTALL_ORDER } from './chart/manifest-sorter.js';

/** Options of renderChart: `helm template` flags; funcs default to the engine's Sprig + Helm map. */
export type RenderOptions = Omit<RenderChartOptions, 'funcs'> & { funcs?: FuncMap };

function asLoadError(error: unknown, chart: string): never {
  if (error instanceof ChartLoadProblem) throw new ChartLoadError(error.message, { chart, file: error.file });
  throw error;
}

/** Loads a chart directory or .tgz through a host file reader; throws ChartLoadError with Helm's message. */
export async function loadChart(reader: ChartFileReader, path: string): Promise<Chart> {
  try {
    return await loadChartRaw(reader, path);
  } catch (error) {
    return asLoadError(error, path);
  }
}

/** Loads a packaged chart from its .tgz bytes; throws ChartLoadError. */
export function loadChartArchive(bytes: Uint8Array, name = 'chart.tgz'): Chart {
  try {
    return loadChartArchiveRaw(bytes, name);
  } catch (error) {
    return asLoadError(error, name);
  }
}

/** Stacks -f files and --set/--set-string/--set-json/--set-file like Helm; throws TemplateRenderError (phase values). */
export function buildUserValues(sources: UserValueSources): GoMap {
  try {
    return buildUserValuesRaw(sources);
  } catch (error) {
    if (error instanceof UserValuesProblem) throw new TemplateRenderError(error.message, { phase: 'values', file: error.source, line: 0, column: 0 });
    throw error;
  }
}

/** Renders a chart like `helm template`; throws TemplateRenderError whose message is Helm's. */
export function renderChart(chart: Chart, options: RenderOptions = {}): ChartRenderResult {
  try {
    return renderChartWithFuncs(chart, { ...options, funcs: options.funcs ?? defaultChartFuncs() });
  } catch (error) {
    if (error instanceof RenderProblem) {
      throw new TemplateRenderError(error.message, { phase: error.phase, file: error.file, line: error.line, column: error.column });
    }
    throw error;
  }
}

/** Helm's --name-template: renders the template with Sprig and no data to get a release name. */
export function renderNameTemplate(template: string, funcs?: FuncMap): string {
  try {
    const set = new TemplateSet({ funcs: funcs ?? defaultChartFuncs() });
    set.parse('name-template', template);
    return set.execute('name-template', null);
  } catch (error) {
    if (error instanceof GoTemplateError) throw new TemplateRenderError(error.message, { phase: 'install', file: 'name-template', line: error.data.line, column: error.data.column });
    throw error;
  }
}

/** Drops the engine's caches of parse trees and parsed manifests (they are bounded; this frees them now). */
export function clearRenderCaches(): void {
  clearTemplateCache();
  clearManifestCache();
}

/** The text `helm template` prints for a render result (what `paver render` writes to stdout). */
export function formatHelmTemplateOutput(result: ChartRenderResult): string {
  return result.manifests;
}
