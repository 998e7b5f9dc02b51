// Finds the Electron binary the way the `electron` package does, but without
// its lazy download printing a stack trace where the download cannot work.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** `{ path }` of an installed Electron binary, or `{ reason }` it is not there. */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return existsSync(path) ? { path } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${path}` };
  }
  const path = executable ? join(packageDir, 'dist', executable) : undefined;
  return path && existsSync(path) ? { path } : { reason: 'its binary is not installed', packageDir };
}

/** Like findElectronBinary, but first tries the package's own download once, quietly. */
export function findOrDownloadElectronBinary() {
  const found = findElectronBinary();
  if (found.path || !found.packageDir) return found;
  const download = spawnSync(process.execPath, [join(found.packageDir, 'install.js')], { encoding: 'utf8', timeout: 180_000 });
  const again = findElectronBinary();
  if (again.path) return again;
  const why = `${download.stderr ?? ''}${download.stdout ?? ''}`.split('\n').map((l) => l.trim()).find((l) => /error|failed/i.test(l));
  return { reason: `its binary is not installed and could not be downloaded${why ? `: ${why}` : ''}` };
}
