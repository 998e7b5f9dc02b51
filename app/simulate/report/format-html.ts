import type { SimulationResult } from '../../api/simulation-types.js';
import { findingLocation, reportFindings, summarise } from './report-rows.js';

const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colours = { deny: '#b42318', error: '#9a3412', warn: '#b54708', 'not-evaluated': '#475467', audit: '#1d4ed8', allow: '#067647' } as const;

/** A self-contained HTML report (no external assets). */
export function formatHtml(result: SimulationResult): string {
  const { rows, policies, asOf } = result.proposed;
  const counts = summarise(rows);
  const cell = (outcome: keyof typeof colours) => `<td style="color:${colours[outcome]}">${outcome === 'allow' ? '·' : outcome}</td>`;
  const matrix = rows.map((row) => `<tr><th>${html(row.service)}</th><td>${html(row.environment)}</td><td>${html(row.version)}</td>${
    policies.map((p) => cell(row.renderError ? 'error' : row.cells[p] ?? 'allow')).join('')}</tr>`).join('\n');
  const findings = reportFindings(result).map((f) => `<tr><td style="color:${colours[f.outcome]}">${f.outcome}</td><td>${html(f.service)}</td><td>${html(f.environment)}</td><td>${html(f.policy)}</td><td>${html(f.object ?? '')}</td><td>${html(f.message)}</td><td>${html(findingLocation(f))}</td></tr>`).join('\n');
  const timeline = result.timeline.map((e) => `<li>${html(e.summary)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Paver policy simulation, as of ${html(asOf)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #d0d5dd;padding:3px 8px;text-align:left}th{background:#f2f4f7}</style></head>
<body><h1>Policy simulation, as of ${html(asOf)}</h1>
<p>${counts.deny} denied, ${counts.error} errors, ${counts.warn} warned, ${counts['not-evaluated']} not evaluated, ${counts.allow} allowed.</p>
${timeline ? `<h2>Timeline</h2><ul>${timeline}</ul>` : ''}
<h2>Matrix</h2><table><thead><tr><th>Service</th><th>Env</th><th>Version</th>${policies.map((p) => `<th>${html(p)}</th>`).join('')}</tr></thead><tbody>
${matrix}
</tbody></table>
<h2>Findings</h2><table><thead><tr><th>Outcome</th><th>Service</th><th>Env</th><th>Policy</th><th>Object</th><th>Message</th><th>Template line</th></tr></thead><tbody>
${findings}
</tbody></table></body></html>
`;
}
