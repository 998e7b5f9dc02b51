import git from 'isomorphic-git';
import path from 'node:path';
import { openRepository } from '../../git/repository.js';
import { sharedStatusEngine } from '../../git/status/status-engine.js';
import { stageFiles } from '../../git/changes/stage-files.js';
import { commitStaged } from '../../git/changes/commit-staged.js';
import { resolveCommitAuthor, type GitIdentity } from '../../git/commit-author.js';
import { listTemplateVersions } from '../versions/list-template-versions.js';
import { readTemplateAtVersion } from '../versions/read-template-at-version.js';
import { readTemplateDocument, readTemplateDraft } from '../versions/template-source.js';
import { templateTagName } from '../versions/template-tags.js';
import { bumpVersion, maxSatisfying, parseVersion } from '../versions/semver.js';
import type { ServiceRenderer } from '../versions/service-renderer.js';
import { loadWorkspace } from '../model/load-workspace.js';
import { checkDraftRenders } from './check-draft-renders.js';
import { setChartVersion } from './set-chart-version.js';
import { suggestVersionBump, type BumpLevel } from './suggest-version-bump.js';
import { DirtyWorkingTreeError, DraftRenderFailedError, InvalidRequestError, InvalidVersionError, VersionAlreadyPublishedError } from '../../errors/index.js';

/** What to publish. Give `bump` or `version`; with neither, the bump suggested from values.schema.json is used. */
export interface PublishRequest {
  template: string;
  bump?: BumpLevel;
  version?: string;
  /** The changelog entry: becomes the annotated tag's message. */
  message: string;
  /** Renders each affected service with the draft; omit to skip the render check. */
  render?: ServiceRenderer;
  fallbackAuthor?: GitIdentity;
}

/** What was published. */
export interface PublishResult {
  template: string;
  version: string;
  previousVersion: string | undefined;
  tag: string;
  commit: string;
  suggestedBump: BumpLevel;
  bumpReasons: string[];
  /** Services (x environments) rendered with the draft before publishing. */
  checkedServices: string[];
  renders: number;
  /** Uncommitted changes outside the template: left as they were, not part of the publish commit. */
  unrelatedChanges: string[];
}

/**
 * Publishes the draft in `templates/<name>/` as an immutable version: checks it renders for every
 * service that would pick it up, sets Chart.yaml `version`, commits only the template folder and
 * creates the annotated tag `templates/<name>/v<version>` with the changelog.
 * @example await publishTemplateVersion('/ws', { template: 'web-service', bump: 'minor', message: 'Add startup probes', render })
 */
export async function publishTemplateVersion(dir: string, request: PublishRequest): Promise<PublishResult> {
  const repository = openRepository(dir);
  if (!request.message.trim()) throw new InvalidRequestError('Publishing needs a changelog message: say what changed for the services.', { field: 'message' });
  const draft = await readTemplateDraft(repository.dir, request.template);
  const published = (await listTemplateVersions(repository.dir, request.template)).map((entry) => entry.version);
  const previousVersion = maxSatisfying(published, '*');
  const previousSchema = previousVersion ? await readTemplateDocument(await readTemplateAtVersion(repository.dir, request.template, previousVersion), 'values.schema.json') : undefined;
  const suggestion = suggestVersionBump(previousSchema, await readTemplateDocument(draft, 'values.schema.json'));
  const version = resolveTargetVersion(request, previousVersion, String((await readTemplateDocument(draft, 'Chart.yaml'))?.version ?? ''), suggestion.level);
  const tag = templateTagName(request.template, version);
  if (published.includes(version) || (await git.listTags({ ...repository })).includes(tag)) {
    throw new VersionAlreadyPublishedError(`${request.template} ${version} is already published (tag ${tag}); published versions never change. Publish ${bumpVersion(previousVersion ?? version, 'patch')} or higher instead.`, { template: request.template, version });
  }
  const prefix = `templates/${request.template}/`;
  const status = await sharedStatusEngine(repository.dir).status({ full: true });
  const stagedElsewhere = status.files.filter((file) => !file.path.startsWith(prefix) && file.staged !== ' ').map((file) => file.path);
  if (stagedElsewhere.length) {
    throw new DirtyWorkingTreeError(`Files outside ${prefix} are staged (${stagedElsewhere.join(', ')}); unstage or commit them first so they do not end up in the publish commit. Nothing was changed.`, { files: stagedElsewhere, operation: 'publish' });
  }
  const unrelatedChanges = status.files.filter((file) => !file.path.startsWith(prefix)).map((file) => file.path);
  const model = await loadWorkspace(repository.dir);
  const check = request.render
    ? await checkDraftRenders({ draft, version, services: model.services, render: request.render, kubeVersion: model.workspace?.kubeVersion })
    : { services: [], renders: 0, failures: [] };
  if (check.failures.length) {
    const list = check.failures.map((f) => `${f.service} (${f.environment}): ${f.message}`).join('; ');
    throw new DraftRenderFailedError(`The draft of ${request.template} does not render for ${check.failures.length} service environment(s) that would pick up ${version}: ${list}. Fix the draft (or the services), then publish again.`, { template: request.template, failures: check.failures });
  }
  await setChartVersion(path.join(repository.dir, prefix, 'Chart.yaml'), version);
  const templateChanges = (await sharedStatusEngine(repository.dir).status({ full: true })).files.filter((file) => file.path.startsWith(prefix)).map((file) => file.path);
  const author = await resolveCommitAuthor(repository, request.fallbackAuthor);
  let commit: string;
  if (templateChanges.length || status.files.some((file) => file.path.startsWith(prefix) && file.staged !== ' ')) {
    await stageFiles(repository.dir, templateChanges);
    commit = (await commitStaged(repository.dir, { message: `Publish ${request.template} ${version}\n\n${request.message.trim()}\n`, fallbackAuthor: author })).commit;
  } else {
    commit = await git.resolveRef({ ...repository, ref: 'HEAD' }); // The committed draft already is this version.
  }
  await git.annotatedTag({ ...repository, ref: tag, object: commit, message: `${request.message.trim()}\n`, tagger: author });
  return {
    template: request.template, version, previousVersion, tag, commit, suggestedBump: suggestion.level, bumpReasons: suggestion.reasons,
    checkedServices: check.services, renders: check.renders, unrelatedChanges,
  };
}

function resolveTargetVersion(request: PublishRequest, previous: string | undefined, chartVersion: string, suggested: BumpLevel): string {
  if (request.version !== undefined) {
    const parsed = parseVersion(request.version);
    if (!parsed) throw new InvalidVersionError(`'${request.version}' is not a semantic version such as 1.5.0.`, { value: request.version, field: 'version' });
    return request.version.replace(/^v/, '');
  }
  if (!previous) return parseVersion(chartVersion) ? chartVersion : '1.0.0';
  return bumpVersion(previous, request.bump ?? suggested);
}
