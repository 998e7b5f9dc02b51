import { create } from 'zustand';
import { fileGroupOf, type FileChange, type FileEntry, type RecentWorkspace, type WorkspaceInfo } from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { withErrorReport } from '../errors/error-store.js';

interface WorkspaceState {
  info: WorkspaceInfo | null;
  files: FileEntry[];
  recent: RecentWorkspace[];
  loading: boolean;
  load: () => Promise<void>;
  open: (path: string) => Promise<void>;
  createSample: (path: string) => Promise<void>;
  initGit: () => Promise<void>;
  refreshFiles: () => Promise<void>;
  applyChanges: (changes: FileChange[]) => void;
}

/** The open workspace and its file list, kept current by the watcher's events. */
export const useWorkspaceStore = create<WorkspaceState>()((set, get) => ({
  info: null,
  files: [],
  recent: [],
  loading: true,
  load: async () => {
    const [info, recent] = await Promise.all([
      withErrorReport('Loading the workspace', () => api.workspace.currentWorkspace()),
      withErrorReport('Loading recent workspaces', () => api.app.listRecentWorkspaces()),
    ]);
    set({ info: info ?? null, recent: recent ?? [], loading: false });
    if (info) await get().refreshFiles();
  },
  open: async (path) => {
    const info = await withErrorReport(`Opening ${path}`, () => api.workspace.openWorkspace({ path }));
    if (!info) return;
    set({ info, files: [] });
    await get().refreshFiles();
    const recent = await withErrorReport('Loading recent workspaces', () => api.app.listRecentWorkspaces());
    if (recent) set({ recent });
  },
  createSample: async (path) => {
    const info = await withErrorReport(`Creating the sample workspace in ${path}`, () => api.workspace.createSampleWorkspace({ path }));
    if (!info) return;
    set({ info, files: [] });
    await get().refreshFiles();
  },
  initGit: async () => {
    const root = get().info?.root;
    if (!root) return;
    const info = await withErrorReport('Initialising Git', () => api.workspace.initGitRepository({ path: root }));
    if (info) set({ info });
  },
  refreshFiles: async () => {
    const files = await withErrorReport('Listing workspace files', () => api.workspace.listFiles());
    if (files) set({ files });
  },
  applyChanges: (changes) => {
    const byPath = new Map(get().files.map((f) => [f.path, f]));
    for (const change of changes) {
      if (change.kind === 'deleted') byPath.delete(change.path);
      else if (!byPath.has(change.path)) byPath.set(change.path, { path: change.path, group: fileGroupOf(change.path), size: 0 });
    }
    set({ files: [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path)) });
  },
}));
