import { useEffect } from 'react';
import { api } from './api/client.js';
import { ActivityBar } from './features/layout/activity-bar.js';
import { SidePanel } from './features/layout/side-panel.js';
import { StatusBar } from './features/layout/status-bar.js';
import { QuickOpen } from './features/layout/quick-open.js';
import { useLayoutStore } from './features/layout/layout-store.js';
import { useThemeStore } from './features/layout/theme-store.js';
import { EditorArea } from './features/editor/editor-area.js';
import { useEditorStore } from './features/editor/editor-store.js';
import { ErrorCentre } from './features/errors/error-centre.js';
import { useWorkspaceStore } from './features/workspace/workspace-store.js';
import { Welcome } from './features/workspace/welcome.js';
import { connectSimulationEvents, useSimulationStore } from './features/simulation/simulation-store.js';
import { WorkspaceMenu } from './features/workspace/workspace-menu.js';

/** Global shortcuts: Ctrl/Cmd+S saves, Ctrl/Cmd+P finds a file. Captured before Monaco sees them. */
function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        void useEditorStore.getState().save();
      } else if (key === 'p' && !event.shiftKey) {
        event.preventDefault();
        useLayoutStore.getState().setQuickOpen(true);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

/** Keeps the file list and open editors in step with the disk. */
function useFileEvents() {
  useEffect(() => api.workspace.onDidChangeFiles((changes) => {
    useWorkspaceStore.getState().applyChanges(changes);
    void useEditorStore.getState().onDiskChanges(changes);
  }), []);
}

export function App() {
  const info = useWorkspaceStore((s) => s.info);
  const loading = useWorkspaceStore((s) => s.loading);
  const theme = useThemeStore((s) => s.resolved);
  useShortcuts();
  useFileEvents();
  useEffect(() => connectSimulationEvents(), []);
  useEffect(() => {
    void useWorkspaceStore.getState().load();
    void useSimulationStore.getState().loadLast();
    void api.app.getSettings().then((s) => useThemeStore.getState().setPreference(s.theme), () => undefined);
  }, []);
  useEffect(() => { document.documentElement.dataset.theme = theme; }, [theme]);
  return (
    <div className="app" data-ready={loading ? 'false' : 'true'}>
      <header className="top-bar">
        <span className="brand">Paver</span>
        <WorkspaceMenu />
        <button type="button" className="quick-open-hint" onClick={() => useLayoutStore.getState().setQuickOpen(true)}>
          Find a file <kbd>Ctrl</kbd>+<kbd>P</kbd>
        </button>
      </header>
      <div className="body">
        <ActivityBar />
        {info ? (
          <>
            <SidePanel />
            <EditorArea />
          </>
        ) : !loading && <Welcome />}
      </div>
      <ErrorCentre />
      <StatusBar />
      <QuickOpen />
    </div>
  );
}
