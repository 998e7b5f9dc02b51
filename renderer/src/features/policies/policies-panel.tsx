import { Explorer } from '../workspace/explorer.js';
import { useLayoutStore } from '../layout/layout-store.js';
import { useSimulationStore } from '../simulation/simulation-store.js';
import { outcomeLabels } from '../simulation/simulation-matrix.js';
import { worstOutcome } from '../simulation/visible-rows.js';

/** The Policies activity: the policy files, and the way into the catalogue-wide simulation. */
export function PoliciesPanel() {
  const openView = useLayoutStore((s) => s.openView);
  const result = useSimulationStore((s) => s.result);
  const running = useSimulationStore((s) => s.runId !== null);
  const start = useSimulationStore((s) => s.start);
  const counts = new Map<string, number>();
  for (const row of result?.proposed.rows ?? []) {
    const worst = worstOutcome(row);
    counts.set(worst, (counts.get(worst) ?? 0) + 1);
  }
  return (
    <>
      <section className="panel-section">
        <h3>Simulation</h3>
        <p className="muted">Every policy against every service's rendered manifests, now versus the proposed change.</p>
        <div className="row">
          <button type="button" className="primary" data-testid="run-simulation" disabled={running}
            onClick={() => { openView('simulation'); void start(); }}>
            {running ? 'Simulating…' : 'Simulate all services'}
          </button>
          {result && <button type="button" onClick={() => openView('simulation')}>Show results</button>}
        </div>
        {result && (
          <p className="summary">
            {(['deny', 'error', 'warn', 'not-evaluated', 'allow'] as const).map((o) => (
              <span key={o} className={`pill outcome-${o}`}>{counts.get(o) ?? 0} {outcomeLabels[o]}</span>
            ))}
          </p>
        )}
      </section>
      <Explorer groups={['policies']} />
    </>
  );
}
