import { useEffect, useRef, useState } from 'react';
import { useWorkspaceStore } from './workspace-store.js';
import { useLayoutStore } from '../layout/layout-store.js';

/** Open folder, open recent and create-sample, from the top bar. */
export function WorkspaceMenu() {
  const open = useLayoutStore((s) => s.workspaceMenu);
  const setOpen = useLayoutStore((s) => s.setWorkspaceMenu);
  const info = useWorkspaceStore((s) => s.info);
  const recent = useWorkspaceStore((s) => s.recent);
  const openWorkspace = useWorkspaceStore((s) => s.open);
  const [path, setPath] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { if (open) input.current?.focus(); }, [open]);
  return (
    <div className="workspace-menu">
      <button type="button" className="workspace-name" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="workspace-menu">
        {info ? info.name : 'No workspace'} ▾
      </button>
      {open && (
        <div className="menu" role="dialog" aria-label="Workspaces" onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
          <form onSubmit={(e) => { e.preventDefault(); if (path.trim()) { void openWorkspace(path.trim()); setOpen(false); } }}>
            <label htmlFor="menu-open-path">Open folder</label>
            <div className="row">
              <input id="menu-open-path" ref={input} value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/workspace" />
              <button type="submit">Open</button>
            </div>
          </form>
          <h4>Open recent</h4>
          <ul>
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" onClick={() => { void openWorkspace(r.path); setOpen(false); }} title={r.path}>
                  {r.name} <span className="muted">{r.path}</span>
                </button>
              </li>
            ))}
            {recent.length === 0 && <li className="muted">Nothing yet.</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
