import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../../../app/errors/index.js';
import { startDemoCluster } from '../../../app/demo-cluster/start-demo-cluster.js';
import type { CliCommand, CliIo } from '../command.js';
import { parseArgs, stringOption } from '../args.js';
import { findResourcesDir } from '../../resources-dir.js';

const usage = 'paver demo-cluster [--port N] [--kubeconfig FILE] [--seed sample|empty] [--pods N] [--data-dir DIR]';

function userDataDir(env: CliIo['env']): string {
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'paver', 'demo-cluster');
}

function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new UsageError(`paver demo-cluster: --${name} needs a whole number, got '${value}'`, { command: 'demo-cluster', argument: name });
  return parsed;
}

/** Waits for SIGINT or SIGTERM; the returned promise resolves with the signal name. */
function untilSignal(): Promise<string> {
  return new Promise((resolveSignal) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolveSignal(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

/** `paver demo-cluster`: the demo cluster in the foreground until Ctrl+C. */
export const demoClusterCommand: CliCommand = {
  name: 'demo-cluster',
  summary: 'Run the embedded demo Kubernetes API server in the foreground and write its kubeconfig',
  usage,
  async run(argv, io) {
    const args = parseArgs('demo-cluster', argv, {
      port: { value: true }, kubeconfig: { value: true }, seed: { value: true }, pods: { value: true }, 'data-dir': { value: true },
    });
    const seed = stringOption(args, 'seed', 'sample');
    if (seed !== 'sample' && seed !== 'empty') throw new UsageError(`paver demo-cluster: --seed must be 'sample' or 'empty', got '${seed}'`, { command: 'demo-cluster', argument: 'seed' });
    const dataDir = resolve(io.cwd, stringOption(args, 'data-dir') ?? userDataDir(io.env));
    const kubeconfigPath = resolve(io.cwd, stringOption(args, 'kubeconfig') ?? join(dataDir, 'kubeconfig'));
    const pods = integerOption(stringOption(args, 'pods'), 'pods', 0);
    const scenarioDir = join(findResourcesDir(), 'demo-cluster');
    const demo = await startDemoCluster({ port: integerOption(stringOption(args, 'port'), 'port', 0), seed, pods, dataDir, kubeconfigPath, scenarioDir });
    io.stdout(`Paver demo cluster listening on ${demo.url} (seed: ${seed}${pods ? `, ${pods} benchmark pods` : ''})\n`);
    io.stdout(`Kubeconfig (context paver-demo): ${kubeconfigPath}\n`);
    io.stdout(`Try: kubectl --kubeconfig ${kubeconfigPath} get pods -A\n`);
    io.stdout('Press Ctrl+C to stop.\n');
    const signal = await untilSignal();
    await demo.close();
    io.stdout(`Stopped on ${signal}.\n`);
    return 0;
  },
};
