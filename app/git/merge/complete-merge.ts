import git from 'isomorphic-git';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { openRepository } from '../repository.js';
import { sharedStatusEngine } from '../status/status-engine.js';
import { readBlobAt } from '../diff/diff-working-file.js';
import { listChangedFiles } from '../diff/diff-commits.js';
import { mergeText } from '../diff/merge-text.js';
import { resolveCommitAuthor, type GitIdentity } from '../commit-author.js';
import { writeFileAtomic } from '../../workspace/files/atomic-write.js';
import { DirtyWorkingTreeError, InvalidRequestError, MergeConflictError } from '../../errors/index.js';

/** The user's resolution of a conflicted merge. */
export interface CompleteMergeRequest {
  /** The incoming commit (MergeConflictError data `theirs`). */
  theirs: string;
  /** Resolved content per conflicted path; `null` resolves to deleting the file. */
  resolutions: Record<string, string | null>;
  message?: string;
  fallbackAuthor?: GitIdentity;
}

/**
 * Commits a merge of `theirs` into the current branch with both parents: incoming changes to
 * files only they touched are taken as-is, files both sides changed use the user's resolution
 * (or a clean line merge). Any file still conflicted throws MergeConflictError and nothing changes.
 * @example await completeMerge('/ws', { theirs: error.data.theirs, resolutions: { 'services/a.yaml': resolvedText } })
 */
export async function completeMerge(dir: string, request: CompleteMergeRequest): Promise<{ commit: string }> {
  const repository = openRepository(dir);
  const branch = await git.currentBranch({ ...repository });
  if (!branch) throw new InvalidRequestError('HEAD is detached; switch to the branch you were merging into.', { field: 'branch' });
  const dirty = (await sharedStatusEngine(repository.dir).status({ full: true })).files.filter((f) => f.workTree !== '?' || f.staged !== ' ').map((f) => f.path);
  if (dirty.length) throw new DirtyWorkingTreeError(`Commit or discard your changes to ${dirty.join(', ')} before completing the merge.`, { files: dirty, operation: 'merge' });
  const ours = await git.resolveRef({ ...repository, ref: `refs/heads/${branch}` });
  const [base] = await git.findMergeBase({ ...repository, oids: [ours, request.theirs] }) as string[];
  const oursChanged = new Set(base ? (await listChangedFiles(dir, base, ours)).map((c) => c.path) : []);
  const incoming = base ? await listChangedFiles(dir, base, request.theirs) : [];
  const decode = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));
  // Decide every file's content first; touch the disk only when nothing is left unresolved.
  const writes = new Map<string, Uint8Array | string | null>();
  const unresolved: string[] = [];
  for (const { path: filepath } of incoming) {
    const theirsBytes = await readBlobAt(repository, request.theirs, filepath);
    if (filepath in request.resolutions) { writes.set(filepath, request.resolutions[filepath]!); continue; }
    if (!oursChanged.has(filepath)) { writes.set(filepath, theirsBytes ?? null); continue; }
    const [baseText, oursText, theirsText] = [decode(await readBlobAt(repository, base, filepath)), decode(await readBlobAt(repository, ours, filepath)), decode(theirsBytes)];
    if (oursText === theirsText) continue;
    const merged = oursText !== undefined && theirsText !== undefined ? mergeText({ base: baseText ?? '', ours: oursText, theirs: theirsText }) : undefined;
    if (merged?.clean) writes.set(filepath, merged.text);
    else unresolved.push(filepath);
  }
  if (unresolved.length) {
    throw new MergeConflictError(`Still unresolved: ${unresolved.join(', ')}. Provide a resolution for each, then complete the merge.`, { files: unresolved, ours, theirs: request.theirs });
  }
  const author = await resolveCommitAuthor(repository, request.fallbackAuthor);
  try {
    for (const [filepath, content] of writes) {
      const absolute = path.join(repository.dir, filepath);
      if (content === null) {
        await rm(absolute, { force: true });
        await git.remove({ ...repository, filepath });
      } else {
        await mkdir(path.dirname(absolute), { recursive: true });
        await writeFileAtomic(absolute, content);
        await git.add({ ...repository, filepath });
      }
    }
    const commit = await git.commit({ ...repository, message: request.message ?? `Merge ${request.theirs.slice(0, 7)} into ${branch}`, author, parent: [ours, request.theirs] });
    return { commit };
  } catch (error) {
    // Put back HEAD's version of everything this call wrote (the tree was clean before).
    for (const filepath of writes.keys()) {
      const original = await readBlobAt(repository, ours, filepath);
      const absolute = path.join(repository.dir, filepath);
      if (original === undefined) await rm(absolute, { force: true });
      else await writeFileAtomic(absolute, original);
      await git.resetIndex({ ...repository, filepath, ref: ours });
    }
    await git.writeRef({ ...repository, ref: `refs/heads/${branch}`, value: ours, force: true });
    throw error;
  }
}
