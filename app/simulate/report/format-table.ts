import type { SimulationResult } from '../../api/simulation-types.js';
import { summarise } from './report-rows.js';

const symbols = { deny: 'DENY', error: 'ERROR', warn: 'warn', 'not-evaluated': 'n/e', audit: 'audit', allow: '·' } as const;

/** A terminal table: one row per service × environment, one column per policy. */
export function formatTable(result: SimulationResult): string {
  const { rows, policies, asOf } = result.proposed;
  const header = ['SERVICE', 'ENV', 'VERSION', ...policies];
  const body = rows.map((row) => [row.service, row.environment, row.version, ...policies.map((p) => (row.renderError ? 'ERROR' : symbols[row.cells[p] ?? 'allow']))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const counts = summarise(rows);
  const out = [line(header), ...body.map(line), ''];
  for (const row of rows.filter((r) => r.renderError)) out.push(`${row.service} (${row.environment}) does not render: ${row.renderError}`);
  if (result.delta) {
    out.push(`Against the baseline: ${result.delta.newlyDenied.length} newly denied, ${result.delta.newlyWarned.length} newly warned, ${result.delta.fixed.length} fixed.`);
    for (const e of result.delta.newlyDenied) out.push(`  newly denied: ${e.service} (${e.environment}) by ${e.policy}: ${e.message}`);
  }
  for (const event of result.timeline) out.push(event.summary);
  out.push(`As of ${asOf}: ${counts.deny} denied, ${counts.error} errors, ${counts.warn} warned, ${counts['not-evaluated']} not evaluated, ${counts.allow} allowed (${result.stats.evaluations} service-environments in ${result.stats.ms} ms).`);
  return `${out.join('\n')}\n`;
}
