import { useEffect, useMemo, useState } from 'react';
import type { GitFileStatus } from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { useLayoutStore } from '../layout/layout-store.js';
import { useWorkspaceStore } from '../workspace/workspace-store.js';
import { connectGitEvents, useGitStore } from './git-store.js';
import { CredentialsPrompt } from './credentials-prompt.js';
import './git.css';

const stateLabel: Record<string, string> = { M: 'modified', A: 'added', D: 'deleted', T: 'type changed', U: 'conflicted', '?': 'untracked' };

/** Keeps the Git state fresh while the Git activity is on screen. */
function useGitLiveState() {
  const root = useWorkspaceStore((s) => s.info?.root);
  useEffect(() => { useGitStore.setState({ selected: null, diff: null, history: [], conflict: null, notice: null }); void useGitStore.getState().refresh(); }, [root]);
  useEffect(() => {
    const offProgress = connectGitEvents();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const offFiles = api.workspace.onDidChangeFiles(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void useGitStore.getState().refresh(), 150);
    });
    return () => { offProgress(); offFiles(); clearTimeout(timer); };
  }, []);
}

function FileRow({ file, side }: { file: GitFileStatus; side: 'staged' | 'unstaged' }) {
  const selected = useGitStore((s) => s.selected?.path === file.path && s.selected.side === side);
  const select = useGitStore((s) => s.select);
  const stage = useGitStore((s) => s.stage);
  const unstage = useGitStore((s) => s.unstage);
  const discard = useGitStore((s) => s.discard);
  const openView = useLayoutStore((s) => s.openView);
  const letter = side === 'staged' ? file.staged : file.workTree;
  return (
    <li className={`git-file${selected ? ' selected' : ''}`} data-testid={`git-file-${side}`} data-path={file.path}>
      <button type="button" className="git-file-name" title={`${file.path} (${stateLabel[letter] ?? letter})`}
        onClick={() => { openView('git-changes'); void select({ path: file.path, side }); }}>
        <span className="git-file-base">{file.path.split('/').pop()}</span> <span className="muted">{file.path.split('/').slice(0, -1).join('/')}</span>
      </button>
      <span className={`git-letter git-letter-${letter === '?' ? 'U' : letter}`} aria-label={stateLabel[letter]}>{letter}</span>
      {side === 'unstaged' ? (
        <>
          <button type="button" className="icon" title="Discard changes" aria-label={`Discard changes to ${file.path}`} data-testid="git-discard"
            onClick={() => { if (window.confirm(`Discard your changes to ${file.path}? This cannot be undone.`)) void discard([file.path]); }}>↺</button>
          <button type="button" className="icon" title="Stage" aria-label={`Stage ${file.path}`} data-testid="git-stage" onClick={() => void stage([file.path])}>+</button>
        </>
      ) : (
        <button type="button" className="icon" title="Unstage" aria-label={`Unstage ${file.path}`} data-testid="git-unstage" onClick={() => void unstage([file.path])}>−</button>
      )}
    </li>
  );
}

function BranchPicker() {
  const branches = useGitStore((s) => s.branches);
  const current = useGitStore((s) => s.status?.branch);
  const switchBranch = useGitStore((s) => s.switchBranch);
  const createBranch = useGitStore((s) => s.createBranch);
  const deleteBranch = useGitStore((s) => s.deleteBranch);
  const [name, setName] = useState('');
  return (
    <section className="panel-section">
      <h3>Branch</h3>
      <div className="row">
        <select value={current ?? ''} aria-label="Current branch" data-testid="git-branch" onChange={(e) => void switchBranch(e.target.value)}>
          {!current && <option value="">(detached HEAD)</option>}
          {branches.map((b) => <option key={b.name} value={b.name}>{b.name}</option>)}
        </select>
        <button type="button" title="Delete a branch" disabled={branches.length < 2} onClick={() => {
          const victim = window.prompt(`Delete which branch? (${branches.filter((b) => !b.current).map((b) => b.name).join(', ')})`);
          if (victim) void deleteBranch(victim);
        }}>Delete…</button>
      </div>
      <form className="row git-new-branch" onSubmit={(e) => { e.preventDefault(); if (name.trim()) { void createBranch(name.trim()); setName(''); } }}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="new-branch-name" aria-label="New branch name" />
        <button type="submit" disabled={!name.trim()}>Create</button>
      </form>
    </section>
  );
}

function AddRemoteForm() {
  const addRemote = useGitStore((s) => s.addRemote);
  const [name, setName] = useState('origin');
  const [url, setUrl] = useState('');
  return (
    <section className="panel-section">
      <h3>Remote</h3>
      <p className="muted">No remote yet. Add the repository your team pushes to.</p>
      <form className="git-add-remote" onSubmit={(e) => { e.preventDefault(); if (url.trim()) void addRemote(name, url).then((ok) => { if (ok) setUrl(''); }); }}>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Remote name" size={8} />
        <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://git.example.com/platform.git" aria-label="Remote URL" data-testid="remote-url" />
        <button type="submit" data-testid="add-remote">Add</button>
      </form>
    </section>
  );
}

