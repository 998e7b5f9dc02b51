import { useEffect, useMemo } from 'react';
import { api } from '../../api/client.js';
import { useEditorStore } from '../editor/editor-store.js';
import { useLayoutStore } from '../layout/layout-store.js';
import { useServicesStore } from './services-store.js';
import './services.css';

/** The service × environment × template version table, with filters and "behind the latest" badges. */
export function ServicesTable() {
  const table = useServicesStore((s) => s.table);
  const filters = useServicesStore((s) => s.filters);
  const setFilter = useServicesStore((s) => s.setFilter);
  const chosen = useServicesStore((s) => s.chosen);
  const toggleChosen = useServicesStore((s) => s.toggleChosen);
  const openUpgrade = useServicesStore((s) => s.openUpgrade);
  const openView = useLayoutStore((s) => s.openView);
  const openFile = useEditorStore((s) => s.openFile);
  useEffect(() => {
    void useServicesStore.getState().load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.workspace.onDidChangeFiles((changes) => {
      if (!changes.some((c) => c.path.startsWith('services/') || c.path.startsWith('templates/'))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void useServicesStore.getState().load(), 300);
    });
    return () => { off(); clearTimeout(timer); };
  }, []);
  const rows = useMemo(() => (table?.rows ?? []).filter((r) => (!filters.template || r.template === filters.template)
    && (!filters.version || r.resolved === filters.version) && (!filters.team || r.team === filters.team) && (!filters.behindOnly || r.behindLatest)), [table, filters]);
  const versions = table?.templates.find((t) => t.name === filters.template)?.versions ?? [...new Set(table?.rows.map((r) => r.resolved).filter((v): v is string => !!v))].sort();
  const chosenTemplates = [...new Set(table?.rows.filter((r) => chosen.includes(r.service)).map((r) => r.template))];
  if (!table) return <p className="muted services-empty">Reading services and template versions…</p>;
  return (
    <div className="services-view" data-testid="services-table">
      <div className="services-toolbar" role="search">
        <select value={filters.template} onChange={(e) => setFilter({ template: e.target.value })} aria-label="Template" data-testid="filter-template">
          <option value="">All templates</option>
          {table.templates.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
        </select>
        <select value={filters.version} onChange={(e) => setFilter({ version: e.target.value })} aria-label="Version" data-testid="filter-version">
          <option value="">Any version</option>
          {versions.map((v) => <option key={v} value={v}>v{v}</option>)}
        </select>
        <select value={filters.team} onChange={(e) => setFilter({ team: e.target.value })} aria-label="Team" data-testid="filter-team">
          <option value="">All teams</option>
          {table.teams.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
        <label className="check"><input type="checkbox" checked={filters.behindOnly} onChange={(e) => setFilter({ behindOnly: e.target.checked })} /> Behind the latest only</label>
        <span className="muted">{rows.length} row(s)</span>
        <button type="button" className="primary" data-testid="open-upgrade" disabled={chosenTemplates.length !== 1}
          title={chosenTemplates.length > 1 ? 'Choose services of one template' : 'Tick services to upgrade'}
          onClick={() => { openUpgrade(chosenTemplates[0]!, chosen); openView(`upgrade:${chosenTemplates[0]}`); }}>
          Upgrade {chosen.length ? `${chosen.length} service(s)` : ''}…
        </button>
      </div>
      <div className="services-scroll">
        <table className="services-grid">
          <thead><tr><th aria-label="Choose" /><th>Service</th><th>Environment</th><th>Team</th><th>Template</th><th>Requested</th><th>Version</th><th>Latest</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.service}/${r.environment}`} data-testid="service-row" data-service={r.service} data-environment={r.environment} className={chosen.includes(r.service) ? 'chosen' : ''}>
                <td><input type="checkbox" checked={chosen.includes(r.service)} onChange={() => toggleChosen(r.service)} aria-label={`Choose ${r.service}`} data-testid="choose-service" /></td>
                <td><button type="button" className="link" onClick={() => void openFile(r.file)}>{r.service}</button></td>
                <td>{r.environment}</td>
                <td>{r.team ?? <span className="muted">—</span>}</td>
                <td>{r.template}</td>
                <td><code>{r.requested}</code></td>
                <td>{r.resolved ? `v${r.resolved}` : <span className="badge unresolved">unresolved</span>}</td>
                <td>{r.latest ? `v${r.latest}` : '—'} {r.behindLatest && <span className="badge behind" data-testid="behind-badge">behind</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
