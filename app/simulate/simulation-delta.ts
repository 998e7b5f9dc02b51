import { outcomeRank, type DeltaEntry, type SimulationDelta, type SimulationMatrix } from '../api/simulation-types.js';

/**
 * What the proposed state changes against the baseline, per service,
 * environment and policy: what becomes denied, what becomes warned, what is fixed.
 */
export function compareMatrices(baseline: SimulationMatrix, proposed: SimulationMatrix): SimulationDelta {
  const delta: SimulationDelta = { newlyDenied: [], newlyWarned: [], fixed: [] };
  const before = new Map(baseline.rows.map((row) => [`${row.service}\0${row.environment}`, row]));
  for (const row of proposed.rows) {
    const old = before.get(`${row.service}\0${row.environment}`);
    const policies = new Set([...Object.keys(row.cells), ...Object.keys(old?.cells ?? {})]);
    if (row.renderError && !old?.renderError) policies.add('(render)');
    for (const policy of policies) {
      const was = policy === '(render)' ? (old?.renderError ? 'error' : 'allow') : old?.cells[policy] ?? 'allow';
      const now = policy === '(render)' ? 'error' : row.cells[policy] ?? 'allow';
      if (was === now) continue;
      const message = policy === '(render)' ? row.renderError ?? '' : row.findings.find((f) => f.policy === policy && f.outcome === now)?.message
        ?? old?.findings.find((f) => f.policy === policy && f.outcome === was)?.message ?? '';
      const entry: DeltaEntry = { service: row.service, environment: row.environment, policy, before: was, after: now, message };
      if ((now === 'deny' || now === 'error') && outcomeRank[now] < outcomeRank[was]) delta.newlyDenied.push(entry);
      else if (now === 'warn' && outcomeRank[now] < outcomeRank[was]) delta.newlyWarned.push(entry);
      else if (outcomeRank[now] > outcomeRank[was] && (was === 'deny' || was === 'error' || was === 'warn')) delta.fixed.push(entry);
    }
  }
  return delta;
}
