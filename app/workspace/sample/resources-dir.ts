import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds Paver's `resources/` folder by walking up from a module's location,
 * because that location differs between the sources (app/workspace/sample),
 * the bundled CLI (out/cli) and a packaged app.
 *
 * @example findResourcesDir(import.meta.url) // '/repo/resources'
 */
export function findResourcesDir(fromUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'sample-workspace', 'paver.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Paver's resources folder (with sample-workspace/paver.yaml) was not found above ${fromUrl}`);
    }
    dir = parent;
  }
}

/** Path of the bundled sample workspace (resources/sample-workspace). */
export function defaultSampleDir(fromUrl?: string): string {
  return join(findResourcesDir(fromUrl), 'sample-workspace');
}

/** Path of the JSON Schemas of Paver's kinds (resources/schemas). */
export function schemasDir(fromUrl?: string): string {
  return join(findResourcesDir(fromUrl), 'schemas');
}
