import { listContexts, type ContextStatus } from '../../../app/cluster/list-contexts.js';
import { UsageError } from '../../../app/errors/index.js';
import { parseArgs, stringOption } from '../args.js';
import type { CliCommand } from '../command.js';

function statusText(context: ContextStatus): string {
  const { check } = context;
  if (check.reachable) return `reachable (${check.serverVersion}, ${check.latencyMs} ms)`;
  return `${check.error?.code === 'ClusterUnreachableError' ? 'unreachable' : 'failing'}: ${check.error?.message ?? 'unknown error'}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd()).join('\n');
}

export const contextsCommand: CliCommand = {
  name: 'contexts',
  summary: 'List kubeconfig contexts with their cluster, namespace and reachability',
  usage: 'paver contexts [--kubeconfig FILE] [--output table|json] [--timeout MS]',
  async run(argv, io) {
    const args = parseArgs('contexts', argv, { kubeconfig: { value: true }, output: { value: true, short: 'o' }, timeout: { value: true } });
    const output = stringOption(args, 'output', 'table');
    if (output !== 'table' && output !== 'json') throw new UsageError(`paver contexts: --output must be table or json, not '${output}'`, { command: 'contexts', argument: 'output' });
    const timeout = Number(stringOption(args, 'timeout', '3000'));
    if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError('paver contexts: --timeout takes milliseconds, such as 3000', { command: 'contexts', argument: 'timeout' });
    const list = await listContexts({ kubeconfigPath: stringOption(args, 'kubeconfig'), env: io.env, cwd: io.cwd, timeoutMs: timeout });
    if (output === 'json') {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    for (const note of list.notes) io.stderr(`note: ${note}\n`);
    if (list.contexts.length === 0) {
      io.stdout(`No contexts in ${list.files.join(', ') || 'any kubeconfig file'}.\n`);
      return 0;
    }
    const rows = [['CURRENT', 'NAME', 'SERVER', 'NAMESPACE', 'STATUS']];
    for (const context of list.contexts) {
      rows.push([context.current ? '*' : '', context.name, context.server || '-', context.namespace, context.problem ? `invalid: ${context.problem}` : statusText(context)]);
    }
    io.stdout(`${table(rows)}\n`);
    return 0;
  },
};
