// The dates on which policies change their verdicts (TemplatePolicy rollouts,
// exemptions that expire, `paver.dev/deny-from` escalations), and what each
// date does to the catalogue: "on 2027-01-15, 14 services become blocked".
import type { PreparedState } from './run-simulation.js';
import type { ServiceEnvironmentResult, SimulationMatrix, TimelineEvent } from '../api/simulation-types.js';

const maxDates = 24;

/** Every future date at which some policy's action can change, after `asOf`. */
export function rolloutDates(state: PreparedState, asOf: string): string[] {
  const dates = new Set<string>();
  for (const policy of state.policies.templatePolicies) {
    for (const step of policy.rollout) dates.add(step.date);
    for (const exemption of policy.exemptions) dates.add(new Date(exemption.expires).toISOString().slice(0, 10));
  }
  for (const policy of state.loaded.model.policies) {
    const annotations = ((policy.body.metadata ?? {}) as { annotations?: Record<string, unknown> }).annotations;
    const denyFrom = annotations?.['paver.dev/deny-from'];
    if (typeof denyFrom === 'string') dates.add(denyFrom.slice(0, 10));
  }
  return [...dates].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d > asOf).sort().slice(0, maxDates);
}

function servicesWith(rows: ServiceEnvironmentResult[], test: (row: ServiceEnvironmentResult) => boolean): Set<string> {
  return new Set(rows.filter(test).map((row) => row.service));
}

const isBlocked = (row: ServiceEnvironmentResult) => row.renderError !== undefined || Object.values(row.cells).includes('deny');
const isWarned = (row: ServiceEnvironmentResult) => Object.values(row.cells).includes('warn');

/** Re-evaluates the catalogue at each rollout date and reports what changes. */
export async function buildTimeline(
  state: PreparedState,
  matrix: SimulationMatrix,
  asOf: string,
  evaluateAt: (date: string) => Promise<ServiceEnvironmentResult[]>,
  signal?: AbortSignal,
): Promise<TimelineEvent[]> {
  const events: TimelineEvent[] = [];
  let blocked = servicesWith(matrix.rows, isBlocked);
  let warned = servicesWith(matrix.rows, isWarned);
  for (const date of rolloutDates(state, asOf)) {
    if (signal?.aborted) break;
    const rows = await evaluateAt(date);
    const nowBlocked = servicesWith(rows, isBlocked);
    const nowWarned = servicesWith(rows, isWarned);
    const becomeBlocked = [...nowBlocked].filter((s) => !blocked.has(s)).sort();
    const becomeWarned = [...nowWarned].filter((s) => !warned.has(s) && !nowBlocked.has(s)).sort();
    const freed = [...blocked].filter((s) => !nowBlocked.has(s)).length;
    const parts: string[] = [];
    if (becomeBlocked.length) parts.push(`${becomeBlocked.length} service${becomeBlocked.length === 1 ? '' : 's'} become${becomeBlocked.length === 1 ? 's' : ''} blocked`);
    if (becomeWarned.length) parts.push(`${becomeWarned.length} start${becomeWarned.length === 1 ? 's' : ''} to be warned`);
    if (freed) parts.push(`${freed} stop${freed === 1 ? 's' : ''} being blocked`);
    events.push({ date, becomeBlocked, becomeWarned, summary: `On ${date}, ${parts.length ? parts.join(', ') : 'nothing changes for the services'}.` });
    blocked = nowBlocked;
    warned = nowWarned;
  }
  return events;
}
