import { create } from 'zustand';
import {
  DirtyWorkingTreeError, GitAuthError, MergeConflictError, NotAGitRepositoryError,
  type GitBranch, type GitCommitSummary, type GitConflictFile, type GitFileDiff, type GitProgressEvent, type GitRemote, type GitStatus,
} from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { useErrorStore, withErrorReport } from '../errors/error-store.js';

export type RemoteOperation = 'fetch' | 'pull' | 'push';

export interface DiffSelection { path: string; side: 'staged' | 'unstaged' }

interface GitState {
  status: GitStatus | null;
  /** The open workspace has no .git folder. */
  notRepository: boolean;
  branches: GitBranch[];
  remotes: GitRemote[];
  selected: DiffSelection | null;
  diff: GitFileDiff | null;
  history: GitCommitSummary[];
  /** What the history shows: a file path, `template:<name>`, or '' for all commits. */
  historyScope: string;
  message: string;
  busy: string | null;
  /** The remote operation running, with its latest progress. */
  remoteOp: { operation: RemoteOperation; progress: GitProgressEvent | null } | null;
  /** The operation waiting for credentials (the prompt is open while set). */
  credentialsFor: RemoteOperation | null;
  /** Conflicts of a stopped pull, resolved in the app. */
  conflict: { ours: string; theirs: string; files: GitConflictFile[]; resolutions: Record<string, string> } | null;
  notice: string | null;
  /** What the Git main view shows. */
  viewTab: 'diff' | 'history';
  setViewTab: (tab: 'diff' | 'history') => void;
  refresh: () => Promise<void>;
  addRemote: (name: string, url: string) => Promise<boolean>;
  select: (selection: DiffSelection | null) => Promise<void>;
  stage: (paths: string[]) => Promise<void>;
  unstage: (paths: string[]) => Promise<void>;
  /** Call only after the user confirmed. */
  discard: (paths: string[]) => Promise<void>;
  setMessage: (message: string) => void;
  commit: () => Promise<boolean>;
  createBranch: (branch: string) => Promise<void>;
  switchBranch: (branch: string, carryChanges?: boolean) => Promise<void>;
  deleteBranch: (branch: string) => Promise<void>;
  loadHistory: (scope: string) => Promise<void>;
  runRemote: (operation: RemoteOperation) => Promise<void>;
  submitCredentials: (credentials: { username: string; password: string } | { token: string; username?: string }) => Promise<void>;
  cancelCredentials: () => void;
  setResolution: (path: string, text: string) => void;
  completeMerge: () => Promise<void>;
  abandonMerge: () => void;
  dismissNotice: () => void;
}

