import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { parseArgs, stringOption } from '../args.js';
import { UsageError } from '../../../app/errors/index.js';
import { SimulationRunner } from '../../../app/simulate/simulation-runner.js';
import { formatReport, reportFormats, type ReportFormat } from '../../../app/simulate/report/index.js';
import { paverVersion } from '../../version.js';

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'Simulate every policy against every service: now versus a baseline, and as of any date',
  usage: 'paver simulate [--workspace DIR] [--baseline REF] [--proposed REF|working-tree] [--no-drafts] [--as-of YYYY-MM-DD] [--services A,B] [--format table|json|markdown|html|sarif|junit] [--output FILE] [--fail-on deny|warn] [--progress]',
  async run(argv, io) {
    const args = parseArgs('simulate', argv, {
      workspace: { value: true }, baseline: { value: true }, proposed: { value: true }, 'no-drafts': {}, 'as-of': { value: true },
      services: { value: true }, format: { value: true }, output: { value: true }, 'fail-on': { value: true }, progress: {},
    });
    const format = stringOption(args, 'format', 'table') as ReportFormat;
    if (!reportFormats.includes(format)) throw new UsageError(`paver simulate: --format must be one of ${reportFormats.join(', ')}.`, { command: 'simulate', argument: 'format' });
    const failOn = stringOption(args, 'fail-on');
    if (failOn !== undefined && failOn !== 'deny' && failOn !== 'warn') throw new UsageError('paver simulate: --fail-on must be deny or warn.', { command: 'simulate', argument: 'fail-on' });
    const workspaceDir = resolve(io.cwd, stringOption(args, 'workspace', '.')!);
    const baselineRef = stringOption(args, 'baseline');
    const proposedRef = stringOption(args, 'proposed', 'working-tree')!;
    const services = stringOption(args, 'services')?.split(',').map((s) => s.trim()).filter(Boolean);
    // Worker threads, sharded by service, as in the app: a 2,000-service catalogue runs on every core.
    const runner = new SimulationRunner();
    let result;
    try {
      result = await runner.start({
        workspaceDir,
        baseline: baselineRef ? { ref: baselineRef } : undefined,
        proposed: { ref: proposedRef, includeDrafts: !args.options['no-drafts'] },
        asOf: stringOption(args, 'as-of'),
        services,
      }, args.options.progress ? (p) => io.stderr(`${p.phase} ${p.done}/${p.total} ${p.message}\n`) : undefined).result;
    } finally {
      await runner.close();
    }
    const report = formatReport(result, format, paverVersion);
    const output = stringOption(args, 'output');
    if (output) {
      await writeFile(resolve(io.cwd, output), report);
      io.stderr(`Wrote the ${format} report to ${output}.\n`);
    } else {
      io.stdout(report);
    }
    for (const problem of result.proposed.problems) io.stderr(`Problem: ${problem}\n`);
    const rows = result.proposed.rows;
    const denied = rows.some((r) => r.renderError || Object.values(r.cells).some((o) => o === 'deny' || o === 'error'));
    const warned = rows.some((r) => Object.values(r.cells).includes('warn'));
    if (failOn === 'deny' && denied) return 1;
    if (failOn === 'warn' && (denied || warned)) return 1;
    return 0;
  },
};
