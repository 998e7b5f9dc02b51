import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { PathOutsideWorkspaceError } from '../../errors/index.js';

/**
 * Resolves a workspace-relative path from the UI to an absolute path inside
 * the workspace, refusing absolute paths, `..` segments and symlinks whose
 * target lies outside. `root` must already be a real (symlink-free) path.
 *
 * @example
 *   await confinePath('/ws', 'services/checkout.yaml') // '/ws/services/checkout.yaml'
 *   await confinePath('/ws', '../etc/passwd')          // throws PathOutsideWorkspaceError
 */
export async function confinePath(root: string, path: string): Promise<string> {
  const refuse = (why: string) =>
    new PathOutsideWorkspaceError(`'${path}' is outside the workspace ${root} (${why}). Paver only reads and writes files inside the open workspace.`, { path, workspace: root });
  if (typeof path !== 'string' || path.length === 0) throw refuse('empty path');
  if (path.includes('\0')) throw refuse('contains a NUL byte');
  if (isAbsolute(path) || /^[a-zA-Z]:/.test(path)) throw refuse('absolute path');
  const segments = path.split(/[\\/]+/);
  if (segments.includes('..')) throw refuse("contains '..'");
  const absolute = resolve(root, path);
  if (!isInside(root, absolute)) throw refuse('resolves outside');
  // Follow symlinks on the longest existing prefix: a link inside the
  // workspace must not lead outside it.
  const existing = await realpathOfLongestExistingPrefix(absolute);
  if (!isInside(root, existing)) throw refuse('a symbolic link leads outside');
  return absolute;
}

/** Workspace-relative form of an absolute path, with `/` separators. */
export function toWorkspacePath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function realpathOfLongestExistingPrefix(absolute: string): Promise<string> {
  let current = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      const real = await realpath(current);
      return rest.length ? resolve(real, ...rest.reverse()) : real;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = resolve(current, '..');
      if (parent === current) return absolute;
      rest.push(current.slice(parent.length + 1));
      current = parent;
    }
  }
}
