import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findResourcesDir as findFromModule } from '../app/workspace/sample/resources-dir.js';

/**
 * Finds Paver's `resources/` folder (sample workspace, schemas, demo-cluster
 * scenario) for the entry points: PAVER_RESOURCES_DIR when set, the folder
 * above the running code (sources or out/), or a packaged app's resources.
 */
export function findResourcesDir(): string {
  const override = process.env.PAVER_RESOURCES_DIR;
  if (override) return override;
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'resources', 'sample-workspace'))) return join(packaged, 'resources');
  return findFromModule(import.meta.url);
}
