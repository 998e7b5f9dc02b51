import Editor, { DiffEditor, type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { languageOf } from '../../monaco/setup-monaco.js';
import { useEditorStore, isDirty, type EditorTab } from './editor-store.js';
import { useThemeStore } from '../layout/theme-store.js';
import { useLayoutStore } from '../layout/layout-store.js';
import { parseViewId, viewRegistry } from '../layout/view-registry.js';

function ViewTabs() {
  const views = useLayoutStore((s) => s.views);
  const activeView = useLayoutStore((s) => s.activeView);
  const openView = useLayoutStore((s) => s.openView);
  const closeView = useLayoutStore((s) => s.closeView);
  return (
    <>
      {views.map((id) => {
        const { kind, argument } = parseViewId(id);
        const title = viewRegistry[kind]?.title(argument) ?? id;
        return (
          <div key={id} role="tab" aria-selected={id === activeView} className={`tab view-tab${id === activeView ? ' active' : ''}`} data-view={id}>
            <button type="button" className="tab-title" onClick={() => openView(id)}>{title}</button>
            <button type="button" className="tab-close" aria-label={`Close ${title}`} onClick={() => closeView(id)}>×</button>
          </div>
        );
      })}
    </>
  );
}

function Tabs() {
  // Select strings, not fresh objects, so the shallow comparison can see that nothing changed.
  const keys = useEditorStore(useShallow((s) => s.tabs.map((t) => `${isDirty(t) ? 1 : 0}${t.conflict ? 1 : 0}${t.path}`)));
  const tabs = keys.map((key) => ({ dirty: key[0] === '1', conflict: key[1] === '1', path: key.slice(2) }));
  const active = useEditorStore((s) => s.active);
  const activeView = useLayoutStore((s) => s.activeView);
  const activate = useEditorStore((s) => s.activate);
  const closeTab = useEditorStore((s) => s.closeTab);
  return (
    <div className="tabs" role="tablist" aria-label="Open files and views">
      <ViewTabs />
      {tabs.map((tab) => (
        <div key={tab.path} role="tab" aria-selected={!activeView && tab.path === active} className={`tab${!activeView && tab.path === active ? ' active' : ''}`} data-path={tab.path}>
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

/** Scrolls the editor to a line another view asked for (a finding's template line, say). */
function useRevealLine(path: string) {
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const reveal = useEditorStore((s) => s.reveal);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal || reveal.path !== path) return;
    editor.revealLineInCenter(reveal.line);
    editor.setSelection({ startLineNumber: reveal.line, startColumn: 1, endLineNumber: reveal.line, endColumn: editor.getModel()?.getLineMaxColumn(reveal.line) ?? 1 });
    editor.focus();
  }, [reveal, path]);
  return editorRef;
}

/** File editor tabs and view tabs; Monaco with the on-disk conflict view. */
export function EditorArea() {
  const tab = useEditorStore((s) => s.tabs.find((t) => t.path === s.active));
  const setText = useEditorStore((s) => s.setText);
  const activeView = useLayoutStore((s) => s.activeView);
  const hasViews = useLayoutStore((s) => s.views.length > 0);
  const monacoTheme = useThemeStore((s) => (s.resolved === 'dark' ? 'vs-dark' : 'vs'));
  const editorRef = useRevealLine(tab?.path ?? '');
  if (activeView) {
    const { kind, argument } = parseViewId(activeView);
    return (
      <main className="editor-area">
        <Tabs />
        <div className="view-host" data-testid="view" data-view={activeView}>{viewRegistry[kind]?.render(argument)}</div>
      </main>
    );
  }
  if (!tab) {
    return (
      <main className={`editor-area${hasViews ? '' : ' empty'}`}>
        {hasViews && <Tabs />}
        <p className="muted empty-hint">Open a file from the explorer, or press <kbd>Ctrl</kbd>+<kbd>P</kbd> to find one.</p>
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
            onMount={(editor) => {
              editorRef.current = editor;
              const reveal = useEditorStore.getState().reveal;
              if (reveal?.path === tab.path) useEditorStore.getState().revealLine(reveal.path, reveal.line);
            }}
            options={{ automaticLayout: true, minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, tabSize: 2 }} />
        )}
      </div>
    </main>
  );
}
