import { useMemo } from 'react';
import type { DeltaEntry, Outcome } from '../../../../app/api/index.js';
import { useSimulationStore, type SimulationTab } from './simulation-store.js';
import { SimulationMatrixView, outcomeLabels } from './simulation-matrix.js';
import { FindingDetail } from './finding-detail.js';

function Toolbar() {
  const request = useSimulationStore((s) => s.request);
  const setRequest = useSimulationStore((s) => s.setRequest);
  const start = useSimulationStore((s) => s.start);
  const cancel = useSimulationStore((s) => s.cancel);
  const progress = useSimulationStore((s) => s.progress);
  const running = useSimulationStore((s) => s.runId !== null);
  return (
    <form className="simulation-toolbar" onSubmit={(e) => { e.preventDefault(); void start(); }}>
      <label>Baseline <input value={request.baselineRef ?? ''} onChange={(e) => setRequest({ baselineRef: e.target.value })} placeholder="none" size={10} aria-label="Baseline Git ref" /></label>
      <label>As of <input type="date" value={request.asOf ?? ''} onChange={(e) => setRequest({ asOf: e.target.value })} aria-label="As-of date" data-testid="as-of" /></label>
      <label className="check"><input type="checkbox" checked={request.includeDrafts ?? true} onChange={(e) => setRequest({ includeDrafts: e.target.checked })} /> Treat template drafts as published</label>
      {running ? (
        <>
          <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label="Simulation progress" />
          <span className="muted">{progress ? `${progress.done}/${progress.total} ${progress.message}` : ''}</span>
          <button type="button" onClick={() => void cancel()}>Cancel</button>
        </>
      ) : (
        <button type="submit" className="primary" data-testid="simulate">Simulate</button>
      )}
    </form>
  );
}

function Filters({ teams, templates }: { teams: string[]; templates: string[] }) {
  const filters = useSimulationStore((s) => s.filters);
  const setFilter = useSimulationStore((s) => s.setFilter);
  return (
    <div className="simulation-filters" role="search">
      <input value={filters.text} onChange={(e) => setFilter({ text: e.target.value })} placeholder="Filter services…" aria-label="Filter services" />
      <select value={filters.team} onChange={(e) => setFilter({ team: e.target.value })} aria-label="Team">
        <option value="">All teams</option>
        {teams.map((t) => <option key={t} value={t}>{t}</option>)}
      </select>
      <select value={filters.template} onChange={(e) => setFilter({ template: e.target.value })} aria-label="Template">
        <option value="">All templates</option>
        {templates.map((t) => <option key={t} value={t}>{t}</option>)}
      </select>
      <select value={filters.outcome} onChange={(e) => setFilter({ outcome: e.target.value as Outcome | '' })} aria-label="Outcome" data-testid="outcome-filter">
        <option value="">Any outcome</option>
        {(['deny', 'error', 'warn', 'not-evaluated', 'audit'] as const).map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </div>
  );
}

function DeltaList({ title, entries, testId }: { title: string; entries: DeltaEntry[]; testId: string }) {
  const select = useSimulationStore((s) => s.select);
  const setTab = useSimulationStore((s) => s.setTab);
  return (
    <section className="delta-group" data-testid={testId}>
      <h3>{title} <span className="count">{entries.length}</span></h3>
      {entries.length === 0 ? <p className="muted">None.</p> : (
        <ul>
          {entries.map((e) => (
            <li key={`${e.service}/${e.environment}/${e.policy}`}>
              <button type="button" className="link" onClick={() => { select({ service: e.service, environment: e.environment, policy: e.policy }); setTab('matrix'); }}>
                {e.service} ({e.environment})
              </button>{' '}
              <span className={`pill outcome-${e.before}`}>{outcomeLabels[e.before]}</span> → <span className={`pill outcome-${e.after}`}>{outcomeLabels[e.after]}</span>{' '}
              <strong>{e.policy}</strong> <span className="muted">{e.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The simulation tab: controls, the matrix, what changes against the baseline, and the rollout timeline. */
export function SimulationView() {
  const result = useSimulationStore((s) => s.result);
  const tab = useSimulationStore((s) => s.tab);
  const setTab = useSimulationStore((s) => s.setTab);
  const selected = useSimulationStore((s) => s.selected);
  const exportReport = useSimulationStore((s) => s.exportReport);
  const lastUpdate = useSimulationStore((s) => s.lastUpdate);
  const teams = useMemo(() => [...new Set(result?.proposed.rows.map((r) => r.team).filter(Boolean))].sort(), [result]);
  const templates = useMemo(() => [...new Set(result?.proposed.rows.map((r) => r.template))].sort(), [result]);
  const selectedRow = selected && result?.proposed.rows.find((r) => r.service === selected.service && r.environment === selected.environment);
  const tabs: [SimulationTab, string][] = [['matrix', 'Matrix'], ['changes', `Changes vs ${result?.baseline?.state.ref ?? 'baseline'}`], ['timeline', 'Timeline']];
  return (
    <div className="simulation-view">
      <Toolbar />
      {!result ? (
        <p className="muted simulation-empty">Run a simulation to see every service against every policy.</p>
      ) : (
        <>
          <div className="simulation-summary">
            <span>As of {result.proposed.asOf}: {result.stats.evaluations} service-environments, {result.stats.policies} policies, {result.stats.ms} ms ({result.stats.renders} rendered, {result.stats.cachedRenders} from cache){lastUpdate === 'incremental' ? ' · updated after a file change' : ''}</span>
            <span className="spacer" />
            <span className="muted">Export</span>
            {(['markdown', 'html', 'json', 'sarif', 'junit'] as const).map((f) => (
              <button key={f} type="button" onClick={() => void exportReport(f)} data-testid={`export-${f}`}>{f === 'markdown' ? 'Markdown' : f.toUpperCase()}</button>
            ))}
          </div>
          {result.proposed.problems.length > 0 && (
            <details className="problems"><summary>{result.proposed.problems.length} problem(s) in workspace files</summary><ul>{result.proposed.problems.map((p) => <li key={p}>{p}</li>)}</ul></details>
          )}
          <div className="sub-tabs" role="tablist">
            {tabs.map(([id, label]) => (
              <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`tab-${id}`}>{label}</button>
            ))}
          </div>
          {tab === 'matrix' && (
            <div className="simulation-body">
              <div className="simulation-main">
                <Filters teams={teams} templates={templates} />
                <SimulationMatrixView matrix={result.proposed} />
              </div>
              {selectedRow && <FindingDetail row={selectedRow} policy={selected?.policy} />}
            </div>
          )}
          {tab === 'changes' && (
            result.delta ? (
              <div className="delta">
                <DeltaList title="Newly denied" entries={result.delta.newlyDenied} testId="newly-denied" />
                <DeltaList title="Newly warned" entries={result.delta.newlyWarned} testId="newly-warned" />
                <DeltaList title="Fixed" entries={result.delta.fixed} testId="fixed" />
              </div>
            ) : <p className="muted">Set a baseline (a Git ref such as HEAD) and simulate again to compare.</p>
          )}
          {tab === 'timeline' && (
            <ol className="timeline" data-testid="timeline">
              {result.timeline.length === 0 && <li className="muted">No rollout dates after {result.proposed.asOf}.</li>}
              {result.timeline.map((event) => (
                <li key={event.date}>
                  <strong>{event.summary}</strong>
                  {event.becomeBlocked.length > 0 && <div>Blocked: {event.becomeBlocked.join(', ')}</div>}
                  {event.becomeWarned.length > 0 && <div className="muted">Warned: {event.becomeWarned.join(', ')}</div>}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
