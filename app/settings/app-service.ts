import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppApi, AppInfo, RecentWorkspace, Settings, WorkspaceInfo } from '../api/index.js';
import { InvalidRequestError } from '../errors/index.js';
import { writeFileAtomic } from '../workspace/files/atomic-write.js';

export const defaultSettings: Settings = {
  theme: 'system',
  gitAuthorName: '',
  gitAuthorEmail: '',
  editorFontSize: 13,
  clusterContext: '',
};

const maxRecent = 10;

/**
 * Settings and the recent-workspace list, kept as JSON in the user data
 * folder (written atomically). Implements the AppApi contract.
 */
export class AppService implements AppApi {
  constructor(private readonly userDataDir: string, private readonly appInfo: AppInfo) {}

  async getAppInfo(): Promise<AppInfo> {
    return this.appInfo;
  }

  async listRecentWorkspaces(): Promise<RecentWorkspace[]> {
    return this.readJson<RecentWorkspace[]>('recent-workspaces.json', []);
  }

  /** Puts a workspace at the top of the recent list. */
  async rememberWorkspace(info: WorkspaceInfo): Promise<void> {
    const recent = (await this.listRecentWorkspaces()).filter((r) => r.path !== info.root);
    recent.unshift({ path: info.root, name: info.name, openedAt: new Date().toISOString() });
    await this.writeJson('recent-workspaces.json', recent.slice(0, maxRecent));
  }

  async getSettings(): Promise<Settings> {
    return { ...defaultSettings, ...(await this.readJson<Partial<Settings>>('settings.json', {})) };
  }

  async updateSettings(request: Partial<Settings>): Promise<Settings> {
    const current = await this.getSettings();
    for (const [key, value] of Object.entries(request ?? {})) {
      if (!(key in defaultSettings)) {
        throw new InvalidRequestError(`Unknown setting '${key}'.`, { field: key });
      }
      if (typeof value !== typeof defaultSettings[key as keyof Settings]) {
        throw new InvalidRequestError(`Setting '${key}' must be a ${typeof defaultSettings[key as keyof Settings]}.`, { field: key });
      }
    }
    if (request.theme !== undefined && !['system', 'light', 'dark'].includes(request.theme)) {
      throw new InvalidRequestError(`Setting 'theme' must be system, light or dark.`, { field: 'theme' });
    }
    const next = { ...current, ...request };
    await this.writeJson('settings.json', next);
    return next;
  }

  private async readJson<T>(name: string, fallback: T): Promise<T> {
    try {
      return JSON.parse(await readFile(join(this.userDataDir, name), 'utf8')) as T;
    } catch (error) {
      // A missing or damaged settings file falls back to defaults rather than blocking start-up.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return fallback;
      throw error;
    }
  }

  private async writeJson(name: string, value: unknown): Promise<void> {
    await mkdir(this.userDataDir, { recursive: true });
    await writeFileAtomic(join(this.userDataDir, name), `${JSON.stringify(value, null, 2)}\n`);
  }
}
