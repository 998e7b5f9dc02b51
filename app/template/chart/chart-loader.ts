// Loads a chart the way helm.sh/helm/v3/pkg/chart/loader does: a directory
// (honouring .helmignore) or a .tgz archive, read through an injected file
// reader so the engine stays free of Node APIs.
import type { Chart, ChartDependency, ChartFile, ChartMetadata } from './chart-types.js';
import { HelmIgnore } from './helmignore.js';
import { gunzip, isGzip } from './inflate.js';
import { readTar } from './tar.js';
import { parseValuesYaml } from './values-yaml.js';
import { formatFloat } from '../lang/format.js';
import { ChartLoadProblem } from './chart-load-problem.js';

/** An entry of a directory listing. */
export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
}

/**
 * The file access the engine needs, supplied by the host (Node fs, a Git
 * tree, an in-memory workspace). Paths are slash-separated.
 */
export interface ChartFileReader {
  /** 'file', 'directory', or undefined when nothing exists at the path. */
  kind(path: string): Promise<'file' | 'directory' | undefined>;
  /** Entries directly inside a directory. */
  list(path: string): Promise<DirectoryEntry[]>;
  /** The bytes of a file. */
  read(path: string): Promise<Uint8Array>;
}

const utf8 = new TextDecoder();
const BOM = [0xef, 0xbb, 0xbf];

function stripBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && data[0] === BOM[0] && data[1] === BOM[1] && data[2] === BOM[2] ? data.subarray(3) : data;
}

function joinPath(a: string, b: string): string {
  if (!a || a === '.') return b;
  if (!b) return a;
  return a.endsWith('/') ? a + b : `${a}/${b}`;
}

/** Go's string coercion of a YAML scalar read into a string field (appVersion 1.10 -> "1.1"). */
function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : formatFloat(value, 'g', -1, 32);
  return String(value);
}

function asStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(asString) : [];
}

function toDependency(raw: unknown): ChartDependency {
  const d = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    name: asString(d.name), version: asString(d.version), repository: asString(d.repository),
    condition: asString(d.condition), tags: asStringList(d.tags), enabled: Boolean(d.enabled),
    importValues: Array.isArray(d['import-values']) ? d['import-values'] : [], alias: asString(d.alias),
  };
}

function toMetadata(raw: Record<string, unknown>): ChartMetadata {
  const annotations: Record<string, string> = {};
  if (raw.annotations && typeof raw.annotations === 'object') {
    for (const [k, v] of Object.entries(raw.annotations as Record<string, unknown>)) annotations[k] = asString(v);
  }
  return {
    name: asString(raw.name), home: asString(raw.home), sources: asStringList(raw.sources), version: asString(raw.version),
    description: asString(raw.description), keywords: asStringList(raw.keywords),
    maintainers: Array.isArray(raw.maintainers) ? raw.maintainers.map((m) => {
      const o = (m ?? {}) as Record<string, unknown>;
      return { name: asString(o.name), email: asString(o.email), url: asString(o.url) };
    }) : [],
    icon: asString(raw.icon), apiVersion: asString(raw.apiVersion), condition: asString(raw.condition), tags: asString(raw.tags),
    appVersion: asString(raw.appVersion), deprecated: raw.deprecated === true, annotations, kubeVersion: asString(raw.kubeVersion),
    dependencies: Array.isArray(raw.dependencies) ? raw.dependencies.map(toDependency) : [], type: asString(raw.type),
  };
}

function parseYamlObject(file: ChartFile, what: string): Record<string, unknown> {
  try {
    return parseValuesYaml(utf8.decode(file.data));
  } catch (error) {
    throw new ChartLoadProblem(`cannot load ${what}: ${(error as Error).message}`, file.name);
  }
}

