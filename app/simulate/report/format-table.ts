import type { Outcome, SimulationResult, ServiceEnvironmentResult } from '../../api/simulation-types.js';
import { reportFindings, summarise } from './report-rows.js';

const symbols = { deny: 'DENY', error: 'ERROR', warn: 'warn', 'not-evaluated': 'n/e', audit: 'audit', allow: '·' } as const;
// A terminal is about this wide: more policy columns than this become a per-policy summary.
const MAX_COLUMNS = 12;
// Beyond this many lines, a section lists the worst ones and says how many it left out.
const MAX_LINES = 60;

function columns(header: string[], body: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...body.map(line)];
}

const isClean = (row: ServiceEnvironmentResult) => !row.renderError && Object.values(row.cells).every((o) => o === 'allow');

function capped(lines: string[], what: string): string[] {
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more ${what} (--format markdown, html or json lists every one)`];
}

/** One row per service × environment and one column per policy that objects to something; a per-policy summary when that is too wide. */
function matrix(result: SimulationResult, policies: string[]): string[] {
  const { rows } = result.proposed;
  const shown = rows.length <= MAX_LINES ? rows : rows.filter((row) => !isClean(row));
  const body = shown.map((row) => [row.service, row.environment, row.version, ...policies.map((p) => (row.renderError ? 'ERROR' : symbols[row.cells[p] ?? 'allow']))]);
  const [header, ...lines] = columns(['SERVICE', 'ENV', 'VERSION', ...policies], body);
  const out = [header!, ...capped(lines, 'service-environments')];
  if (shown.length < rows.length) out.push(`(${rows.length - shown.length} service-environments that every policy allows are not listed)`);
  return out;
}

function perPolicy(result: SimulationResult, policies: string[]): string[] {
  const outcomes: Outcome[] = ['deny', 'error', 'warn', 'audit', 'not-evaluated'];
  const body = policies.map((policy) => {
    const counts = outcomes.map((o) => result.proposed.rows.filter((row) => row.cells[policy] === o).length);
    return [policy, ...counts.map(String)];
  });
  const out = columns(['POLICY', 'DENY', 'ERROR', 'WARN', 'AUDIT', 'N/E'], body);
  const denied = reportFindings(result).filter((f) => f.outcome === 'deny' || f.outcome === 'error')
    .map((f) => `  ${f.service} (${f.environment}) ${f.policy}: ${f.message}`);
  if (denied.length) out.push('', 'Denied:', ...capped(denied, 'findings'));
  return out;
}

/** A terminal report: the matrix (or a per-policy summary), render failures, the delta, the timeline and the totals. */
export function formatTable(result: SimulationResult): string {
  const { rows, policies, asOf } = result.proposed;
  const objecting = policies.filter((p) => rows.some((row) => (row.cells[p] ?? 'allow') !== 'allow'));
  const quiet = policies.length - objecting.length;
  const out = objecting.length <= MAX_COLUMNS ? matrix(result, objecting) : perPolicy(result, objecting);
  if (quiet) out.push(`(${quiet} ${quiet === 1 ? 'policy allows' : 'policies allow'} every service-environment and ${quiet === 1 ? 'is' : 'are'} not shown)`);
  out.push('');
  for (const row of rows.filter((r) => r.renderError)) out.push(`${row.service} (${row.environment}) does not render: ${row.renderError}`);
  if (result.delta) {
    out.push(`Against the baseline: ${result.delta.newlyDenied.length} newly denied, ${result.delta.newlyWarned.length} newly warned, ${result.delta.fixed.length} fixed.`);
    out.push(...capped(result.delta.newlyDenied.map((e) => `  newly denied: ${e.service} (${e.environment}) by ${e.policy}: ${e.message}`), 'newly denied'));
  }
  for (const event of result.timeline) out.push(event.summary);
  const counts = summarise(rows);
  out.push(`As of ${asOf}: ${counts.deny} denied, ${counts.error} errors, ${counts.warn} warned, ${counts['not-evaluated']} not evaluated, ${counts.allow} allowed (${result.stats.evaluations} service-environments in ${result.stats.ms} ms).`);
  return `${out.join('\n')}\n`;
}
