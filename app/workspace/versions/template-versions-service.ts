// TemplateApi over the open workspace: versions, diffs, publish, the service
// table and the upgrade assistant. A thin layer on app/workspace and app/git.
import type {
  BumpLevelName, PublishOutcome, PublishPreview, ServiceUsageRow, ServiceUsageTable, TemplateApi, TemplateFileChange,
  TemplateSummary, TemplateVersionInfo, UpgradePlanInfo,
} from '../../api/index.js';
import { InvalidRequestError, WorkspaceNotOpenError } from '../../errors/index.js';
import type { GitIdentity } from '../../git/commit-author.js';
import { StatusEngine } from '../../git/status/status-engine.js';
import { loadWorkspace, listTemplateFolders } from '../model/load-workspace.js';
import { listTemplateVersions, type TemplateVersion } from './list-template-versions.js';
import { readTemplateAtVersion } from './read-template-at-version.js';
import { readTemplateDocument, readTemplateDraft, type TemplateSource } from './template-source.js';
import { createEngineServiceRenderer, type ServiceRenderer } from './service-renderer.js';
import { usageMatrix } from './usage-matrix.js';
import { bumpVersion, compareVersions, maxSatisfying, parseVersion } from './semver.js';
import { suggestVersionBump } from '../publish/suggest-version-bump.js';
import { checkDraftRenders } from '../publish/check-draft-renders.js';
import { publishTemplateVersion } from '../publish/publish-template-version.js';
import { planUpgrade } from '../upgrade/plan-upgrade.js';
import { applyUpgrade } from '../upgrade/apply-upgrade.js';

export interface TemplateVersionsServiceOptions {
  workspaceDir: () => string | null;
  /** Commit identity when Git config has none (the settings' gitAuthorName/Email). */
  fallbackAuthor?: () => Promise<GitIdentity | undefined>;
  /** Renders a service (default: Paver's template engine). A fresh one per request keeps chart caches short-lived. */
  createRenderer?: () => ServiceRenderer;
  /** Called after a publish or upgrade changed the repository. */
  onRepositoryChanged?: () => void;
}

const newestFirst = (a: TemplateVersion, b: TemplateVersion): number => compareVersions(parseVersion(b.version)!, parseVersion(a.version)!);
const bumpLevels: BumpLevelName[] = ['major', 'minor', 'patch'];

async function readAll(source: TemplateSource | undefined): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!source) return files;
  for (const file of source.paths) files.set(file, await source.readText(file));
  return files;
}

/** Template versions and upgrades for the UI: every method works on the open workspace. */
export class TemplateVersionsService implements TemplateApi {
  constructor(private readonly options: TemplateVersionsServiceOptions) {}

  private dir(): string {
    const dir = this.options.workspaceDir();
    if (!dir) throw new WorkspaceNotOpenError('Open a workspace before working with template versions.', {});
    return dir;
  }

  private renderer(): ServiceRenderer {
    return (this.options.createRenderer ?? (() => createEngineServiceRenderer()))();
  }

  async listTemplates(): Promise<TemplateSummary[]> {
    const dir = this.dir();
    const [folders, versions, model] = await Promise.all([listTemplateFolders(dir), listTemplateVersions(dir), loadWorkspace(dir)]);
    const names = [...new Set([...folders, ...versions.map((v) => v.template)])].sort();
    return names.map((name) => {
      const own = versions.filter((v) => v.template === name).sort(newestFirst);
      return { name, ...(own[0] ? { latest: own[0].version } : {}), versions: own, services: model.services.filter((s) => s.template === name).length };
    });
  }

  async listVersions(request: { template: string }): Promise<TemplateVersionInfo[]> {
    return (await listTemplateVersions(this.dir(), request.template)).sort(newestFirst);
  }

  private source(template: string, version: string): Promise<TemplateSource> {
    if (version === 'draft') return readTemplateDraft(this.dir(), template);
    return readTemplateAtVersion(this.dir(), template, version.replace(/^v/, ''));
  }

  async diffVersions(request: { template: string; from: string; to: string }): Promise<TemplateFileChange[]> {
    if (!request.template || !request.from || !request.to) throw new InvalidRequestError('Choose a template and two versions to compare.', { field: 'from' });
    const [before, after] = await Promise.all([readAll(await this.source(request.template, request.from)), readAll(await this.source(request.template, request.to))]);
    const changes: TemplateFileChange[] = [];
    for (const file of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const oldText = before.get(file);
      const newText = after.get(file);
      if (oldText === newText) continue;
      const change = oldText === undefined ? 'added' : newText === undefined ? 'deleted' : 'modified';
      changes.push({ path: file, change, ...(oldText !== undefined ? { oldText } : {}), ...(newText !== undefined ? { newText } : {}) });
    }
    return changes;
  }

