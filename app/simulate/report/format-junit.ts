import type { SimulationResult } from '../../api/simulation-types.js';

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JUnit XML: one test suite per service × environment, one test case per policy; denials fail. */
export function formatJunit(result: SimulationResult): string {
  const suites = result.proposed.rows.map((row) => {
    const cases = result.proposed.policies.map((policy) => {
      const outcome = row.renderError ? 'error' : row.cells[policy] ?? 'allow';
      const message = row.renderError ?? row.findings.find((f) => f.policy === policy && f.outcome === outcome)?.message ?? '';
      const name = `name="${xml(policy)}" classname="${xml(`${row.service}.${row.environment}`)}"`;
      if (outcome === 'deny' || outcome === 'error') return `    <testcase ${name}><failure type="${outcome}" message="${xml(message)}"/></testcase>`;
      if (outcome === 'not-evaluated') return `    <testcase ${name}><skipped message="${xml(message)}"/></testcase>`;
      if (outcome === 'warn') return `    <testcase ${name}><system-out>${xml(`warning: ${message}`)}</system-out></testcase>`;
      return `    <testcase ${name}/>`;
    });
    const failures = cases.filter((c) => c.includes('<failure')).length;
    const skipped = cases.filter((c) => c.includes('<skipped')).length;
    return `  <testsuite name="${xml(`${row.service} (${row.environment})`)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="paver simulate">\n${suites.join('\n')}\n</testsuites>\n`;
}
