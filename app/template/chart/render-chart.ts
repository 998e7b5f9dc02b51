// `helm template` in process: dependency processing, values (coalesce +
// schema), the engine render, NOTES.txt, manifest sorting, and the exact text
// helm prints, plus a structured result and a per-line source map for the app.
import type { FuncMap, GoMap } from '../lang/value.js';
import { chartFullPath, type Chart } from './chart-types.js';
import { coalesceChartValues } from './coalesce.js';
import { cloneChartTree, processDependencies } from './dependencies.js';
import { ShowOnlyProblem, assembleHelmOutput, type RenderedObject, type SourceMapLine, type OutputFile } from './helm-output.js';
import { ManifestYamlProblem, sortManifests, splitManifests } from './manifest-sorter.js';
import { collectTemplates, renderTemplates, TemplateProblem, type Renderable } from './render-templates.js';
import { validateChartTree } from './schema-validation.js';
import { versionSatisfies } from './semver-range.js';
import { lineOrigins, type LineOrigin } from './source-lines.js';
import { DEFAULT_API_VERSIONS, capabilitiesObject, parseKubeVersion, valuesObject } from './template-objects.js';

/** The Kubernetes version `helm template` assumes without --kube-version (Helm 3.21 binary, client-go v0.36). */
export const DEFAULT_KUBE_VERSION = 'v1.36.0';

/** Options of one render, mirroring `helm template` flags. */
export interface RenderChartOptions {
  /** Function map (Sprig + Helm's functions); the public API fills in the engine's full map. */
  funcs: FuncMap;
  /** User-supplied values (-f files and --set, already stacked; see buildUserValues). */
  values?: GoMap;
  releaseName?: string;
  namespace?: string;
  revision?: number;
  isUpgrade?: boolean;
  /** e.g. "1.31" or "v1.31.2"; default DEFAULT_KUBE_VERSION. */
  kubeVersion?: string;
  /** Extra .Capabilities.APIVersions entries (--api-versions). */
  apiVersions?: string[];
  includeCrds?: boolean;
  skipTests?: boolean;
  /** Template paths or globs below the chart, as --show-only takes them (e.g. `templates/deployment.yaml`, `charts/db/templates/*`). */
  showOnly?: string[];
  /** Render NOTES.txt of subcharts too (helm --render-subchart-notes). */
  subchartNotes?: boolean;
  /** Host providers handed to functions (clock, crypto, lookup). */
  host?: unknown;
  maxOutput?: number;
  maxSteps?: number;
  /**
   * Build the per-line source map (default true). 'lazy' builds it the first
   * time result.sourceMap is read: a catalogue simulation needs it only for the
   * renders a policy objects to.
   */
  sourceMap?: boolean | 'lazy';
  /** Output directory layout for --output-dir (files are returned, not written). */
  outputDir?: string;
}

/** Everything a render produces. */
export interface ChartRenderResult {
  /** Exactly what `helm template` prints to stdout. */
  manifests: string;
  /** Each object with the template file it came from (CRDs and hooks included). */
  objects: RenderedObject[];
  /** For every line of `manifests`: the template file and line that produced it (empty with sourceMap: false). */
  sourceMap: SourceMapLine[];
  /** Rendered NOTES.txt ('' when none). */
  notes: string;
  /** Rendered text of every non-partial template, by full name (NOTES.txt included). */
  renderedFiles: Record<string, string>;
  /** With outputDir: the files helm would write (path under outputDir) and what it prints. */
  outputFiles: OutputFile[];
  /** Non-fatal notes Helm would log (coalesce warnings). */
  warnings: string[];
}

/** A render failure with Helm's message (printed after "Error: "). */
export class RenderProblem extends Error {
  constructor(message: string, readonly phase: 'values' | 'dependencies' | 'schema' | 'parse' | 'exec' | 'yaml' | 'limit' | 'show-only' | 'install',
    readonly file = '', readonly line = 0, readonly column = 0) {
    super(message);
  }
}

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DEBUG_HINT = '\n\nUse --debug flag to render out invalid YAML';

function checkInstallable(chart: Chart): void {
  const type = chart.metadata.type;
  if (type !== '' && type !== 'application') throw new RenderProblem(`${type} charts are not installable`, 'install');
  const missing = chart.metadata.dependencies.filter((d) => !chart.dependencies.some((c) => c.metadata.name === d.name)).map((d) => d.name);
  if (missing.length > 0) {
    throw new RenderProblem('An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch '
      + `missing dependencies: found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`, 'dependencies');
  }
}

function crdObjects(chart: Chart): { filename: string; data: Uint8Array; chart: Chart }[] {
  const out: { filename: string; data: Uint8Array; chart: Chart }[] = [];
  for (const file of chart.files) {
    if (file.name.startsWith('crds/') && /\.(ya?ml|json)$/.test(file.name)) out.push({ filename: `${chartFullPath(chart)}/${file.name}`, data: file.data, chart });
  }
  for (const dep of chart.dependencies) out.push(...crdObjects(dep));
  return out;
}

/**
 * Renders a loaded chart like `helm template`.
 *
 * @example
 *   const result = renderChartWithFuncs(chart, { funcs, values: { replicas: 3 }, releaseName: 'web' });
 *   process.stdout.write(result.manifests);
 */
