import { useEffect } from 'react';
import { useClusterStore } from './cluster-store.js';

/** The status bar's cluster picker: kubeconfig contexts plus the demo cluster, with reachability and the reason a context fails. */
export function ClusterPicker() {
  const contexts = useClusterStore((s) => s.contexts);
  const loading = useClusterStore((s) => s.loading);
  const open = useClusterStore((s) => s.open);
  const setOpen = useClusterStore((s) => s.setOpen);
  const select = useClusterStore((s) => s.select);
  const refresh = useClusterStore((s) => s.refresh);
  useEffect(() => {
    void refresh();
    // The demo cluster starts in the background: look again shortly after launch.
    const timer = setTimeout(() => void refresh(), 4000);
    return () => clearTimeout(timer);
  }, [refresh]);
  const selected = contexts?.contexts.find((c) => c.name === contexts.selected);
  return (
    <span className="cluster-picker">
      <button type="button" className="status-action" aria-haspopup="listbox" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="cluster-picker">
        <span className={`dot ${selected?.reachable ? 'up' : 'down'}`} aria-hidden="true" />
        {selected ? selected.name : contexts ? 'No cluster' : 'Clusters…'}
      </button>
      {open && (
        <div className="cluster-menu" role="listbox" aria-label="Kubernetes contexts" onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }} data-testid="cluster-menu">
          <header>
            <strong>Kubernetes contexts</strong>
            <button type="button" onClick={() => void refresh()} disabled={loading}>{loading ? 'Checking…' : 'Check again'}</button>
          </header>
          {contexts?.contexts.length === 0 && <p className="muted">No contexts. Paver reads KUBECONFIG or ~/.kube/config.</p>}
          <ul>
            {contexts?.contexts.map((c) => (
              <li key={c.name} role="option" aria-selected={c.name === contexts.selected} data-context={c.name}>
                <button type="button" onClick={() => void select(c.name)} disabled={!!c.error && !c.reachable && c.name !== contexts.selected && c.error.code === 'InvalidFileError'}>
                  <span className={`dot ${c.reachable ? 'up' : 'down'}`} aria-hidden="true" />
                  <span className="context-name">{c.name}{c.demo ? ' (demo cluster)' : ''}{c.name === contexts.selected ? ' ✓' : ''}</span>
                  <span className="muted context-server">{c.server}{c.reachable && c.serverVersion ? ` · ${c.serverVersion} · ${c.latencyMs} ms` : ''}</span>
                  {!c.reachable && c.error && <span className="context-error" data-testid="context-error">{c.error.message}</span>}
                </button>
              </li>
            ))}
          </ul>
          {contexts && <p className="muted files">Read from {contexts.files.join(', ') || 'no kubeconfig file'}{contexts.notes.length ? ` · ${contexts.notes.join(' ')}` : ''}</p>}
        </div>
      )}
    </span>
  );
}
