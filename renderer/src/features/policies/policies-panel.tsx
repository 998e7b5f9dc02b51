import { useEffect, useState } from 'react';
import type { PolicySummary } from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { withErrorReport } from '../errors/error-store.js';
import { useEditorStore } from '../editor/editor-store.js';
import { useLayoutStore } from '../layout/layout-store.js';
import { useSimulationStore } from '../simulation/simulation-store.js';
import { outcomeLabels } from '../simulation/simulation-matrix.js';
import { worstOutcome } from '../simulation/visible-rows.js';

const engineLabels: Record<string, string> = {
  ValidatingAdmissionPolicy: 'VAP', Gatekeeper: 'Gatekeeper', KyvernoValidatingPolicy: 'Kyverno', KyvernoClusterPolicy: 'Kyverno', TemplatePolicy: 'Template',
};

/** "Deny", "Warn → Deny from 2027-01-15": what a policy does, over all its bindings. */
function actionsOf(policy: PolicySummary): string {
  const words = new Set<string>();
  for (const binding of policy.bindings) {
    const actions = binding.actions.filter((a) => !(binding.denyFrom && a === 'Deny')).join('+');
    words.add(binding.denyFrom ? `${actions || 'Warn'} → Deny from ${binding.denyFrom}` : actions);
  }
  return [...words].filter(Boolean).join(', ') || 'no action';
}

/** The workspace's policies, kept current as policy files change. */
function usePolicies(): PolicySummary[] | null {
  const [policies, setPolicies] = useState<PolicySummary[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const list = await withErrorReport('Reading the policies', () => api.simulation.listPolicies());
      if (live && list) setPolicies(list);
    };
    void load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.workspace.onDidChangeFiles((changes) => {
      if (!changes.some((c) => c.path.startsWith('policies/'))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 300);
    });
    return () => { live = false; off(); clearTimeout(timer); };
  }, []);
  return policies;
}

/** The Policies activity: the way into the catalogue-wide simulation, and every policy with what it does. */
export function PoliciesPanel() {
  const openView = useLayoutStore((s) => s.openView);
  const openFile = useEditorStore((s) => s.openFile);
  const result = useSimulationStore((s) => s.result);
  const running = useSimulationStore((s) => s.runId !== null);
  const start = useSimulationStore((s) => s.start);
  const policies = usePolicies();
  const counts = new Map<string, number>();
  const perPolicy = new Map<string, { deny: number; warn: number }>();
  for (const row of result?.proposed.rows ?? []) {
    const worst = worstOutcome(row);
    counts.set(worst, (counts.get(worst) ?? 0) + 1);
    for (const [policy, outcome] of Object.entries(row.cells)) {
      const entry = perPolicy.get(policy) ?? { deny: 0, warn: 0 };
      if (outcome === 'deny' || outcome === 'error') entry.deny++;
      if (outcome === 'warn') entry.warn++;
      perPolicy.set(policy, entry);
    }
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
      <section className="panel-section policy-list" data-testid="policy-list">
        <h3>Policies {policies ? policies.length : ''}</h3>
        {!policies && <p className="muted">Reading the policies…</p>}
        {policies?.length === 0 && <p className="muted">No policies yet: add ValidatingAdmissionPolicies, Gatekeeper templates, Kyverno policies or TemplatePolicies under policies/.</p>}
        <ul>
          {policies?.map((policy) => {
            const seen = perPolicy.get(policy.name);
            const status = policy.problems.length ? `${policy.problems.length} problem${policy.problems.length === 1 ? '' : 's'}: ${policy.problems[0]}` : policy.notEvaluated;
            return (
              <li key={policy.name} data-policy={policy.name}>
                <button type="button" className="policy-entry" title={`${policy.file}${status ? `\n${status}` : ''}`} onClick={() => void openFile(policy.file)}>
                  <span className="policy-name">{policy.name}</span>
                  <span className="engine-badge">{engineLabels[policy.engine] ?? policy.engine}</span>
                  <span className="policy-actions muted">{actionsOf(policy)}</span>
                  {seen && (seen.deny > 0 || seen.warn > 0) && (
                    <span className="policy-counts">
                      {seen.deny > 0 && <span className="pill outcome-deny">{seen.deny} deny</span>}
                      {seen.warn > 0 && <span className="pill outcome-warn">{seen.warn} warn</span>}
                    </span>
                  )}
                  {status && <span className={`policy-status ${policy.problems.length ? 'problem' : 'not-evaluated'}`}>{policy.problems.length ? status : `not evaluated offline: ${status}`}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
