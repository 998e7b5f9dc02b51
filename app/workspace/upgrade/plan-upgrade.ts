import { openRepository } from '../../git/repository.js';
import { loadWorkspace } from '../model/load-workspace.js';
import type { ServiceDefinition } from '../model/workspace-model-types.js';
import { listTemplateVersions } from '../versions/list-template-versions.js';
import { readTemplateAtVersion } from '../versions/read-template-at-version.js';
import { readTemplateDocument, type TemplateSource } from '../versions/template-source.js';
import { maxSatisfying } from '../versions/semver.js';
import { serviceEnvironments, serviceValues, type ServiceRenderer } from '../versions/service-renderer.js';
import { diffLines, type DiffHunk } from '../../git/diff/line-diff.js';
import { migrationHints, type MigrationHint, type TemplateValuesShape } from './migration-hints.js';
import { InvalidRequestError } from '../../errors/index.js';

/** Rendered before/after of one service in one environment. */
export interface EnvironmentDiff {
  environment: string;
  before: string | undefined;
  after: string | undefined;
  /** Render failure message of either side. */
  beforeError?: string;
  afterError?: string;
  hunks: DiffHunk[];
}

/** The upgrade of one service. */
export interface ServiceUpgradePlan {
  service: string;
  file: string;
  /** The version or range written today, what it resolves to, and what will be written. */
  requested: string;
  from: string | undefined;
  newRequested: string;
  environments: EnvironmentDiff[];
  hints: MigrationHint[];
}

/** An upgrade plan: what each chosen service would look like on the target version. */
export interface UpgradePlan {
  template: string;
  to: string;
  services: ServiceUpgradePlan[];
  skipped: { service: string; reason: string }[];
}

/** Keeps the way a service pins versions: `^1.4.0` becomes `^2.0.0`, `~1.4` becomes `~2.0.0`, anything else exact. */
export function rewriteVersionRequest(requested: string, to: string): string {
  const trimmed = requested.trim();
  if (trimmed.startsWith('^')) return `^${to}`;
  if (trimmed.startsWith('~')) return `~${to}`;
  return to;
}

async function valuesShape(source: TemplateSource | undefined): Promise<TemplateValuesShape> {
  if (!source) return { schema: undefined, defaults: {} };
  return { schema: await readTemplateDocument(source, 'values.schema.json'), defaults: (await readTemplateDocument(source, 'values.yaml')) ?? {} };
}

/**
 * Plans moving services of `template` to version `to`: per service and environment the rendered
 * before/after line diff, and migration hints. `services` limits the plan to those names.
 * @example const plan = await planUpgrade('/ws', { template: 'web-service', to: '2.0.0', services: ['checkout'], render });
 */
export async function planUpgrade(dir: string, request: { template: string; to: string; services?: string[]; render: ServiceRenderer }): Promise<UpgradePlan> {
  const repository = openRepository(dir);
  const target = await readTemplateAtVersion(repository.dir, request.template, request.to);
  const model = await loadWorkspace(repository.dir);
  const published = (await listTemplateVersions(repository.dir, request.template)).map((entry) => entry.version);
  const users = model.services.filter((service) => service.template === request.template);
  let chosen: ServiceDefinition[] = users;
  if (request.services?.length) {
    const unknown = request.services.filter((name) => !users.some((service) => service.name === name));
    if (unknown.length) {
      throw new InvalidRequestError(`${unknown.join(', ')} ${unknown.length === 1 ? 'does' : 'do'} not use template '${request.template}' (services using it: ${users.map((s) => s.name).join(', ') || 'none'}).`, { field: 'services' });
    }
    chosen = users.filter((service) => request.services!.includes(service.name));
  }
  const sources = new Map<string, Promise<TemplateSource>>();
  const sourceFor = (version: string) => {
    let source = sources.get(version);
    if (!source) { source = readTemplateAtVersion(repository.dir, request.template, version); sources.set(version, source); }
    return source;
  };
  const afterShape = await valuesShape(target);
  const plan: UpgradePlan = { template: request.template, to: request.to, services: [], skipped: [] };
  for (const service of chosen) {
    let from: string | undefined;
    try { from = maxSatisfying(published, service.version); } catch { from = undefined; }
    if (from === request.to) { plan.skipped.push({ service: service.name, reason: `already on ${request.to}` }); continue; }
    const before = from ? await sourceFor(from) : undefined;
    const environments: EnvironmentDiff[] = [];
    const valuesByEnvironment: Record<string, Record<string, unknown>> = {};
    for (const environment of serviceEnvironments(service)) {
      const name = environment ?? '(default)';
      valuesByEnvironment[name] = serviceValues(service, environment);
      const render = async (source: TemplateSource | undefined) => {
        if (!source) return { text: undefined, error: 'the current version does not resolve' };
        try {
          return { text: (await request.render({ source, service, environment, kubeVersion: model.workspace?.kubeVersion })).manifests, error: undefined };
        } catch (error) {
          return { text: undefined, error: error instanceof Error ? error.message : String(error) };
        }
      };
      const [old, next] = [await render(before), await render(target)];
      environments.push({ environment: name, before: old.text, after: next.text, beforeError: old.error, afterError: next.error, hunks: diffLines(old.text ?? '', next.text ?? '') });
    }
    plan.services.push({
      service: service.name, file: service.file, requested: service.version, from, newRequested: rewriteVersionRequest(service.version, request.to),
      environments, hints: migrationHints(valuesByEnvironment, await valuesShape(before), afterShape, request.to),
    });
  }
  return plan;
}
