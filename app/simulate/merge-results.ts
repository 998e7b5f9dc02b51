import type { SimulationMatrix, SimulationResult, TimelineEvent } from '../api/simulation-types.js';
import { compareMatrices } from './simulation-delta.js';

function mergeMatrix(previous: SimulationMatrix, partial: SimulationMatrix, services: Set<string>): SimulationMatrix {
  const rows = [...previous.rows.filter((r) => !services.has(r.service)), ...partial.rows]
    .sort((a, b) => a.service.localeCompare(b.service) || a.environment.localeCompare(b.environment));
  const policies = new Set([...previous.policies, ...partial.policies]);
  return { ...partial, rows, policies: [...policies].sort() };
}

function mergeTimeline(previous: TimelineEvent[], partial: TimelineEvent[], services: Set<string>): TimelineEvent[] {
  const dates = new Set([...previous.map((e) => e.date), ...partial.map((e) => e.date)]);
  return [...dates].sort().map((date) => {
    const before = previous.find((e) => e.date === date);
    const now = partial.find((e) => e.date === date);
    const keep = (list: string[] | undefined) => (list ?? []).filter((s) => !services.has(s));
    const becomeBlocked = [...keep(before?.becomeBlocked), ...(now?.becomeBlocked ?? [])].sort();
    const becomeWarned = [...keep(before?.becomeWarned), ...(now?.becomeWarned ?? [])].sort();
    const parts: string[] = [];
    if (becomeBlocked.length) parts.push(`${becomeBlocked.length} service${becomeBlocked.length === 1 ? '' : 's'} become${becomeBlocked.length === 1 ? 's' : ''} blocked`);
    if (becomeWarned.length) parts.push(`${becomeWarned.length} start${becomeWarned.length === 1 ? 's' : ''} to be warned`);
    return { date, becomeBlocked, becomeWarned, summary: `On ${date}, ${parts.length ? parts.join(', ') : 'nothing changes for the services'}.` };
  });
}

/**
 * Folds an incremental run (only the services a file change affected) into
 * the previous full result: their rows are replaced, the delta is recomputed
 * and the timeline's per-service lists are updated.
 */
export function mergeIncrementalResult(previous: SimulationResult, partial: SimulationResult, services: string[]): SimulationResult {
  const affected = new Set(services);
  const proposed = mergeMatrix(previous.proposed, partial.proposed, affected);
  const baseline = previous.baseline && partial.baseline ? mergeMatrix(previous.baseline, partial.baseline, affected) : previous.baseline;
  return {
    proposed,
    baseline,
    delta: baseline ? compareMatrices(baseline, proposed) : undefined,
    timeline: mergeTimeline(previous.timeline, partial.timeline, affected),
    stats: { ...partial.stats, services: new Set(proposed.rows.map((r) => r.service)).size, evaluations: partial.stats.evaluations },
  };
}
