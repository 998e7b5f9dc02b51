import git from 'isomorphic-git';
import { readFile, readlink, lstat } from 'node:fs/promises';
import path from 'node:path';
import { openRepository, type GitRepository } from '../repository.js';
import { resolveHead } from '../resolve-commit.js';
import { readGitIndex } from '../status/read-git-index.js';
import { diffLines, type DiffHunk } from './line-diff.js';

/** Old and new content of one file plus its line diff. Binary files carry no text. */
export interface FileDiff {
  path: string;
  oldText: string | undefined;
  newText: string | undefined;
  binary: boolean;
  hunks: DiffHunk[];
}

const isBinary = (bytes: Uint8Array | undefined): boolean => !!bytes && bytes.subarray(0, 8000).includes(0);

/** Reads a blob at a commit, or undefined when the file does not exist there. */
export async function readBlobAt(repository: GitRepository, commit: string | undefined, filepath: string): Promise<Uint8Array | undefined> {
  if (!commit) return undefined;
  try {
    return (await git.readBlob({ ...repository, oid: commit, filepath })).blob;
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return undefined;
    throw error;
  }
}


async function readIndexBlob(repository: GitRepository, filepath: string): Promise<Uint8Array | undefined> {
  const entry = readGitIndex(path.join(repository.gitdir, 'index')).find((candidate) => candidate.path === filepath && candidate.stage === 0);
  return entry ? (await git.readBlob({ ...repository, oid: entry.oid })).blob : undefined;
}

async function readWorkingFile(repository: GitRepository, filepath: string): Promise<Uint8Array | undefined> {
  const absolute = path.join(repository.dir, filepath);
  try {
    return (await lstat(absolute)).isSymbolicLink() ? Buffer.from(await readlink(absolute)) : await readFile(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Builds a FileDiff from two versions of a file. */
export function diffContents(filepath: string, oldBytes: Uint8Array | undefined, newBytes: Uint8Array | undefined): FileDiff {
  const binary = isBinary(oldBytes) || isBinary(newBytes);
  const decoder = new TextDecoder();
  const oldText = oldBytes && !binary ? decoder.decode(oldBytes) : undefined;
  const newText = newBytes && !binary ? decoder.decode(newBytes) : undefined;
  return { path: filepath, oldText, newText, binary, hunks: binary ? [] : diffLines(oldText ?? '', newText ?? '') };
}

/**
 * Line diff of one changed file: `unstaged` compares the index with the file on disk,
 * `staged` compares HEAD with the index (what the next commit records).
 * @example const diff = await diffWorkingFile('/ws', 'services/checkout.yaml', 'unstaged'); diff.hunks[0].lines
 */
export async function diffWorkingFile(dir: string, filepath: string, side: 'staged' | 'unstaged'): Promise<FileDiff> {
  const repository = openRepository(dir);
  if (side === 'staged') {
    return diffContents(filepath, await readBlobAt(repository, await resolveHead(repository), filepath), await readIndexBlob(repository, filepath));
  }
  const fromIndex = await readIndexBlob(repository, filepath);
  return diffContents(filepath, fromIndex, await readWorkingFile(repository, filepath));
}
