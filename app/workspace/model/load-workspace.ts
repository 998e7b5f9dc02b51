import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseWorkspaceFile, type ParsedFile } from './parse-workspace-file.js';
import { loadWorkspaceSchemas, type WorkspaceSchemas } from './workspace-schemas.js';
import { checkWorkspaceReferences, type LocatedPolicy, type LocatedService } from './check-workspace-references.js';
import type { EnvironmentDefinition, ServiceDefinition, ServiceEnvironment, WorkspaceDefinition, WorkspaceModel, WorkspaceProblem } from './workspace-model-types.js';
import { listTemplateVersions, type TemplateVersion } from '../versions/list-template-versions.js';

/** Options for loading a workspace. */
export interface LoadWorkspaceOptions {
  /** Compiled schemas; default: resources/schemas. */
  schemas?: WorkspaceSchemas;
  /** Published versions; default: read from the repository's tags (none when not a Git repository). */
  published?: TemplateVersion[];
  /** Reads only the service files this accepts (a simulation worker's shard); the model then holds only their services. */
  serviceFiles?: (file: string) => boolean;
}

const yamlFile = (name: string): boolean => name.endsWith('.yaml') || name.endsWith('.yml');

async function listYaml(dir: string, folder: string): Promise<string[]> {
  try {
    return (await readdir(path.join(dir, folder))).filter(yamlFile).sort().map((name) => `${folder}/${name}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Lists template folders (each holding a Chart.yaml) under templates/. */
export async function listTemplateFolders(dir: string): Promise<string[]> {
  let names: string[];
  try { names = await readdir(path.join(dir, 'templates')); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found = await Promise.all(names.map(async (name) => {
    try { return (await stat(path.join(dir, 'templates', name, 'Chart.yaml'))).isFile() ? name : undefined; } catch { return undefined; }
  }));
  return found.filter((name): name is string => name !== undefined).sort();
}

// Parsing YAML with positions dominates a load (~0.1-0.5 ms per file), so parsed files
// are kept per schema set and re-parsed only when their size or mtime changes.
const parsedCache = new WeakMap<WorkspaceSchemas, Map<string, { key: string; parsed: ParsedFile }>>();

// Checking 2,000 files for changes: a synchronous stat costs a few microseconds, a
// promise-based one a thread-pool round trip (~20 µs), which made an unchanged
// workspace take ~40 ms to load. Stats run synchronously in slices, yielding
// between slices so the event loop is never held for more than about a millisecond.
const STAT_SLICE = 256;

async function parseFiles(dir: string, files: string[], schemas: WorkspaceSchemas, kinds: string[] | undefined): Promise<ParsedFile[]> {
  let cache = parsedCache.get(schemas);
  if (!cache) { cache = new Map(); parsedCache.set(schemas, cache); }
  const results: ParsedFile[] = new Array(files.length);
  for (let start = 0; start < files.length; start += STAT_SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const reads: Promise<void>[] = [];
    for (let index = start; index < Math.min(files.length, start + STAT_SLICE); index++) {
      const file = files[index]!;
      const absolute = path.join(dir, file);
      const info = statSync(absolute, { throwIfNoEntry: false });
      const key = info ? `${info.size}:${info.mtimeMs}:${info.ino}:${kinds?.join(',')}` : '';
      const cached = cache.get(absolute);
      if (info && cached && cached.key === key) { results[index] = cached.parsed; continue; }
      reads.push(readFile(absolute, 'utf8').then((text) => {
        const parsed = parseWorkspaceFile(file, text, schemas, kinds);
        if (info) cache.set(absolute, { key, parsed });
        results[index] = parsed;
      }));
    }
    await Promise.all(reads);
  }
  return results;
}

const record = (value: unknown): Record<string, any> => (value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, any> : {});

function toService(file: string, value: Record<string, any>): ServiceDefinition | undefined {
  const metadata = record(value.metadata);
  const spec = record(value.spec);
  if (typeof metadata.name !== 'string' || typeof spec.template !== 'string') return undefined;
  const environments: Record<string, ServiceEnvironment> = {};
  for (const [name, environment] of Object.entries(record(spec.environments))) {
    const body = record(environment);
    environments[name] = { ...body, values: record(body.values) };
  }
  return {
    file, name: metadata.name, labels: record(metadata.labels), template: spec.template,
    version: spec.version === undefined ? '*' : String(spec.version), values: record(spec.values), environments,
  };
}

// An unchanged file yields the same ServiceDefinition object on every load, so
// caches keyed by service (renders, simulations) hit without re-hashing values.
const services = new WeakMap<Record<string, any>, ServiceDefinition | undefined>();

function serviceOf(file: string, value: Record<string, any>): ServiceDefinition | undefined {
  if (services.has(value)) {
    const cached = services.get(value);
    if (cached?.file === file) return cached;
  }
  const service = toService(file, value);
  services.set(value, service);
  return service;
}

/**
 * Loads paver.yaml, services/*.yaml and policies/*.yaml, validates them and checks references.
 * A broken file adds problems and is skipped; every other file still loads.
 * @example const model = await loadWorkspace('/home/me/acme-platform'); model.problems // [{file: 'services/a.yaml', line: 7, column: 12, message: ...}]
 */
export async function loadWorkspace(dir: string, options: LoadWorkspaceOptions = {}): Promise<WorkspaceModel> {
  const schemas = options.schemas ?? await loadWorkspaceSchemas();
  const [allServiceFiles, policyFiles, templates] = await Promise.all([listYaml(dir, 'services'), listYaml(dir, 'policies'), listTemplateFolders(dir)]);
  const serviceFiles = options.serviceFiles ? allServiceFiles.filter(options.serviceFiles) : allServiceFiles;
  const published = options.published ?? (existsSync(path.join(dir, '.git')) ? await listTemplateVersions(dir) : []);
  const problems: WorkspaceProblem[] = [];
  let workspace: WorkspaceDefinition | undefined;
  const workspaceFile = existsSync(path.join(dir, 'paver.yaml')) ? 'paver.yaml' : undefined;
  if (!workspaceFile) problems.push({ file: 'paver.yaml', line: 1, column: 1, message: 'paver.yaml is missing; create it to declare the environments' });
  else {
    const [parsed] = await parseFiles(dir, [workspaceFile], schemas, ['Workspace']);
    problems.push(...parsed!.problems);
    const value = parsed!.documents[0]?.value;
    if (value && value.kind === 'Workspace') {
      const spec = record(value.spec);
      const environments = (Array.isArray(spec.environments) ? spec.environments : []).map(record)
        .filter((environment) => typeof environment.name === 'string') as EnvironmentDefinition[];
      workspace = { file: workspaceFile, name: String(record(value.metadata).name ?? path.basename(dir)), kubeVersion: spec.kubeVersion === undefined ? undefined : String(spec.kubeVersion), environments, spec };
    }
  }
  const services: LocatedService[] = [];
  for (const parsed of await parseFiles(dir, serviceFiles, schemas, ['Service'])) {
    problems.push(...parsed.problems);
    for (const document of parsed.documents) {
      const service = document.value && document.value.kind === 'Service' ? serviceOf(parsed.file, document.value) : undefined;
      if (service) services.push({ service, document });
    }
  }
  const policies: LocatedPolicy[] = [];
  for (const parsed of await parseFiles(dir, policyFiles, schemas, undefined)) {
    problems.push(...parsed.problems);
    parsed.documents.forEach((document, index) => {
      const value = document.value;
      if (!value || typeof value.kind !== 'string') return;
      policies.push({ document, policy: { file: parsed.file, index, apiVersion: String(value.apiVersion ?? ''), kind: value.kind, name: String(record(value.metadata).name ?? ''), body: value } });
    });
  }
  problems.push(...checkWorkspaceReferences({ workspace, services, policies, templates, published }));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { dir, workspace, services: services.map((entry) => entry.service), policies: policies.map((entry) => entry.policy), templates, problems };
}