  async previewPublish(request: { template: string; bump?: BumpLevelName; version?: string }): Promise<PublishPreview> {
    const dir = this.dir();
    const draft = await readTemplateDraft(dir, request.template);
    const published = (await listTemplateVersions(dir, request.template)).map((v) => v.version);
    const previousVersion = maxSatisfying(published, '*');
    const previous = previousVersion ? await readTemplateAtVersion(dir, request.template, previousVersion) : undefined;
    const suggestion = suggestVersionBump(previous ? await readTemplateDocument(previous, 'values.schema.json') : undefined, await readTemplateDocument(draft, 'values.schema.json'));
    const chartVersion = String((await readTemplateDocument(draft, 'Chart.yaml'))?.version ?? '');
    const base = previousVersion ?? (parseVersion(chartVersion) ? chartVersion : '0.0.0');
    const nextVersions = Object.fromEntries(bumpLevels.map((level) => [level, previousVersion ? bumpVersion(base, level) : (parseVersion(chartVersion) ? chartVersion : '1.0.0')])) as Record<BumpLevelName, string>;
    let version = nextVersions[request.bump ?? suggestion.level];
    if (request.version) {
      if (!parseVersion(request.version)) throw new InvalidRequestError(`'${request.version}' is not a semantic version such as 1.5.0.`, { field: 'version' });
      version = request.version.replace(/^v/, '');
    }
    const model = await loadWorkspace(dir);
    const check = await checkDraftRenders({ draft, version, services: model.services, render: this.renderer(), kubeVersion: model.workspace?.kubeVersion });
    const changedFiles = previousVersion ? (await this.diffVersions({ template: request.template, from: previousVersion, to: 'draft' })).map((c) => c.path) : draft.paths;
    const prefix = `templates/${request.template}/`;
    const status = await new StatusEngine(dir).status({ full: true });
    return {
      template: request.template, ...(previousVersion ? { previousVersion } : {}), suggestedBump: suggestion.level, bumpReasons: suggestion.reasons,
      version, nextVersions, changedFiles, check, unrelatedChanges: status.files.filter((f) => !f.path.startsWith(prefix)).map((f) => f.path),
    };
  }

  async publish(request: { template: string; bump?: BumpLevelName; version?: string; message: string }): Promise<PublishOutcome> {
    const result = await publishTemplateVersion(this.dir(), {
      template: request.template, bump: request.bump, version: request.version, message: request.message ?? '',
      render: this.renderer(), fallbackAuthor: await this.options.fallbackAuthor?.(),
    });
    this.options.onRepositoryChanged?.();
    return {
      template: result.template, version: result.version, ...(result.previousVersion ? { previousVersion: result.previousVersion } : {}), tag: result.tag,
      commit: result.commit, checkedServices: result.checkedServices, renders: result.renders, unrelatedChanges: result.unrelatedChanges,
    };
  }

  async serviceUsage(): Promise<ServiceUsageTable> {
    const dir = this.dir();
    const [model, versions] = await Promise.all([loadWorkspace(dir), listTemplateVersions(dir)]);
    const rows: ServiceUsageRow[] = [];
    for (const usage of usageMatrix(model.services, versions)) {
      for (const environment of usage.environments.length ? usage.environments : ['(default)']) {
        rows.push({
          service: usage.service, file: usage.file, ...(usage.team ? { team: usage.team } : {}), template: usage.template, environment,
          requested: usage.requested, ...(usage.resolved ? { resolved: usage.resolved } : {}), ...(usage.latest ? { latest: usage.latest } : {}), behindLatest: usage.behindLatest,
        });
      }
    }
    const templateNames = [...new Set([...model.templates, ...versions.map((v) => v.template), ...model.services.map((s) => s.template)])].sort();
    const templates = templateNames.map((name) => {
      const own = versions.filter((v) => v.template === name).sort(newestFirst).map((v) => v.version);
      return { name, ...(own[0] ? { latest: own[0] } : {}), versions: own };
    });
    const environments = [...new Set([...(model.workspace?.environments.map((e) => e.name) ?? []), ...rows.map((r) => r.environment)])];
    const teams = [...new Set(rows.map((r) => r.team).filter((t): t is string => !!t))].sort();
    return { rows, templates, environments, teams };
  }

  async planUpgrade(request: { template: string; to: string; services?: string[] }): Promise<UpgradePlanInfo> {
    if (!request.template || !request.to) throw new InvalidRequestError('Choose a template and a target version.', { field: 'to' });
    return planUpgrade(this.dir(), { template: request.template, to: request.to.replace(/^v/, ''), services: request.services, render: this.renderer() }) as Promise<UpgradePlanInfo>;
  }

  async applyUpgrade(request: { template: string; to: string; services?: string[]; branch?: string; message?: string }): Promise<{ branch: string; commit: string; files: string[] }> {
    const dir = this.dir();
    // The plan is recomputed here rather than taken from the caller, so what is committed is what the core checked.
    const plan = await planUpgrade(dir, { template: request.template, to: request.to.replace(/^v/, ''), services: request.services, render: this.renderer() });
    const result = await applyUpgrade(dir, plan, { branch: request.branch || undefined, message: request.message || undefined, fallbackAuthor: await this.options.fallbackAuthor?.() });
    this.options.onRepositoryChanged?.();
    return result;
  }
}