/** View state of the Git activity; every result comes from the core's GitApi. */
export const useGitStore = create<GitState>()((set, get) => ({
  status: null,
  notRepository: false,
  branches: [],
  remotes: [],
  selected: null,
  diff: null,
  history: [],
  historyScope: '',
  message: '',
  busy: null,
  remoteOp: null,
  credentialsFor: null,
  conflict: null,
  notice: null,
  viewTab: 'diff',
  setViewTab: (viewTab) => set({ viewTab }),
  addRemote: async (name, url) => {
    const remotes = await withErrorReport(`Adding the remote ${name}`, () => api.git.addRemote({ name, url }));
    if (remotes) set({ remotes });
    return remotes !== undefined;
  },
  refresh: async () => {
    let status: GitStatus | undefined;
    try {
      status = await api.git.getStatus();
    } catch (error) {
      // Not a repository is a state the panel shows (with a way out), not an error to repeat on every file change.
      if (error instanceof NotAGitRepositoryError) { set({ notRepository: true, status: null, branches: [], remotes: [], selected: null, diff: null }); return; }
      useErrorStore.getState().report('Reading the Git status', error, () => get().refresh());
    }
    set({ notRepository: false });
    const [branches, remotes] = await Promise.all([
      withErrorReport('Listing branches', () => api.git.listBranches()),
      withErrorReport('Listing remotes', () => api.git.listRemotes()),
    ]);
    set({ ...(status ? { status } : {}), ...(branches ? { branches } : {}), ...(remotes ? { remotes } : {}) });
    const selected = get().selected;
    if (selected) {
      const still = status?.files.find((f) => f.path === selected.path);
      if (!still) set({ selected: null, diff: null });
      else {
        const diff = await withErrorReport(`Diffing ${selected.path}`, () => api.git.diffFile(selected));
        if (get().selected === selected) set({ diff: diff ?? null });
      }
    }
  },
  select: async (selected) => {
    set({ selected, viewTab: 'diff' });
    if (!selected) { set({ diff: null }); return; }
    const diff = await withErrorReport(`Diffing ${selected.path}`, () => api.git.diffFile(selected));
    if (get().selected === selected) set({ diff: diff ?? null });
  },
  stage: async (paths) => {
    const status = await withErrorReport(`Staging ${paths.join(', ')}`, () => api.git.stage({ paths }));
    if (status) { set({ status }); await moveSelection(status, 'staged'); }
  },
  unstage: async (paths) => {
    const status = await withErrorReport(`Unstaging ${paths.join(', ')}`, () => api.git.unstage({ paths }));
    if (status) { set({ status }); await moveSelection(status, 'unstaged'); }
  },
  discard: async (paths) => {
    const status = await withErrorReport(`Discarding changes to ${paths.join(', ')}`, () => api.git.discard({ paths, confirmed: true }));
    if (status) { set({ status }); await get().refresh(); }
  },
  setMessage: (message) => set({ message }),
  commit: async () => {
    const message = get().message;
    set({ busy: 'Committing' });
    const result = await withErrorReport('Committing', () => api.git.commit({ message }));
    set({ busy: null });
    if (!result) return false;
    set({ message: '', notice: `Committed ${result.commit.slice(0, 7)} on ${result.branch ?? 'a detached HEAD'}.` });
    await get().refresh();
    if (get().viewTab === 'history' && get().historyScope === '') await get().loadHistory('');
    return true;
  },
  createBranch: async (branch) => {
    const branches = await withErrorReport(`Creating branch ${branch}`, () => api.git.createBranch({ branch, switchTo: true }));
    if (branches) { set({ branches }); await get().refresh(); }
  },
  switchBranch: async (branch, carryChanges = false) => {
    try {
      const status = await api.git.switchBranch({ branch, carryChanges });
      set({ status, notice: `Switched to ${branch}.` });
      await get().refresh();
    } catch (error) {
      const retry = error instanceof DirtyWorkingTreeError && !carryChanges ? () => get().switchBranch(branch, true) : () => get().switchBranch(branch, carryChanges);
      useErrorStore.getState().report(`Switching to ${branch}${error instanceof DirtyWorkingTreeError && !carryChanges ? ' (retry carries your edits along when that is safe)' : ''}`, error, retry);
    }
  },
  deleteBranch: async (branch) => {
    const branches = await withErrorReport(`Deleting branch ${branch}`, () => api.git.deleteBranch({ branch }));
    if (branches) set({ branches });
  },
  loadHistory: async (scope) => {
    set({ historyScope: scope, viewTab: 'history' });
    const request = scope.startsWith('template:') ? { template: scope.slice('template:'.length) } : scope ? { path: scope } : {};
    const history = await withErrorReport('Reading the history', () => api.git.history({ ...request, depth: 100 }));
    if (history && get().historyScope === scope) set({ history });
  },
  runRemote: async (operation) => {
    set({ remoteOp: { operation, progress: null }, notice: null });
    try {
      if (operation === 'fetch') {
        const result = await api.git.fetch({});
        set({ notice: `Fetched from ${result.remote}.` });
      } else if (operation === 'pull') {
        const result = await api.git.pull({});
        set({ notice: result.outcome === 'up-to-date' ? `${result.branch} is up to date.` : `Pulled into ${result.branch} (${result.outcome}).` });
      } else {
        const result = await api.git.push({});
        set({ notice: `Pushed ${result.branch} to ${result.remote}${result.tags.length ? ` with ${result.tags.length} version tag(s)` : ''}.` });
      }
      await get().refresh();
    } catch (error) {
      if (error instanceof GitAuthError) set({ credentialsFor: operation });
      else if (error instanceof MergeConflictError) await openConflict(error.data.ours, error.data.theirs);
      else useErrorStore.getState().report(`${operation[0]!.toUpperCase()}${operation.slice(1)} (${get().remotes[0]?.url ?? 'origin'})`, error, () => get().runRemote(operation));
    } finally {
      set({ remoteOp: null });
    }
  },
  submitCredentials: async (credentials) => {
    const operation = get().credentialsFor;
    const saved = await withErrorReport('Saving the credentials', () => api.git.setCredentials({ credentials }));
    if (!saved) return;
    set({ credentialsFor: null });
    if (operation) await get().runRemote(operation);
  },
  cancelCredentials: () => set({ credentialsFor: null }),
  setResolution: (path, text) => set((state) => (state.conflict ? { conflict: { ...state.conflict, resolutions: { ...state.conflict.resolutions, [path]: text } } } : {})),
  completeMerge: async () => {
    const conflict = get().conflict;
    if (!conflict) return;
    const result = await withErrorReport('Committing the merge', () => api.git.resolveConflicts({ theirs: conflict.theirs, resolutions: conflict.resolutions }));
    if (!result) return;
    set({ conflict: null, notice: `Merged with both parents: ${result.commit.slice(0, 7)}.` });
    await get().refresh();
  },
  abandonMerge: () => set({ conflict: null, notice: 'Pull abandoned; nothing was changed.' }),
  dismissNotice: () => set({ notice: null }),
}));

async function moveSelection(status: GitStatus, side: DiffSelection['side']): Promise<void> {
  const selected = useGitStore.getState().selected;
  if (!selected) return;
  const entry = status.files.find((f) => f.path === selected.path);
  if (!entry) { useGitStore.setState({ selected: null, diff: null }); return; }
  const changedOnSide = side === 'staged' ? entry.staged !== ' ' : entry.workTree !== ' ';
  await useGitStore.getState().select({ path: selected.path, side: changedOnSide ? side : selected.side });
}

async function openConflict(ours: string, theirs: string): Promise<void> {
  const files = await withErrorReport('Reading the conflicting versions', () => api.git.readConflicts({ ours, theirs }));
  if (!files) return;
  const resolutions: Record<string, string> = {};
  for (const file of files) resolutions[file.path] = file.merged;
  useGitStore.setState({ conflict: { ours, theirs, files, resolutions } });
}

/** Subscribes the store to remote progress; returns the unsubscribe. */
export function connectGitEvents(): () => void {
  return api.git.onGitProgress((progress) => {
    const current = useGitStore.getState().remoteOp;
    if (current) useGitStore.setState({ remoteOp: { operation: current.operation, progress } });
  });
}
