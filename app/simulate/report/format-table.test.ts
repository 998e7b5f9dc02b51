// The terminal table stays readable on a large catalogue: only policies that
// object to something get a column, clean rows are left out of long lists,
// and too many policies become a per-policy summary with the denials listed.
import { describe, expect, it } from 'vitest';
import type { Outcome, ServiceEnvironmentResult, SimulationResult } from '../../api/simulation-types.js';
import { formatTable } from './format-table.js';

function result(services: number, policies: string[], outcome: (service: number, policy: string) => Outcome): SimulationResult {
  const rows: ServiceEnvironmentResult[] = [];
  for (let i = 0; i < services; i++) {
    const service = `svc-${String(i).padStart(3, '0')}`;
    const cells: Record<string, Outcome> = {};
    const findings: ServiceEnvironmentResult['findings'] = [];
    for (const policy of policies) {
      cells[policy] = outcome(i, policy);
      findings.push({ policy, outcome: cells[policy]!, message: `${policy} says ${cells[policy]} to ${service}`, object: `Deployment/${service}` });
    }
    rows.push({ service, environment: 'prod', team: 'a', template: 'web', version: '1.0.0', namespace: 'a', cells, findings });
  }
  return {
    proposed: { state: { ref: 'working-tree' }, asOf: '2026-12-05', policies, rows, problems: [] },
    timeline: [], stats: { services, environments: 1, policies: policies.length, evaluations: services, renders: 0, cachedRenders: 0, ms: 5 },
  };
}

describe('formatTable', () => {
  it('shows every row of a small catalogue, and only the policies that object to something', () => {
    const text = formatTable(result(3, ['quiet', 'strict'], (i, p) => (p === 'strict' && i === 1 ? 'deny' : 'allow')));
    expect(text.split('\n')[0]).toMatch(/^SERVICE\s+ENV\s+VERSION\s+strict$/);
    expect(text).toMatch(/svc-000\s+prod\s+1\.0\.0\s+·/);
    expect(text).toMatch(/svc-001\s+prod\s+1\.0\.0\s+DENY/);
    expect(text).toContain('(1 policy allows every service-environment and is not shown)');
    expect(text).toContain('As of 2026-12-05: 1 denied, 0 errors, 0 warned, 0 not evaluated, 2 allowed');
  });

  it('leaves clean rows out of a long list and says how many', () => {
    const text = formatTable(result(200, ['strict'], (i) => (i % 10 === 0 ? 'warn' : 'allow')));
    expect(text).toContain('svc-010  prod');
    expect(text).not.toContain('svc-011');
    expect(text).toContain('(180 service-environments that every policy allows are not listed)');
  });

  it('summarises per policy when too many policies object, and lists the denials up to a limit', () => {
    const policies = Array.from({ length: 15 }, (_, i) => `policy-${String(i).padStart(2, '0')}`);
    const text = formatTable(result(100, policies, (i, p) => (p === 'policy-00' ? 'deny' : i === 0 ? 'warn' : 'allow')));
    expect(text.split('\n')[0]).toMatch(/^POLICY\s+DENY\s+ERROR\s+WARN\s+AUDIT\s+N\/E$/);
    expect(text).toMatch(/policy-00\s+100\s+0\s+0\s+0\s+0/);
    expect(text).toMatch(/policy-07\s+0\s+0\s+1\s+0\s+0/);
    expect(text).toContain('  svc-000 (prod) policy-00: policy-00 says deny to svc-000');
    expect(text).toContain('… and 40 more findings (--format markdown, html or json lists every one)');
  });
});
