import type { SimulationResult } from '../../api/simulation-types.js';
import { findingLocation, reportFindings, summarise } from './report-rows.js';

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown report for pull-request comments. */
export function formatMarkdown(result: SimulationResult): string {
  const counts = summarise(result.proposed.rows);
  const lines = [
    `# Policy simulation (as of ${result.proposed.asOf})`,
    '',
    `${result.stats.services} services × ${result.stats.environments} environments against ${result.stats.policies} policies: ` +
      `**${counts.deny} denied**, ${counts.error} errors, ${counts.warn} warned, ${counts['not-evaluated']} not evaluated, ${counts.allow} allowed.`,
    '',
  ];
  if (result.delta) {
    lines.push('## Against the baseline', '');
    const groups: [string, typeof result.delta.newlyDenied][] = [['Newly denied', result.delta.newlyDenied], ['Newly warned', result.delta.newlyWarned], ['Fixed', result.delta.fixed]];
    for (const [title, entries] of groups) {
      lines.push(`### ${title} (${entries.length})`, '');
      for (const e of entries) lines.push(`- **${e.service}** (${e.environment}) · ${e.policy}: ${e.before} → ${e.after}${e.message ? ` — ${escape(e.message)}` : ''}`);
      if (entries.length) lines.push('');
    }
  }
  if (result.timeline.length) {
    lines.push('## Timeline', '');
    for (const event of result.timeline) lines.push(`- ${event.summary}${event.becomeBlocked.length ? ` (${event.becomeBlocked.join(', ')})` : ''}`);
    lines.push('');
  }
  const findings = reportFindings(result);
  lines.push('## Findings', '', '| Outcome | Service | Env | Policy | Object | Message | Template line |', '|---|---|---|---|---|---|---|');
  for (const f of findings) {
    lines.push(`| ${f.outcome} | ${f.service} | ${f.environment} | ${escape(f.policy)} | ${f.object ?? ''} | ${escape(f.message)} | ${findingLocation(f)} |`);
  }
  if (!findings.length) lines.push('| allow | — | — | — | — | Every service passes every policy. | |');
  return `${lines.join('\n')}\n`;
}
