// Loads one state of a workspace for simulation: the working tree, or any Git
// ref materialised into a temporary folder, with its published versions and
// (optionally) the template drafts treated as published.
import git from 'isomorphic-git';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InvalidRequestError } from '../errors/index.js';
import { openRepository } from '../git/repository.js';
import { loadWorkspace } from '../workspace/model/load-workspace.js';
import type { WorkspaceModel } from '../workspace/model/workspace-model-types.js';
import { listTemplateVersions, type TemplateVersion } from '../workspace/versions/list-template-versions.js';
import { readTemplateAtVersion } from '../workspace/versions/read-template-at-version.js';
import { maxSatisfying } from '../workspace/versions/semver.js';
import { readTemplateDraft, type TemplateSource } from '../workspace/versions/template-source.js';
import { parse as parseYaml } from 'yaml';
import type { SimulationState } from '../api/simulation-types.js';

export interface LoadedState {
  state: SimulationState;
  model: WorkspaceModel;
  published: TemplateVersion[];
  /** Draft version per template, when drafts count as published. */
  drafts: Map<string, string>;
  /** Resolves a service's version (exact or range), drafts included when enabled. */
  resolve(template: string, range: string): string | undefined;
  /** The files of a template at a resolved version ('<x.y.z>' or the draft's version). */
  source(template: string, version: string): Promise<TemplateSource>;
  dispose(): Promise<void>;
}

const workspaceFolders = ['services/', 'policies/', 'templates/'];

/** Loads the working tree or a Git ref as a simulation state (only the service files `serviceFiles` accepts, when given). */
export async function loadSimulationState(workspaceDir: string, state: SimulationState, serviceFiles?: (file: string) => boolean): Promise<LoadedState> {
  const isGit = await hasGit(workspaceDir);
  let dir = workspaceDir;
  let temporary: string | undefined;
  if (state.ref !== 'working-tree') {
    if (!isGit) throw new InvalidRequestError(`Cannot simulate '${state.ref}': ${workspaceDir} is not a Git repository.`, { field: 'ref' });
    temporary = await mkdtemp(join(tmpdir(), 'paver-simulate-'));
    await materialiseRef(workspaceDir, state.ref, temporary);
    dir = temporary;
  }
  const published = isGit ? await listTemplateVersions(workspaceDir) : [];
  const model = await loadWorkspace(dir, { published, serviceFiles });
  const drafts = new Map<string, string>();
  if (state.includeDrafts) {
    for (const template of model.templates) {
      const chart = parseYaml(await readFile(join(dir, 'templates', template, 'Chart.yaml'), 'utf8')) as { version?: unknown } | null;
      const version = typeof chart?.version === 'string' ? chart.version : undefined;
      const alreadyPublished = published.some((p) => p.template === template && p.version === version);
      if (version && !alreadyPublished) drafts.set(template, version);
    }
  }
  const sources = new Map<string, Promise<TemplateSource>>();
  const resolved = new Map<string, string | undefined>();
  return {
    state,
    model,
    published,
    drafts,
    resolve(template, range) {
      // Thousands of services share a few (template, range) pairs.
      const key = `${template}\0${range}`;
      if (resolved.has(key)) return resolved.get(key);
      const versions = published.filter((p) => p.template === template).map((p) => p.version);
      const draft = drafts.get(template);
      if (draft) versions.push(draft);
      const version = maxSatisfying(versions, range);
      resolved.set(key, version);
      return version;
    },
    source(template, version) {
      const key = `${template}@${version}`;
      let source = sources.get(key);
      if (!source) {
        source = drafts.get(template) === version ? readTemplateDraft(dir, template) : readTemplateAtVersion(workspaceDir, template, version);
        sources.set(key, source);
      }
      return source;
    },
    dispose: async () => { if (temporary) await rm(temporary, { recursive: true, force: true }); },
  };
}

async function hasGit(dir: string): Promise<boolean> {
  try {
    openRepository(dir);
    return true;
  } catch {
    return false;
  }
}

/** Writes paver.yaml, services/, policies/ and templates/ as they are at `ref` into `target`. */
async function materialiseRef(workspaceDir: string, ref: string, target: string): Promise<void> {
  const repository = openRepository(workspaceDir);
  let commit: string;
  try {
    commit = await git.resolveRef({ ...repository, ref });
  } catch {
    try {
      commit = await git.expandOid({ ...repository, oid: ref });
    } catch {
      throw new InvalidRequestError(`'${ref}' is not a branch, tag or commit of ${workspaceDir}.`, { field: 'ref' });
    }
  }
  const object = await git.readObject({ ...repository, oid: commit });
  if (object.type === 'tag') commit = (object.object as { object: string }).object;
  await git.walk({
    ...repository,
    trees: [git.TREE({ ref: commit })],
    map: async (filepath, [entry]) => {
      if (filepath === '.') return true;
      const wanted = filepath === 'paver.yaml' || workspaceFolders.some((f) => filepath.startsWith(f) || f.startsWith(`${filepath}/`));
      if (!wanted || !entry) return null;
      if ((await entry.type()) === 'blob') {
        const content = await entry.content();
        const path = join(target, filepath);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, content ?? new Uint8Array());
      }
      return true;
    },
  });
}
