export type ThemePreference = 'system' | 'light' | 'dark';

export interface Settings {
  theme: ThemePreference;
  /** Author used for commits when Git config has none. */
  gitAuthorName: string;
  gitAuthorEmail: string;
  editorFontSize: number;
  /** The kubeconfig context for previews and inspection ('' = the kubeconfig's current one, else the demo cluster). */
  clusterContext: string;
}

export interface AppInfo {
  version: string;
  /** 'electron' or 'browser'. */
  mode: 'electron' | 'browser';
  platform: string;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
}

/** Application-wide state: version, recent workspaces, settings. */
export interface AppApi {
  getAppInfo(): Promise<AppInfo>;
  listRecentWorkspaces(): Promise<RecentWorkspace[]>;
  getSettings(): Promise<Settings>;
  updateSettings(request: Partial<Settings>): Promise<Settings>;
}
