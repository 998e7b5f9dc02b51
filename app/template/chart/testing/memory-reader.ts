// Test helper: a ChartFileReader over an in-memory map of path -> text.
import type { ChartFileReader } from '../chart-loader.js';

/** Serves `files` (slash paths) as a read-only file tree. */
export function memoryReader(files: Record<string, string | Uint8Array>): ChartFileReader {
  const enc = new TextEncoder();
  const paths = Object.keys(files);
  const isDir = (p: string) => paths.some((f) => f.startsWith(`${p}/`));
  return {
    async kind(path) {
      if (Object.hasOwn(files, path)) return 'file';
      return isDir(path) ? 'directory' : undefined;
    },
    async list(path) {
      const names = new Map<string, boolean>();
      for (const f of paths) {
        if (!f.startsWith(`${path}/`)) continue;
        const rest = f.slice(path.length + 1);
        const slash = rest.indexOf('/');
        names.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
      }
      return [...names].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    async read(path) {
      const data = files[path];
      if (data === undefined) throw new Error(`no such file: ${path}`);
      return typeof data === 'string' ? enc.encode(data) : data;
    },
  };
}
