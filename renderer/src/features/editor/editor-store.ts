import { create } from 'zustand';
import { FileConflictError, type FileChange } from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { useErrorStore, withErrorReport } from '../errors/error-store.js';
import { useLayoutStore } from '../layout/layout-store.js';

/** What is on disk when it no longer matches what the editor was based on. */
export type DiskConflict = { kind: 'changed'; diskText: string; diskVersion: string } | { kind: 'deleted' };

export interface EditorTab {
  path: string;
  /** The buffer, as the user sees it. */
  text: string;
  /** The text last loaded from or saved to disk. */
  savedText: string;
  /** Version of `savedText` on disk; saves are refused when the disk moved on. */
  version: string;
  conflict?: DiskConflict;
  comparing?: boolean;
  saving?: boolean;
}

interface EditorState {
  tabs: EditorTab[];
  active: string | null;
  openFile: (path: string) => Promise<void>;
  closeTab: (path: string) => void;
  activate: (path: string) => void;
  setText: (path: string, text: string) => void;
  save: (path?: string) => Promise<void>;
  keepMine: (path: string) => Promise<void>;
  takeDisk: (path: string) => void;
  setComparing: (path: string, comparing: boolean) => void;
  /** Asks the editor to scroll to and select a line once the file is open. */
  revealLine: (path: string, line: number) => void;
  reveal?: { path: string; line: number; nonce: number };
  onDiskChanges: (changes: FileChange[]) => Promise<void>;
}

/** True when the buffer has edits that are not on disk. */
export const isDirty = (tab: EditorTab) => tab.text !== tab.savedText;

/**
 * Open editors. Files on disk are the truth: an external edit reloads a clean
 * editor at once, and turns a dirty one into a visible conflict. Nothing is
 * overwritten on either side without the user choosing it.
 */
export const useEditorStore = create<EditorState>()((set, get) => {
  const update = (path: string, patch: Partial<EditorTab>) =>
    set((state) => ({ tabs: state.tabs.map((t) => (t.path === path ? { ...t, ...patch } : t)) }));
  const tab = (path: string) => get().tabs.find((t) => t.path === path);

  const loadConflict = async (path: string) => {
    try {
      const disk = await api.workspace.readFile({ path });
      update(path, { conflict: { kind: 'changed', diskText: disk.text, diskVersion: disk.version } });
    } catch (error) {
      if ((error as { code?: string }).code === 'FileNotFoundError') update(path, { conflict: { kind: 'deleted' } });
      else useErrorStore.getState().report(`Reading ${path}`, error);
    }
  };

  return {
    tabs: [],
    active: null,
    openFile: async (path) => {
      useLayoutStore.getState().showEditor();
      if (tab(path)) {
        set({ active: path });
        return;
      }
      const file = await withErrorReport(`Opening ${path}`, () => api.workspace.readFile({ path }));
      if (!file) return;
      set((state) => ({
        tabs: state.tabs.some((t) => t.path === path) ? state.tabs : [...state.tabs, { path, text: file.text, savedText: file.text, version: file.version }],
        active: path,
      }));
    },
    closeTab: (path) =>
      set((state) => {
        const index = state.tabs.findIndex((t) => t.path === path);
        const tabs = state.tabs.filter((t) => t.path !== path);
        const active = state.active === path ? (tabs[Math.min(index, tabs.length - 1)]?.path ?? null) : state.active;
        return { tabs, active };
      }),
    activate: (path) => {
      useLayoutStore.getState().showEditor();
      set({ active: path });
    },
    revealLine: (path, line) => set((state) => ({ reveal: { path, line, nonce: (state.reveal?.nonce ?? 0) + 1 } })),
    setText: (path, text) => update(path, { text }),
    save: async (path = get().active ?? undefined) => {
      const current = path ? tab(path) : undefined;
      if (!current || current.saving) return;
      if (current.conflict) {
        useErrorStore.getState().report(`Saving ${current.path}`, new FileConflictError(
          `'${current.path}' changed on disk. Choose "Keep my version" or "Use the disk version" first.`,
          { path: current.path, expectedVersion: current.version, diskVersion: current.conflict.kind === 'changed' ? current.conflict.diskVersion : null },
        ));
        return;
      }
      const text = current.text;
      update(current.path, { saving: true });
      try {
        const saved = await api.workspace.writeFile({ path: current.path, text, expectedVersion: current.version });
        update(current.path, { savedText: text, version: saved.version, saving: false });
      } catch (error) {
        update(current.path, { saving: false });
        if (error instanceof FileConflictError) await loadConflict(current.path);
        else useErrorStore.getState().report(`Saving ${current.path}`, error, () => get().save(current.path));
      }
    },
    keepMine: async (path) => {
      const current = tab(path);
      if (!current?.conflict) return;
      const expectedVersion = current.conflict.kind === 'changed' ? current.conflict.diskVersion : undefined;
      try {
        const saved = await api.workspace.writeFile({ path, text: current.text, expectedVersion });
        update(path, { savedText: current.text, version: saved.version, conflict: undefined, comparing: false });
      } catch (error) {
        // The disk moved again while the user decided: show the newest conflict.
        if (error instanceof FileConflictError || (error as { code?: string }).code === 'FileExistsError') await loadConflict(path);
        else useErrorStore.getState().report(`Saving ${path}`, error);
      }
    },
    takeDisk: (path) => {
      const current = tab(path);
      if (current?.conflict?.kind !== 'changed') return;
      const { diskText, diskVersion } = current.conflict;
      update(path, { text: diskText, savedText: diskText, version: diskVersion, conflict: undefined, comparing: false });
    },
    setComparing: (path, comparing) => update(path, { comparing }),
    onDiskChanges: async (changes) => {
      for (const change of changes) {
        const current = tab(change.path);
        if (!current) continue;
        if (change.kind !== 'deleted' && change.version === current.version) continue;
        if (change.kind !== 'deleted' && current.conflict?.kind === 'changed' && change.version === current.conflict.diskVersion) continue;
        if (isDirty(current) || current.conflict) {
          await loadConflict(change.path);
        } else if (change.kind === 'deleted') {
          update(change.path, { conflict: { kind: 'deleted' } });
        } else {
          const disk = await withErrorReport(`Reloading ${change.path}`, () => api.workspace.readFile({ path: change.path }));
          const latest = tab(change.path);
          if (!disk || !latest) continue;
          if (isDirty(latest)) await loadConflict(change.path);
          else update(change.path, { text: disk.text, savedText: disk.text, version: disk.version });
        }
      }
    },
  };
});
