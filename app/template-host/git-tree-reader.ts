// A ChartFileReader over a Git tree (a published template version), for any
// Git backend that can list a tree and read a blob at a commit.
import type { ChartFileReader, DirectoryEntry } from '../template/chart/chart-loader.js';

/** What a Git backend must offer; app/git implements it with isomorphic-git or the git CLI. */
export interface GitTreeSource {
  /** Entries of the tree at `path` ('' = root) in the fixed commit, or undefined when not a tree. */
  listTree(path: string): Promise<{ name: string; type: 'blob' | 'tree' }[] | undefined>;
  /** Blob content at `path`, or undefined when it is not a blob. */
  readBlob(path: string): Promise<Uint8Array | undefined>;
}

function normalise(path: string): string {
  return path.replace(/^\.\/?/, '').replace(/\/+$/, '');
}

/** Adapts a Git tree to the engine's file reader, caching listings for the reader's life. */
export function gitTreeReader(source: GitTreeSource): ChartFileReader {
  const listings = new Map<string, Promise<{ name: string; type: 'blob' | 'tree' }[] | undefined>>();
  const list = (path: string) => {
    const key = normalise(path);
    let entry = listings.get(key);
    if (!entry) {
      entry = source.listTree(key);
      listings.set(key, entry);
    }
    return entry;
  };
  return {
    async kind(path) {
      const key = normalise(path);
      if (key === '') return 'directory';
      const slash = key.lastIndexOf('/');
      const parent = await list(slash < 0 ? '' : key.slice(0, slash));
      const entry = parent?.find((e) => e.name === key.slice(slash + 1));
      return entry ? (entry.type === 'tree' ? 'directory' : 'file') : undefined;
    },
    async list(path): Promise<DirectoryEntry[]> {
      const entries = await list(path);
      if (!entries) throw new Error(`${path}: not a directory`);
      return entries.map((e) => ({ name: e.name, isDirectory: e.type === 'tree' }));
    },
    async read(path) {
      const data = await source.readBlob(normalise(path));
      if (!data) throw new Error(`${path}: no such file`);
      return data;
    },
  };
}
