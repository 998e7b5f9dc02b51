import type { SimulationResult } from '../../api/simulation-types.js';
import { reportFindings } from './report-rows.js';

const level = { deny: 'error', error: 'error', warn: 'warning', 'not-evaluated': 'note', audit: 'note', allow: 'none' } as const;

/** SARIF 2.1.0, so code-scanning UIs can show findings on the template lines. */
export function formatSarif(result: SimulationResult, paverVersion: string): string {
  const findings = reportFindings(result);
  const rules = [...new Set(findings.map((f) => f.policy))].sort();
  return `${JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'paver', version: paverVersion, informationUri: 'https://paver.dev', rules: rules.map((id) => ({ id, shortDescription: { text: id } })) } },
      results: findings.map((f) => ({
        ruleId: f.policy,
        level: level[f.outcome],
        message: { text: `${f.service} (${f.environment})${f.object ? ` ${f.object}` : ''}: ${f.message}` },
        locations: f.templateLine
          ? [{ physicalLocation: { artifactLocation: { uri: `templates/${f.templateLine.file}` }, region: { startLine: f.templateLine.line } } }]
          : [],
        properties: { service: f.service, environment: f.environment, outcome: f.outcome, fieldPath: f.fieldPath },
      })),
    }],
  }, null, 2)}\n`;
}
