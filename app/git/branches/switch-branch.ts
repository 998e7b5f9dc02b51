import git from 'isomorphic-git';
import { lstat, mkdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { openRepository } from '../repository.js';
import { sharedStatusEngine } from '../status/status-engine.js';
import { listChangedFiles } from '../diff/diff-commits.js';
import { gitCliVersion, runGitCli } from '../git-cli.js';
import { writeFileAtomic } from '../../workspace/files/atomic-write.js';
import { BranchNotFoundError, DirtyWorkingTreeError } from '../../errors/index.js';

/** How to switch. */
export interface SwitchBranchRequest {
  branch: string;
  /**
   * Carry uncommitted edits to the other branch. Allowed only when the switch does not touch
   * any edited file; otherwise the switch is refused and nothing changes.
   */
  carryChanges?: boolean;
  /** Use the git CLI when installed (much faster on large trees); default true. */
  useGitCli?: boolean;
}

async function snapshot(dir: string, filepath: string): Promise<Buffer | undefined> {
  const absolute = path.join(dir, filepath);
  try {
    return (await lstat(absolute)).isSymbolicLink() ? Buffer.from(await readlink(absolute)) : await readFile(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Switches the working tree to another branch. With uncommitted edits it refuses
 * (DirtyWorkingTreeError listing them) unless `carryChanges`, and even then it never drops an edit:
 * edited files are snapshotted first and put back byte for byte if the checkout touched them.
 * @example await switchBranch('/ws', { branch: 'main', carryChanges: true })
 */
export async function switchBranch(dir: string, request: SwitchBranchRequest): Promise<{ branch: string; commit: string }> {
  const repository = openRepository(dir);
  const branches = await git.listBranches({ ...repository });
  if (!branches.includes(request.branch)) throw new BranchNotFoundError(`There is no branch '${request.branch}'.`, { branch: request.branch });
  const target = await git.resolveRef({ ...repository, ref: `refs/heads/${request.branch}` });
  const status = await sharedStatusEngine(repository.dir).status({ full: true });
  const dirty = status.files.map((file) => file.path);
  if (dirty.length && !request.carryChanges) {
    throw new DirtyWorkingTreeError(
      `Switching to '${request.branch}' needs a clean working tree; ${dirty.length} file(s) have uncommitted changes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}). Commit them, or switch carrying the changes.`,
      { files: dirty, operation: 'switch branch' });
  }
  if (dirty.length && status.head) {
    const touched = new Set((await listChangedFiles(repository.dir, status.head, target)).map((change) => change.path));
    const blocked = dirty.filter((file) => touched.has(file));
    if (blocked.length) {
      throw new DirtyWorkingTreeError(
        `Cannot carry your edits to '${request.branch}': it changes ${blocked.join(', ')}, which you also edited. Commit those edits first; nothing was changed.`,
        { files: blocked, operation: 'switch branch' });
    }
  }
  const saved = new Map<string, Buffer | undefined>();
  for (const file of dirty) saved.set(file, await snapshot(repository.dir, file));
  if (request.useGitCli !== false && await gitCliVersion()) await runGitCli(repository.dir, ['checkout', '-q', request.branch]);
  else await git.checkout({ ...repository, ref: request.branch });
  for (const [file, bytes] of saved) {
    const now = await snapshot(repository.dir, file);
    if (bytes !== undefined && (now === undefined || !now.equals(bytes))) {
      await mkdir(path.dirname(path.join(repository.dir, file)), { recursive: true });
      await writeFileAtomic(path.join(repository.dir, file), bytes);
    }
  }
  return { branch: request.branch, commit: target };
}
