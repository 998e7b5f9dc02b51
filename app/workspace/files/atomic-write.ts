import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: the bytes go to a temporary file in the same
 * folder, are flushed to disk, and only then renamed over the target. A crash
 * at any point leaves either the old file or the new one, never a torn mix.
 * The original file's mode is kept.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.paver-${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const handle = await open(temp, 'wx', mode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** True for the temporary files `writeFileAtomic` creates (the watcher ignores them). */
export function isAtomicWriteTempFile(path: string): boolean {
  return /(^|\/)\.[^/]+\.paver-[0-9a-f]{12}\.tmp$/.test(path);
}
