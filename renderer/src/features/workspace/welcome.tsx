import { useState } from 'react';
import { useWorkspaceStore } from './workspace-store.js';

/** Shown when no workspace is open: open a folder, a recent one, or create the sample. */
export function Welcome() {
  const recent = useWorkspaceStore((s) => s.recent);
  const open = useWorkspaceStore((s) => s.open);
  const createSample = useWorkspaceStore((s) => s.createSample);
  const [path, setPath] = useState('');
  const [samplePath, setSamplePath] = useState('');
  return (
    <div className="welcome">
      <h1>Paver</h1>
      <p>Golden-path templates for Kubernetes, changed safely for years.</p>
      <form onSubmit={(e) => { e.preventDefault(); if (path.trim()) void open(path.trim()); }}>
        <label htmlFor="open-path">Open a workspace folder</label>
        <div className="row">
          <input id="open-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/platform-repo" />
          <button type="submit">Open</button>
        </div>
      </form>
      <form onSubmit={(e) => { e.preventDefault(); if (samplePath.trim()) void createSample(samplePath.trim()); }}>
        <label htmlFor="sample-path">Create the sample workspace (a Git repository with published versions)</label>
        <div className="row">
          <input id="sample-path" value={samplePath} onChange={(e) => setSamplePath(e.target.value)} placeholder="/path/to/new/folder" />
          <button type="submit">Create</button>
        </div>
      </form>
      {recent.length > 0 && (
        <section>
          <h2>Recent</h2>
          <ul className="recent">
            {recent.map((r) => (
              <li key={r.path}><button type="button" onClick={() => void open(r.path)}>{r.name}</button> <span className="muted">{r.path}</span></li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