export function renderChartWithFuncs(loaded: Chart, options: RenderChartOptions): ChartRenderResult {
  const releaseName = options.releaseName ?? 'release-name';
  if (!RELEASE_NAME.test(releaseName) || releaseName.length > 53) {
    throw new RenderProblem(`release name "${releaseName}": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53`, 'install');
  }
  checkInstallable(loaded);
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const userValues = options.values ?? {};
  const chart = cloneChartTree(loaded);
  try {
    processDependencies(chart, userValues, warn);
  } catch (error) {
    throw new RenderProblem((error as Error).message, 'dependencies');
  }
  const kube = parseKubeVersion(options.kubeVersion ?? DEFAULT_KUBE_VERSION);
  if (!kube) throw new RenderProblem(`invalid kube version '${options.kubeVersion}': Invalid Semantic Version`, 'install');
  let values: GoMap;
  try {
    values = coalesceChartValues(chart, userValues, warn);
  } catch (error) {
    throw new RenderProblem((error as Error).message, 'values');
  }
  const schemaErrors = validateChartTree(chart, values);
  if (schemaErrors) {
    throw new RenderProblem(`values don't meet the specifications of the schema(s) in the following chart(s):\n${schemaErrors}`, 'schema');
  }
  if (chart.metadata.kubeVersion && !versionSatisfies(chart.metadata.kubeVersion, kube.version)) {
    throw new RenderProblem(`chart requires kubeVersion: ${chart.metadata.kubeVersion} which is incompatible with Kubernetes ${kube.version}${DEBUG_HINT}`, 'install');
  }
  const top: GoMap = {
    Values: valuesObject(values),
    Release: {
      Name: releaseName, Namespace: options.namespace ?? 'default', IsUpgrade: options.isUpgrade === true,
      IsInstall: options.isUpgrade !== true, Revision: BigInt(options.revision ?? 1), Service: 'Helm',
    },
    Capabilities: capabilitiesObject(kube, [...DEFAULT_API_VERSIONS, ...(options.apiVersions ?? [])]),
  };
  const templates = new Map<string, Renderable>();
  collectTemplates(chart, top, templates);
  const trackSources = options.sourceMap !== false;
  const lazySources = options.sourceMap === 'lazy';
  let engine;
  try {
    engine = renderTemplates(templates, {
      funcs: options.funcs, host: options.host, maxOutput: options.maxOutput, maxSteps: options.maxSteps, trackSources,
    });
  } catch (error) {
    if (error instanceof TemplateProblem) {
      throw new RenderProblem(error.message + DEBUG_HINT, error.phase, error.file, error.line, error.column);
    }
    throw error;
  }
  const renderedFiles: Record<string, string> = {};
  for (const [name, text] of engine.files) renderedFiles[name] = text;

  const rootNotes = `${chart.metadata.name}/templates/NOTES.txt`;
  const notesParts: string[] = [];
  const manifestFiles = new Map<string, string>();
  for (const [name, text] of engine.files) {
    if (name.endsWith('NOTES.txt')) {
      if (options.subchartNotes || name === rootNotes) notesParts.push(text);
      continue;
    }
    manifestFiles.set(name, text);
  }
  const sources = new Map([...templates.values()].map((t) => [t.name, t.text]));
  const computeOrigins = (): Map<string, LineOrigin[]> => {
    const map = new Map<string, LineOrigin[]>();
    for (const [name, chunks] of engine.chunks) map.set(name, lineOrigins(chunks, sources, name));
    return map;
  };
  const origins = trackSources && !lazySources ? computeOrigins() : new Map<string, LineOrigin[]>();
  let sorted;
  try {
    sorted = sortManifests(manifestFiles);
  } catch (error) {
    if (error instanceof ManifestYamlProblem) {
      // Point the editor at the template line that produced the bad YAML when the source map knows it.
      const fileLine = documentLineInFile(manifestFiles.get(error.path) ?? '', error.documentIndex, error.documentLine);
      const origin = (lazySources ? computeOrigins() : origins).get(error.path)?.[fileLine - 1];
      throw new RenderProblem(error.message + DEBUG_HINT, 'yaml', origin?.file || error.path, origin?.line || fileLine, 0);
    }
    throw error;
  }
  const assembleInput = {
    manifests: sorted.manifests, hooks: sorted.hooks, crds: options.includeCrds ? crdObjects(chart) : [],
    renderedFiles: manifestFiles, origins, skipTests: options.skipTests === true, showOnly: options.showOnly ?? [],
    outputDir: options.outputDir,
  };
  let output;
  try {
    output = assembleHelmOutput(assembleInput);
  } catch (error) {
    if (error instanceof ShowOnlyProblem) throw new RenderProblem(error.message, 'show-only');
    throw error;
  }
  const result: ChartRenderResult = {
    manifests: output.text, objects: output.objects, sourceMap: output.sourceMap, notes: notesParts.join('\n'),
    renderedFiles, outputFiles: output.files, warnings,
  };
  if (lazySources) {
    // The same assembly with the origins gives the same text and objects, and the map.
    let map: SourceMapLine[] | undefined;
    Object.defineProperty(result, 'sourceMap', {
      enumerable: true,
      get: () => (map ??= assembleHelmOutput({ ...assembleInput, origins: computeOrigins() }).sourceMap),
    });
  }
  return result;
}

/** Line in the rendered file where line `documentLine` of document `index` sits (for YAML errors). */
function documentLineInFile(text: string, index: number, documentLine: number): number {
  const docs = splitManifests(text);
  let cursor = 0;
  for (let i = 0; i < docs.length; i++) {
    const at = text.indexOf(docs[i]!, cursor);
    if (at < 0) break;
    if (i === index) return text.slice(0, at).split('\n').length + documentLine - 1;
    cursor = at + docs[i]!.length;
  }
  return documentLine;
}
