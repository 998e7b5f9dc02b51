import type { SimulationResult } from '../../api/simulation-types.js';
import { formatHtml } from './format-html.js';
import { formatJunit } from './format-junit.js';
import { formatMarkdown } from './format-markdown.js';
import { formatSarif } from './format-sarif.js';
import { formatTable } from './format-table.js';

export const reportFormats = ['table', 'json', 'markdown', 'html', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Renders a simulation result in one of the report formats. */
export function formatReport(result: SimulationResult, format: ReportFormat, paverVersion: string): string {
  switch (format) {
    case 'table': return formatTable(result);
    case 'json': return `${JSON.stringify(result, null, 2)}\n`;
    case 'markdown': return formatMarkdown(result);
    case 'html': return formatHtml(result);
    case 'sarif': return formatSarif(result, paverVersion);
    case 'junit': return formatJunit(result);
  }
}
