import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds Paver's `resources/` folder (sample workspace, schemas, demo-cluster
 * scenario) from wherever this code runs: the source tree under tsx, the
 * built `out/` bundles, or a packaged app.
 */
export function findResourcesDir(): string {
  const override = process.env.PAVER_RESOURCES_DIR;
  if (override) return override;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'sample-workspace'))) return candidate;
    dir = dirname(dir);
  }
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'resources'))) return join(packaged, 'resources');
  throw new Error('Cannot find Paver\'s resources folder (sample workspace and schemas). Set PAVER_RESOURCES_DIR to it.');
}
