import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Finds the built renderer (`out/renderer`), or undefined when it has not been built. */
export function findRendererBuildDir(): string | undefined {
  if (process.env.PAVER_RENDERER_DIR) return process.env.PAVER_RENDERER_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [join(dir, 'renderer'), join(dir, 'out', 'renderer')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    dir = dirname(dir);
  }
  return undefined;
}
