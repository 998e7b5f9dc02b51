import { readFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { isScalar, parseDocument } from 'yaml';
import { openRepository } from '../../git/repository.js';
import { sharedStatusEngine } from '../../git/status/status-engine.js';
import { createBranch } from '../../git/branches/create-branch.js';
import { switchBranch } from '../../git/branches/switch-branch.js';
import { stageFiles } from '../../git/changes/stage-files.js';
import { commitStaged } from '../../git/changes/commit-staged.js';
import type { GitIdentity } from '../../git/commit-author.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { UpgradePlan } from './plan-upgrade.js';
import { DirtyWorkingTreeError, InvalidFileError, InvalidRequestError } from '../../errors/index.js';

/** What an applied upgrade produced. */
export interface AppliedUpgrade { branch: string; commit: string; files: string[] }

/**
 * Sets `spec.version` in a service file, keeping comments, quoting and layout (yaml Document API).
 * @example setServiceTemplateVersion(text, '^2.0.0') // same text with only the version changed
 */
export function setServiceTemplateVersion(text: string, version: string, file = 'service file'): string {
  const document = parseDocument(text);
  if (document.errors.length) throw new InvalidFileError(`${file} is not valid YAML; fix it before upgrading.`, { file, field: 'spec.version' });
  const node = document.getIn(['spec', 'version'], true);
  if (isScalar(node)) node.value = version;
  else document.setIn(['spec', 'version'], version);
  return document.toString();
}

/**
 * Applies a plan: on a new branch `upgrade/<template>-<version>`, rewrites each service's
 * `spec.version` and commits. Refuses (changing nothing) when a service file has uncommitted
 * edits or unrelated files are staged.
 * @example const { branch, commit } = await applyUpgrade('/ws', plan);
 */
export async function applyUpgrade(dir: string, plan: UpgradePlan, options: { branch?: string; message?: string; fallbackAuthor?: GitIdentity } = {}): Promise<AppliedUpgrade> {
  const repository = openRepository(dir);
  if (!plan.services.length) throw new InvalidRequestError(`No service needs upgrading to ${plan.template} ${plan.to}.`, { field: 'services' });
  const files = plan.services.map((service) => service.file);
  const status = await sharedStatusEngine(repository.dir).status({ full: true });
  const blocked = status.files.filter((file) => files.includes(file.path) || file.staged !== ' ').map((file) => file.path);
  if (blocked.length) {
    throw new DirtyWorkingTreeError(`Commit or discard the changes to ${blocked.join(', ')} first: the upgrade edits service files and commits them. Nothing was changed.`, { files: blocked, operation: 'upgrade' });
  }
  const existing = new Set(await git.listBranches({ ...repository }));
  const base = options.branch ?? `upgrade/${plan.template}-${plan.to}`;
  let branch = base;
  for (let n = 2; existing.has(branch); n++) branch = `${base}-${n}`;
  await createBranch(repository.dir, { branch });
  await switchBranch(repository.dir, { branch, carryChanges: true });
  for (const service of plan.services) {
    const absolute = path.join(repository.dir, service.file);
    await writeFileAtomic(absolute, setServiceTemplateVersion(await readFile(absolute, 'utf8'), service.newRequested, service.file));
  }
  await stageFiles(repository.dir, files);
  const lines = plan.services.map((s) => `- ${s.service}: ${s.requested} -> ${s.newRequested}`);
  const message = options.message ?? `Upgrade ${plan.services.length} service(s) to ${plan.template} ${plan.to}\n\n${lines.join('\n')}\n`;
  const { commit } = await commitStaged(repository.dir, { message, fallbackAuthor: options.fallbackAuthor });
  return { branch, commit, files };
}
