// Prints suite reports for `paver policy test`: one line per case, then the
// totals; or the same as JSON. Pure: the CLI host writes the text.
import type { SuiteReport } from './types.js';

/** Totals over every case of every report; suite problems count as failures. */
export interface SuiteTotals { passed: number; failed: number; skipped: number; problems: number }

/** Counts passed, failed and skipped cases. */
export function suiteTotals(reports: readonly SuiteReport[]): SuiteTotals {
  const totals: SuiteTotals = { passed: 0, failed: 0, skipped: 0, problems: 0 };
  for (const report of reports) {
    totals.problems += report.problems.length;
    for (const c of report.cases) totals[c.outcome]++;
  }
  return totals;
}

const labels = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/** The table: `PASS file test/case`, with expected and actual for failures and the reason for skips. */
export function formatSuiteTable(reports: readonly SuiteReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const problem of report.problems) lines.push(`ERROR ${problem}`);
    for (const c of report.cases) {
      let line = `${labels[c.outcome]}  ${report.file}  ${c.test} / ${c.name}`;
      if (c.outcome === 'failed') line += `\n      expected ${c.expected}\n      actual   ${c.actual}`;
      if (c.outcome === 'skipped' && c.reason) line += `  (${c.reason})`;
      lines.push(line);
    }
  }
  const totals = suiteTotals(reports);
  lines.push('', `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${totals.problems ? `, ${totals.problems} suite problem(s)` : ''} in ${reports.length} suite file(s)`);
  return `${lines.join('\n')}\n`;
}

/** The JSON form: every report and the totals. */
export function formatSuiteJson(reports: readonly SuiteReport[]): string {
  return `${JSON.stringify({ reports, totals: suiteTotals(reports) }, null, 2)}\n`;
}
