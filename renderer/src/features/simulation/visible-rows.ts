import { outcomeRank, type Outcome, type ServiceEnvironmentResult } from '../../../../app/api/index.js';
import type { SortKey } from './simulation-store.js';

/** A row's worst outcome: what the matrix sorts and filters by. */
export function worstOutcome(row: ServiceEnvironmentResult): Outcome {
  if (row.renderError) return 'error';
  let worst: Outcome = 'allow';
  for (const outcome of Object.values(row.cells)) if (outcomeRank[outcome] < outcomeRank[worst]) worst = outcome;
  return worst;
}

/** The rows the matrix shows, after filters and sorting. */
export function visibleRows(
  rows: ServiceEnvironmentResult[],
  filters: { team: string; template: string; outcome: Outcome | ''; text: string },
  sort: { key: SortKey; descending: boolean },
): ServiceEnvironmentResult[] {
  const text = filters.text.trim().toLowerCase();
  const filtered = rows.filter((row) =>
    (!filters.team || row.team === filters.team)
    && (!filters.template || row.template === filters.template)
    && (!filters.outcome || (filters.outcome === 'error' && row.renderError) || Object.values(row.cells).includes(filters.outcome))
    && (!text || row.service.toLowerCase().includes(text) || row.namespace.toLowerCase().includes(text)));
  const compare = (a: ServiceEnvironmentResult, b: ServiceEnvironmentResult): number => {
    switch (sort.key) {
      case 'worst': return outcomeRank[worstOutcome(a)] - outcomeRank[worstOutcome(b)] || a.service.localeCompare(b.service);
      case 'environment': return a.environment.localeCompare(b.environment) || a.service.localeCompare(b.service);
      case 'team': return a.team.localeCompare(b.team) || a.service.localeCompare(b.service);
      case 'template': return a.template.localeCompare(b.template) || a.version.localeCompare(b.version) || a.service.localeCompare(b.service);
      default: return a.service.localeCompare(b.service) || a.environment.localeCompare(b.environment);
    }
  };
  const sorted = filtered.sort(compare);
  return sort.descending ? sorted.reverse() : sorted;
}
