// `paver render CHART`: what `helm template` prints, computed by Paver's engine.
import { mkdirSync, readFileSync, appendFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { CliCommand, CliIo } from '../command.js';
import { listOption, parseArgs, stringOption } from '../args.js';
import { UsageError } from '../../../app/errors/index.js';
import { buildUserValues, loadChart, renderChart, renderNameTemplate } from '../../../app/template/index.js';
import { nodeFileReader } from '../../../app/template-host/node-file-reader.js';
import { nodeTemplateHost } from '../../../app/template-host/node-template-host.js';

const spec = {
  values: { value: true, repeat: true, short: 'f' },
  set: { value: true, repeat: true },
  'set-string': { value: true, repeat: true },
  'set-json': { value: true, repeat: true },
  'set-file': { value: true, repeat: true },
  'release-name': { value: true },
  namespace: { value: true, short: 'n' },
  'kube-version': { value: true },
  'api-versions': { value: true, repeat: true, short: 'a' },
  'show-only': { value: true, repeat: true, short: 's' },
  'include-crds': {},
  'skip-tests': {},
  'is-upgrade': {},
  'name-template': { value: true },
  'output-dir': { value: true },
  output: { value: true, short: 'o' },
  workspace: { value: true },
} as const;

async function readStdin(io: CliIo): Promise<string> {
  let text = '';
  for await (const line of io.stdin()) text += `${line}\n`;
  return text;
}

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Render a chart exactly as `helm template` prints it',
  usage: 'paver render CHART [-f FILE]... [--set K=V]... [--set-string K=V]... [--set-json K=JSON]... [--set-file K=PATH]... '
    + '[--release-name NAME] [--namespace NS] [--kube-version 1.31] [--api-versions GROUP/VERSION]... [--show-only PATH]... '
    + '[--include-crds] [--skip-tests] [--is-upgrade] [--name-template TPL] [--output-dir DIR] [--output yaml|json]\n'
    + '  Defaults as helm template: release name "release-name", namespace "default", Kubernetes v1.36.0 (Helm 3.21).',
  async run(argv, io) {
    const args = parseArgs('render', argv, spec);
    if (args.positionals.length !== 1) throw new UsageError('paver render: expected exactly one CHART argument', { command: 'render' });
    const output = stringOption(args, 'output', 'yaml');
    if (output !== 'yaml' && output !== 'json') throw new UsageError(`paver render: --output must be yaml or json, not "${output}"`, { command: 'render', argument: 'output' });
    const base = resolve(io.cwd, stringOption(args, 'workspace', '.')!);
    const abs = (p: string) => (isAbsolute(p) ? p : join(base, p));
    const valueFiles: { path: string; text: string }[] = [];
    for (const path of listOption(args, 'values')) {
      valueFiles.push({ path, text: path === '-' ? await readStdin(io) : readFileSync(abs(path), 'utf8') });
    }
    const values = buildUserValues({
      valueFiles, set: listOption(args, 'set'), setString: listOption(args, 'set-string'), setJson: listOption(args, 'set-json'),
      setFile: listOption(args, 'set-file'), readFile: (path) => readFileSync(abs(path), 'utf8'),
    });
    const nameTemplate = stringOption(args, 'name-template');
    const releaseName = nameTemplate ? renderNameTemplate(nameTemplate) : stringOption(args, 'release-name', 'release-name');
    const chart = await loadChart(nodeFileReader(base), args.positionals[0]!);
    if (chart.metadata.deprecated) io.stderr('WARNING: This chart is deprecated\n');
    const outputDir = stringOption(args, 'output-dir');
    const result = renderChart(chart, {
      values, releaseName, namespace: stringOption(args, 'namespace', 'default'), kubeVersion: stringOption(args, 'kube-version'),
      apiVersions: listOption(args, 'api-versions'), showOnly: listOption(args, 'show-only'),
      includeCrds: args.options['include-crds'] === true, skipTests: args.options['skip-tests'] === true,
      isUpgrade: args.options['is-upgrade'] === true, outputDir, host: nodeTemplateHost(), sourceMap: false,
    });
    if (outputDir !== undefined) {
      const written = new Set<string>();
      for (const file of result.outputFiles) {
        const target = `${outputDir}/${file.path}`;
        mkdirSync(dirname(abs(target)), { recursive: true });
        if (written.has(target)) appendFileSync(abs(target), file.content);
        else writeFileSync(abs(target), file.content);
        written.add(target);
        io.stdout(`wrote ${target}\n`);
      }
    }
    if (output === 'json') {
      const objects = result.objects.filter((o) => o.outputLine > 0 || outputDir !== undefined)
        .map((o) => ({ template: o.template, kind: o.kind, name: o.name, namespace: o.namespace, hookEvents: o.hookEvents, object: o.object }));
      io.stdout(`${JSON.stringify({ objects, notes: result.notes }, null, 2)}\n`);
      return 0;
    }
    io.stdout(result.manifests);
    return 0;
  },
};
