import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { useEditorStore, isDirty } from '../editor/editor-store.js';
import { useErrorStore } from '../errors/error-store.js';
import { useWorkspaceStore } from '../workspace/workspace-store.js';
import { useThemeStore } from './theme-store.js';
import { ClusterPicker } from '../cluster/cluster-picker.js';

/** Workspace, save state, error count, theme and version along the bottom edge. */
export function StatusBar() {
  const info = useWorkspaceStore((s) => s.info);
  const initGit = useWorkspaceStore((s) => s.initGit);
  const activeTab = useEditorStore((s) => s.tabs.find((t) => t.path === s.active));
  const errorCount = useErrorStore((s) => s.errors.length);
  const toggleErrors = useErrorStore((s) => s.setOpen);
  const errorsOpen = useErrorStore((s) => s.open);
  const theme = useThemeStore((s) => s.resolved);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  useEffect(() => { void api.app.getAppInfo().then(setAppInfo, () => undefined); }, []);
  const saveState = !activeTab ? '' : activeTab.saving ? 'Saving…' : activeTab.conflict ? 'Changed on disk' : isDirty(activeTab) ? 'Unsaved' : 'Saved';
  return (
    <footer className="status-bar" role="contentinfo">
      <span data-testid="status-workspace">{info ? `${info.name} — ${info.root}` : 'No workspace'}</span>
      {info && !info.isGitRepository && (
        <button type="button" className="status-action" onClick={() => { if (window.confirm(`Run git init in ${info.root}?`)) void initGit(); }}>
          Not a Git repository — initialise
        </button>
      )}
      <span className="spacer" />
      {info && <ClusterPicker />}
      {activeTab && <span data-testid="save-state">{saveState}</span>}
      <button type="button" className={`status-action${errorCount ? ' has-errors' : ''}`} onClick={() => toggleErrors(!errorsOpen)} data-testid="error-count">
        {errorCount === 0 ? 'No errors' : `${errorCount} error${errorCount === 1 ? '' : 's'}`}
      </button>
      <span>{theme === 'dark' ? 'Dark' : 'Light'}</span>
      {appInfo && <span>Paver {appInfo.version} · {appInfo.mode === 'browser' ? 'browser mode' : 'desktop'}</span>}
    </footer>
  );
}
