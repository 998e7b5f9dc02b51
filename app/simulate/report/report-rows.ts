import type { Finding, SimulationResult, ServiceEnvironmentResult } from '../../api/simulation-types.js';

/** A finding with the row it belongs to, for flat report formats. */
export interface ReportFinding extends Finding {
  service: string;
  environment: string;
  template: string;
  version: string;
}

/** Every non-allow finding, plus render failures, worst first. */
export function reportFindings(result: SimulationResult): ReportFinding[] {
  const order = { deny: 0, error: 1, warn: 2, 'not-evaluated': 3, audit: 4, allow: 5 } as const;
  const findings: ReportFinding[] = [];
  for (const row of result.proposed.rows) {
    const base = { service: row.service, environment: row.environment, template: row.template, version: row.version };
    if (row.renderError) findings.push({ ...base, policy: '(render)', outcome: 'error', message: row.renderError });
    for (const finding of row.findings) if (finding.outcome !== 'allow') findings.push({ ...base, ...finding });
  }
  return findings.sort((a, b) => order[a.outcome] - order[b.outcome] || a.service.localeCompare(b.service) || a.environment.localeCompare(b.environment));
}

/** Counts rows by their worst outcome. */
export function summarise(rows: ServiceEnvironmentResult[]): Record<'deny' | 'error' | 'warn' | 'not-evaluated' | 'audit' | 'allow', number> {
  const counts = { deny: 0, error: 0, warn: 0, 'not-evaluated': 0, audit: 0, allow: 0 };
  for (const row of rows) {
    const outcomes = Object.values(row.cells);
    const worst = row.renderError ? 'error' : (['deny', 'error', 'warn', 'not-evaluated', 'audit'] as const).find((o) => outcomes.includes(o)) ?? 'allow';
    counts[worst]++;
  }
  return counts;
}

/** Where a finding comes from, as `file:line` when the template line is known. */
export function findingLocation(finding: Finding): string {
  return finding.templateLine ? `${finding.templateLine.file}:${finding.templateLine.line}` : '';
}
