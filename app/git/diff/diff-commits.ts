import git, { TREE } from 'isomorphic-git';
import { openRepository } from '../repository.js';
import { resolveCommit } from '../resolve-commit.js';
import { diffContents, readBlobAt, type FileDiff } from './diff-working-file.js';

/** A file that differs between two commits. */
export interface ChangedFile { path: string; change: 'added' | 'modified' | 'deleted' }

/**
 * Files that differ between two commits (or refs), optionally only under `prefix`.
 * @example await listChangedFiles('/ws', 'templates/web/v1.0.0', 'HEAD', 'templates/web/') // [{path: 'templates/web/values.yaml', change: 'modified'}]
 */
export async function listChangedFiles(dir: string, fromRef: string, toRef: string, prefix = ''): Promise<ChangedFile[]> {
  const repository = openRepository(dir);
  const [from, to] = await Promise.all([fromRef, toRef].map((ref) => resolveCommit(repository, ref)));
  const changes: ChangedFile[] = [];
  await git.walk({
    ...repository,
    trees: [TREE({ ref: from! }), TREE({ ref: to! })],
    map: async (filepath, [a, b]) => {
      if (filepath !== '.' && !filepath.startsWith(prefix) && !prefix.startsWith(`${filepath}/`)) return null;
      const [typeA, typeB] = await Promise.all([a?.type(), b?.type()]);
      if (typeA === 'tree' || typeB === 'tree') return true;
      if (filepath === '.' || !filepath.startsWith(prefix)) return true;
      const [oidA, oidB] = await Promise.all([a?.oid(), b?.oid()]);
      if (oidA === oidB) return true;
      changes.push({ path: filepath, change: !a ? 'added' : !b ? 'deleted' : 'modified' });
      return true;
    },
  });
  return changes.sort((x, y) => x.path.localeCompare(y.path));
}

/**
 * Line diff of one file between two commits or refs.
 * @example await diffFileBetween('/ws', 'templates/web/v1.0.0', 'templates/web/v2.0.0', 'templates/web/values.yaml')
 */
export async function diffFileBetween(dir: string, fromRef: string, toRef: string, filepath: string): Promise<FileDiff> {
  const repository = openRepository(dir);
  const [from, to] = await Promise.all([fromRef, toRef].map((ref) => resolveCommit(repository, ref)));
  return diffContents(filepath, await readBlobAt(repository, from, filepath), await readBlobAt(repository, to, filepath));
}
