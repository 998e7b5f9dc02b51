import { useEffect, useState } from 'react';
import Editor from '@monaco-editor/react';
import { useEditorStore } from '../editor/editor-store.js';
import { useThemeStore } from '../layout/theme-store.js';
import { languageOf } from '../../monaco/setup-monaco.js';
import { useGitStore } from './git-store.js';
import { TextDiff } from './text-diff.js';
import './git.css';

function DiffPane() {
  const selected = useGitStore((s) => s.selected);
  const diff = useGitStore((s) => s.diff);
  const openFile = useEditorStore((s) => s.openFile);
  const loadHistory = useGitStore((s) => s.loadHistory);
  if (!selected) return <p className="muted git-empty">Select a changed file in the Git panel to see its diff.</p>;
  return (
    <div className="git-diff-pane">
      <div className="git-diff-header">
        <strong>{selected.path}</strong>
        <span className="muted">{selected.side === 'staged' ? 'HEAD ↔ staged' : 'staged ↔ working tree'}</span>
        <button type="button" className="link" onClick={() => void openFile(selected.path)}>Open file</button>
        <button type="button" className="link" onClick={() => void loadHistory(selected.path)}>File history</button>
      </div>
      {!diff || diff.path !== selected.path ? <p className="muted git-empty">Loading the diff…</p>
        : diff.binary ? <p className="muted git-empty">Binary file: no text diff.</p>
          : <TextDiff original={diff.oldText} modified={diff.newText} path={diff.path} modelKey={`${selected.side}/${diff.path}`} testId="git-diff" />}
    </div>
  );
}

function HistoryPane() {
  const history = useGitStore((s) => s.history);
  const scope = useGitStore((s) => s.historyScope);
  const loadHistory = useGitStore((s) => s.loadHistory);
  useEffect(() => { if (!useGitStore.getState().history.length) void loadHistory(useGitStore.getState().historyScope); }, [loadHistory]);
  return (
    <div className="git-history" data-testid="git-history">
      <div className="git-diff-header">
        <strong>History</strong>
        <span className="muted">{scope.startsWith('template:') ? `template ${scope.slice(9)}` : scope || 'all commits'}</span>
        {scope && <button type="button" className="link" onClick={() => void loadHistory('')}>all commits</button>}
      </div>
      <ol className="git-commits">
        {history.map((c) => (
          <li key={c.commit} data-testid="git-commit-entry">
            <code>{c.commit.slice(0, 7)}</code> <span className="git-commit-summary">{c.summary}</span>
            <span className="muted"> — {c.author.name}, {new Date(c.date).toLocaleString()}{c.parents.length > 1 ? ' (merge)' : ''}</span>
          </li>
        ))}
        {!history.length && <li className="muted">No commits.</li>}
      </ol>
    </div>
  );
}

function ConflictPane() {
  const conflict = useGitStore((s) => s.conflict)!;
  const setResolution = useGitStore((s) => s.setResolution);
  const completeMerge = useGitStore((s) => s.completeMerge);
  const abandon = useGitStore((s) => s.abandonMerge);
  const theme = useThemeStore((s) => (s.resolved === 'dark' ? 'vs-dark' : 'vs'));
  const [path, setPath] = useState(conflict.files[0]?.path ?? '');
  const file = conflict.files.find((f) => f.path === path) ?? conflict.files[0];
  const unresolved = Object.values(conflict.resolutions).filter((text) => text.includes('<<<<<<<')).length;
  return (
    <div className="git-conflict" data-testid="git-conflict">
      <div className="conflict-banner">
        The pull stopped: {conflict.files.filter((f) => !f.clean).length} file(s) changed on both sides. Nothing was changed yet. Edit the result below, then commit the merge.
        <button type="button" className="primary" disabled={unresolved > 0} data-testid="git-complete-merge" onClick={() => void completeMerge()}>
          {unresolved ? `${unresolved} file(s) still have conflict markers` : 'Commit merge'}
        </button>
        <button type="button" onClick={abandon}>Abandon</button>
      </div>
      <div className="row git-conflict-files">
        {conflict.files.map((f) => <button key={f.path} type="button" className={f.path === file?.path ? 'primary' : ''} onClick={() => setPath(f.path)}>{f.path}{f.clean ? ' (clean)' : ''}</button>)}
      </div>
      {file && (
        <div className="git-three">
          <section><h4>Base</h4><pre>{file.base ?? '(absent)'}</pre></section>
          <section><h4>Ours</h4><pre>{file.ours ?? '(deleted)'}</pre></section>
          <section><h4>Theirs</h4><pre>{file.theirs ?? '(deleted)'}</pre></section>
          <section className="git-result"><h4>Result</h4>
            <Editor value={conflict.resolutions[file.path] ?? ''} language={languageOf(file.path)} theme={theme} path={`merge://${file.path}`}
              onChange={(text) => setResolution(file.path, text ?? '')} options={{ minimap: { enabled: false }, automaticLayout: true, fontSize: 12 }} />
          </section>
        </div>
      )}
    </div>
  );
}

/** The Git main view: the selected file's diff, the history, and pull conflicts. */
export function GitView() {
  const conflict = useGitStore((s) => s.conflict !== null);
  const tab = useGitStore((s) => s.viewTab);
  const setTab = useGitStore((s) => s.setViewTab);
  const scope = useGitStore((s) => s.historyScope);
  if (conflict) return <ConflictPane />;
  return (
    <div className="git-view" data-testid="git-view">
      <div className="git-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'diff'} className={tab === 'diff' ? 'active' : ''} onClick={() => setTab('diff')}>Diff</button>
        <button type="button" role="tab" aria-selected={tab === 'history'} className={tab === 'history' ? 'active' : ''} data-testid="git-history-tab"
          onClick={() => { setTab('history'); void useGitStore.getState().loadHistory(scope); }}>History</button>
      </div>
      {tab === 'diff' ? <DiffPane /> : <HistoryPane />}
    </div>
  );
}