const semverPattern = /^v?(\d+)(\.\d+)?(\.\d+)?(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

function validateMetadata(md: ChartMetadata): void {
  const fail = (message: string) => {
    throw new ChartLoadProblem(`validation: ${message}`, 'Chart.yaml');
  };
  if (!md.apiVersion) fail('chart.metadata.apiVersion is required');
  if (!md.name) fail('chart.metadata.name is required');
  if (md.name.includes('/') || md.name === '.' || md.name === '..') fail(`chart.metadata.name "${md.name}" is invalid`);
  if (!md.version) fail('chart.metadata.version is required');
  if (!semverPattern.test(md.version)) fail(`chart.metadata.version "${md.version}" is invalid`);
  if (md.type && md.type !== 'application' && md.type !== 'library') fail('chart.metadata.type must be application or library');
  const seen = new Set<string>();
  for (const dep of md.dependencies) {
    if (dep.alias && !/^[a-zA-Z0-9-_]+$/.test(dep.alias)) fail(`dependency "${dep.name}" has disallowed characters in the alias`);
    const key = dep.alias || dep.name;
    if (seen.has(key)) fail(`more than one dependency with name or alias "${key}"`);
    seen.add(key);
  }
}

/** Builds a chart from its files (Helm's LoadFiles); names are chart-relative. */
export function loadChartFiles(files: ChartFile[], source: string): Chart {
  let metadata: ChartMetadata | undefined;
  let requirements: ChartFile | undefined;
  let requirementsLock: ChartFile | undefined;
  const chart: Chart = {
    metadata: undefined as unknown as ChartMetadata, source, values: {}, rawValues: '', templates: [], files: [], dependencies: [],
  };
  const subcharts = new Map<string, ChartFile[]>();
  for (const file of files) {
    const name = file.name;
    if (name === 'Chart.yaml') {
      metadata = toMetadata(parseYamlObject(file, 'Chart.yaml'));
      if (!metadata.apiVersion) metadata.apiVersion = 'v1';
    } else if (name === 'Chart.lock') {
      continue;
    } else if (name === 'requirements.yaml') {
      requirements = file;
    } else if (name === 'requirements.lock') {
      requirementsLock = file;
    } else if (name === 'values.yaml') {
      chart.values = parseYamlObject(file, 'values.yaml') as Chart['values'];
      chart.rawValues = utf8.decode(file.data);
    } else if (name === 'values.schema.json') {
      try {
        chart.schema = JSON.parse(utf8.decode(file.data));
      } catch (error) {
        throw new ChartLoadProblem(`cannot load values.schema.json: ${(error as Error).message}`, name);
      }
    } else if (name.startsWith('templates/')) {
      chart.templates.push(file);
    } else if (name.startsWith('charts/')) {
      if (name.endsWith('.prov')) {
        chart.files.push(file);
        continue;
      }
      const rest = name.slice('charts/'.length);
      const chartName = rest.split('/')[0]!;
      const list = subcharts.get(chartName) ?? [];
      list.push({ name: rest, data: file.data });
      subcharts.set(chartName, list);
    } else {
      chart.files.push(file);
    }
  }
  if (!metadata) throw new ChartLoadProblem('Chart.yaml file is missing', 'Chart.yaml');
  if (requirements) {
    const raw = parseYamlObject(requirements, 'requirements.yaml');
    if (Array.isArray(raw.dependencies)) metadata.dependencies = raw.dependencies.map(toDependency);
    if (metadata.apiVersion === 'v1') chart.files.push(requirements);
  }
  if (requirementsLock && metadata.apiVersion === 'v1') chart.files.push(requirementsLock);
  chart.metadata = metadata;
  validateMetadata(metadata);
  for (const name of [...subcharts.keys()].sort()) {
    if (name.startsWith('_') || name.startsWith('.')) continue;
    const entries = subcharts.get(name)!;
    let sub: Chart;
    try {
      if (name.endsWith('.tgz')) {
        sub = loadChartArchive(entries[0]!.data, `${source}/charts/${name}`);
      } else {
        const inner = entries.filter((f) => f.name.includes('/')).map((f) => ({ name: f.name.slice(f.name.indexOf('/') + 1), data: f.data }));
        if (inner.length === 0) continue;
        sub = loadChartFiles(inner, `${source}/charts/${name}`);
      }
    } catch (error) {
      if (error instanceof ChartLoadProblem) throw error.wrap(`error unpacking ${name} in ${metadata.name}`);
      throw error;
    }
    sub.parent = chart;
    chart.dependencies.push(sub);
  }
  return chart;
}

/** Loads a packaged chart (.tgz bytes), as Helm's LoadArchive. */
export function loadChartArchive(bytes: Uint8Array, source: string): Chart {
  let tar: Uint8Array;
  try {
    tar = isGzip(bytes) ? gunzip(bytes) : bytes;
  } catch (error) {
    throw new ChartLoadProblem((error as Error).message, source);
  }
  const files: ChartFile[] = [];
  for (const entry of readTar(tar)) {
    const delimiter = entry.name.includes('\\') ? '\\' : '/';
    const parts = entry.name.split(delimiter);
    let name = parts.slice(1).join('/');
    if (name.startsWith('/')) throw new ChartLoadProblem('chart illegally contains absolute paths', source);
    name = cleanPath(name);
    if (name === '.') throw new ChartLoadProblem(`chart illegally contains content outside the base directory: "${entry.name}"`, source);
    if (name.startsWith('..')) throw new ChartLoadProblem('chart illegally references parent directory', source);
    if (/^[a-zA-Z]:\//.test(name)) throw new ChartLoadProblem('chart contains illegally named files', source);
    if (parts[0] === 'Chart.yaml') throw new ChartLoadProblem('chart yaml not in base directory', source);
    files.push({ name, data: stripBom(entry.data) });
  }
  if (files.length === 0) throw new ChartLoadProblem('no files in chart archive', source);
  return loadChartFiles(files, source);
}

function cleanPath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.length ? out.join('/') : '.';
}

async function walkDirectory(reader: ChartFileReader, root: string, rules: HelmIgnore): Promise<ChartFile[]> {
  const files: ChartFile[] = [];
  const visit = async (relative: string): Promise<void> => {
    const entries = await reader.list(joinPath(root, relative));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (rules.ignores(path, entry.isDirectory)) continue;
      if (entry.isDirectory) await visit(path);
      else files.push({ name: path, data: stripBom(await reader.read(joinPath(root, path))) });
    }
  };
  await visit('');
  return files;
}

/**
 * Loads the chart at `path` (a directory or a .tgz) through `reader`.
 *
 * @example
 *   const chart = await loadChart(nodeFileReader('/work/ws'), 'templates/web-service');
 */
export async function loadChart(reader: ChartFileReader, path: string): Promise<Chart> {
  const kind = await reader.kind(path);
  if (kind === undefined) throw new ChartLoadProblem(`path "${path}" not found`, path);
  if (kind === 'file') return loadChartArchive(await reader.read(path), path);
  let rules = new HelmIgnore();
  if ((await reader.kind(joinPath(path, '.helmignore'))) === 'file') {
    rules = new HelmIgnore(utf8.decode(await reader.read(joinPath(path, '.helmignore'))));
  }
  const files = await walkDirectory(reader, path, rules);
  if (!files.some((f) => f.name === 'Chart.yaml')) {
    throw new ChartLoadProblem(`Chart.yaml file is missing`, joinPath(path, 'Chart.yaml'));
  }
  return loadChartFiles(files, path);
}
