import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where browser mode and the CLI keep settings, recent workspaces and the sample workspace. */
export function defaultUserDataDir(env: Record<string, string | undefined> = process.env): string {
  if (env.PAVER_USER_DATA_DIR) return env.PAVER_USER_DATA_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Paver');
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Paver');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'paver');
}
