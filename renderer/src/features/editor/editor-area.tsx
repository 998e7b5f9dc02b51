import Editor, { DiffEditor } from '@monaco-editor/react';
import { useShallow } from 'zustand/react/shallow';
import { languageOf } from '../../monaco/setup-monaco.js';
import { useEditorStore, isDirty, type EditorTab } from './editor-store.js';
import { useThemeStore } from '../layout/theme-store.js';

function Tabs() {
  // Select strings, not fresh objects, so the shallow comparison can see that nothing changed.
  const keys = useEditorStore(useShallow((s) => s.tabs.map((t) => `${isDirty(t) ? 1 : 0}${t.conflict ? 1 : 0}${t.path}`)));
  const tabs = keys.map((key) => ({ dirty: key[0] === '1', conflict: key[1] === '1', path: key.slice(2) }));
  const active = useEditorStore((s) => s.active);
  const activate = useEditorStore((s) => s.activate);
  const closeTab = useEditorStore((s) => s.closeTab);
  return (
    <div className="tabs" role="tablist" aria-label="Open files">
      {tabs.map((tab) => (
        <div key={tab.path} role="tab" aria-selected={tab.path === active} className={`tab${tab.path === active ? ' active' : ''}`} data-path={tab.path}>
          <button type="button" className="tab-title" onClick={() => activate(tab.path)} title={tab.path}>
            {tab.path.split('/').pop()}{tab.dirty && <span className="dirty" aria-label="unsaved changes"> ●</span>}{tab.conflict && <span className="conflict-mark" aria-label="changed on disk"> ⚠</span>}
          </button>
          <button type="button" className="tab-close" aria-label={`Close ${tab.path}`}
            onClick={() => {
              const t = useEditorStore.getState().tabs.find((x) => x.path === tab.path);
              if (t && isDirty(t) && !window.confirm(`${tab.path} has unsaved changes. Close it and lose them?`)) return;
              closeTab(tab.path);
            }}>×</button>
        </div>
      ))}
    </div>
  );
}

function ConflictBanner({ tab }: { tab: EditorTab }) {
  const keepMine = useEditorStore((s) => s.keepMine);
  const takeDisk = useEditorStore((s) => s.takeDisk);
  const setComparing = useEditorStore((s) => s.setComparing);
  if (!tab.conflict) return null;
  if (tab.conflict.kind === 'deleted') {
    return (
      <div className="conflict-banner" role="alert" data-testid="conflict-banner">
        <strong>{tab.path} was deleted on disk.</strong> Your text is still here.
        <button type="button" onClick={() => void keepMine(tab.path)}>Save it again</button>
      </div>
    );
  }
  return (
    <div className="conflict-banner" role="alert" data-testid="conflict-banner">
      <strong>{tab.path} changed on disk while you were editing it.</strong> Nothing has been overwritten.
      <button type="button" onClick={() => setComparing(tab.path, !tab.comparing)}>{tab.comparing ? 'Hide comparison' : 'Compare'}</button>
      <button type="button" onClick={() => void keepMine(tab.path)}>Keep my version</button>
      <button type="button" onClick={() => { if (!isDirty(tab) || window.confirm('Discard your unsaved edits and load the version on disk?')) takeDisk(tab.path); }}>Use the disk version</button>
    </div>
  );
}

/** Monaco editor tabs, with the on-disk conflict view. */
export function EditorArea() {
  const tab = useEditorStore((s) => s.tabs.find((t) => t.path === s.active));
  const setText = useEditorStore((s) => s.setText);
  const monacoTheme = useThemeStore((s) => (s.resolved === 'dark' ? 'vs-dark' : 'vs'));
  if (!tab) {
    return (
      <main className="editor-area empty">
        <p>Open a file from the explorer, or press <kbd>Ctrl</kbd>+<kbd>P</kbd> to find one.</p>
      </main>
    );
  }
  return (
    <main className="editor-area">
      <Tabs />
      <ConflictBanner tab={tab} />
      <div className="editor-host" data-testid="editor" data-path={tab.path}>
        {tab.comparing && tab.conflict?.kind === 'changed' ? (
          <DiffEditor original={tab.conflict.diskText} modified={tab.text} language={languageOf(tab.path)} theme={monacoTheme}
            originalModelPath={`disk://${tab.path}`} modifiedModelPath={`compare://${tab.path}`}
            options={{ readOnly: true, renderSideBySide: true, automaticLayout: true }} />
        ) : (
          <Editor path={tab.path} value={tab.text} language={languageOf(tab.path)} theme={monacoTheme}
            onChange={(value) => setText(tab.path, value ?? '')}
            options={{ automaticLayout: true, minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, tabSize: 2 }} />
        )}
      </div>
    </main>
  );
}