function RemoteBar() {
  const remotes = useGitStore((s) => s.remotes);
  const remoteOp = useGitStore((s) => s.remoteOp);
  const runRemote = useGitStore((s) => s.runRemote);
  const notice = useGitStore((s) => s.notice);
  if (!remotes.length) return <AddRemoteForm />;
  const progress = remoteOp?.progress;
  return (
    <section className="panel-section">
      <h3>Remote <span className="muted git-remote-url">{remotes[0]!.url}</span></h3>
      <div className="row">
        {(['fetch', 'pull', 'push'] as const).map((op) => (
          <button key={op} type="button" data-testid={`git-${op}`} disabled={!!remoteOp} onClick={() => void runRemote(op)}>{op[0]!.toUpperCase() + op.slice(1)}</button>
        ))}
      </div>
      {remoteOp && (
        <div className="git-progress" data-testid="git-progress" role="status">
          <progress max={progress?.total ?? 1} value={progress?.total ? progress.loaded : undefined} aria-label={`${remoteOp.operation} progress`} />
          <span className="muted">{remoteOp.operation}: {progress ? `${progress.phase} ${progress.total ? `${progress.loaded}/${progress.total}` : progress.loaded}` : 'connecting…'}</span>
        </div>
      )}
      {notice && <p className="git-notice" data-testid="git-notice" role="status">{notice}</p>}
    </section>
  );
}

function CommitBox() {
  const message = useGitStore((s) => s.message);
  const setMessage = useGitStore((s) => s.setMessage);
  const commit = useGitStore((s) => s.commit);
  const busy = useGitStore((s) => s.busy);
  const stagedCount = useGitStore((s) => s.status?.files.filter((f) => f.staged !== ' ').length ?? 0);
  const submit = () => { if (message.trim() && stagedCount) void commit(); };
  return (
    <section className="panel-section git-commit">
      <textarea value={message} onChange={(e) => setMessage(e.target.value)} placeholder="Commit message: why this change?" aria-label="Commit message" data-testid="git-commit-message" rows={3}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(); } }} />
      <button type="button" className="primary" data-testid="git-commit" disabled={!message.trim() || !stagedCount || !!busy} onClick={submit}>
        {busy ?? `Commit ${stagedCount} staged file${stagedCount === 1 ? '' : 's'}`}
      </button>
    </section>
  );
}

/** The Git activity: branch, remote, commit box and the changes list. */
export function GitPanel() {
  useGitLiveState();
  const files = useGitStore((s) => s.status?.files);
  const staged = useMemo(() => files?.filter((f) => f.staged !== ' ') ?? [], [files]);
  const unstaged = useMemo(() => files?.filter((f) => f.workTree !== ' ') ?? [], [files]);
  const loaded = files !== undefined;
  const stage = useGitStore((s) => s.stage);
  const unstage = useGitStore((s) => s.unstage);
  const openView = useLayoutStore((s) => s.openView);
  const notRepository = useGitStore((s) => s.notRepository);
  const initGit = useWorkspaceStore((s) => s.initGit);
  if (notRepository) {
    return (
      <div className="git-panel" data-testid="git-panel">
        <section className="panel-section">
          <h3>Git</h3>
          <p>This workspace is not a Git repository yet. Versions, history and sharing all need one.</p>
          <button type="button" className="primary" data-testid="git-init" onClick={() => void initGit().then(() => useGitStore.getState().refresh())}>Initialize a Git repository</button>
        </section>
      </div>
    );
  }
  return (
    <div className="git-panel" data-testid="git-panel">
      <BranchPicker />
      <RemoteBar />
      <CommitBox />
      <section className="panel-section">
        <h3>Staged <span className="count">{staged.length}</span>
          {staged.length > 0 && <button type="button" className="link" onClick={() => void unstage(staged.map((f) => f.path))}>unstage all</button>}</h3>
        <ul className="git-files">{staged.map((f) => <FileRow key={f.path} file={f} side="staged" />)}</ul>
        <h3>Changes <span className="count">{unstaged.length}</span>
          {unstaged.length > 0 && <button type="button" className="link" data-testid="git-stage-all" onClick={() => void stage(unstaged.map((f) => f.path))}>stage all</button>}</h3>
        {loaded && !staged.length && !unstaged.length && <p className="muted" data-testid="git-clean">No uncommitted changes.</p>}
        <ul className="git-files">{unstaged.map((f) => <FileRow key={f.path} file={f} side="unstaged" />)}</ul>
      </section>
      <section className="panel-section">
        <button type="button" data-testid="git-open-history" onClick={() => { openView('git-changes'); void useGitStore.getState().loadHistory(''); }}>History</button>
      </section>
      <CredentialsPrompt />
    </div>
  );
}
