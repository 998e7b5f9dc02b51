// The Node implementation of the engine's ChartFileReader: real files under a root.
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { ChartFileReader, DirectoryEntry } from '../template/chart/chart-loader.js';

/**
 * Reads charts from disk; relative paths resolve against `root`.
 *
 * @example
 *   const chart = await loadChart(nodeFileReader(process.cwd()), 'templates/web-service');
 */
export function nodeFileReader(root = '.'): ChartFileReader {
  const resolve = (path: string) => (isAbsolute(path) ? path : join(root, path));
  return {
    async kind(path) {
      try {
        const info = await stat(resolve(path));
        return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : undefined;
      } catch {
        return undefined;
      }
    },
    async list(path): Promise<DirectoryEntry[]> {
      const entries = await readdir(resolve(path), { withFileTypes: true });
      const out: DirectoryEntry[] = [];
      for (const entry of entries) {
        let isDirectory = entry.isDirectory();
        if (entry.isSymbolicLink()) {
          // Helm follows symlinks inside a chart.
          isDirectory = (await stat(join(resolve(path), entry.name))).isDirectory();
        }
        out.push({ name: entry.name, isDirectory });
      }
      return out;
    },
    async read(path) {
      return new Uint8Array(await readFile(resolve(path)));
    },
  };
}
