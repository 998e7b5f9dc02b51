import { resolve } from 'node:path';
import type { CliCommand, CliIo } from '../command.js';
import { parseArgs } from '../args.js';
import { UsageError } from '../../../app/errors/index.js';
import { createSampleWorkspace, type SampleWorkspaceSummary } from '../../../app/workspace/sample/create-sample-workspace.js';
import { createEmptyWorkspace, type EmptyWorkspaceSummary } from '../../../app/workspace/sample/create-empty-workspace.js';
import { findResourcesDir } from '../../resources-dir.js';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'Create a workspace: the acme-platform sample (--sample) or an empty one',
  usage: 'paver init --sample [DIR]   (default DIR: ./acme-platform; DIR must be new or empty)\n       paver init [DIR]            (default DIR: the current folder)',
  async run(argv, io) {
    const args = parseArgs('init', argv, { sample: { value: false } });
    if (args.positionals.length > 1) {
      throw new UsageError(`paver init: expected one folder, got ${args.positionals.length}: ${args.positionals.join(' ')}`, { command: 'init', argument: args.positionals[1] });
    }
    if (args.options.sample) {
      const target = resolve(io.cwd, args.positionals[0] ?? 'acme-platform');
      const summary = await createSampleWorkspace(target, { sampleDir: resolve(findResourcesDir(), 'sample-workspace') });
      io.stdout(describeSample(summary, await existingCommands(), io));
      return 0;
    }
    const target = resolve(io.cwd, args.positionals[0] ?? '.');
    io.stdout(describeEmpty(await createEmptyWorkspace(target), io));
    return 0;
  },
};

function describeSample(summary: SampleWorkspaceSummary, available: Set<string>, io: CliIo): string {
  const width = Math.max(...summary.templates.map((template) => template.name.length));
  const templates = summary.templates.map((template) => {
    const draft = template.draftVersion === template.publishedVersions.at(-1) ? '' : `; unpublished draft ${template.draftVersion}`;
    return `    ${template.name.padEnd(width)}  ${template.publishedVersions.join(', ')}${draft}`;
  });
  const dir = shellPath(summary.path, io);
  const suggestions: Array<[command: string, line: string]> = [
    ['', `git -C ${dir} tag -n1                 # published template versions and their changelogs`],
    ['web', `paver web --workspace ${dir}            # open it in the studio (browser mode)`],
    ['simulate', `paver simulate --workspace ${dir} --as-of 2027-01-15   # who is blocked when web-service 1.x is`],
    ['upgrade', `paver upgrade --workspace ${dir} --template web-service --to 2.0.0 --services search-api --dry-run`],
    ['publish', `paver publish web-service --workspace ${dir} --bump minor --message "Optional PodDisruptionBudget"`],
  ];
  return [
    `Created the acme-platform sample workspace in ${summary.path}`,
    `a Git repository with ${summary.commits} commits and ${summary.tags.length} published template versions (tags templates/<name>/v<version>):`,
    '',
    ...templates,
    '',
    `  ${summary.services.length} services: ${summary.services.join(', ')}`,
    `  ${summary.policyFiles.length} policy files: ${summary.policyFiles.map((file) => file.replace(/^policies\//, '')).join(', ')}`,
    '',
    'Try next:',
    ...suggestions.filter(([command]) => command === '' || available.has(command)).map(([, line]) => `  ${line}`),
    '',
  ].join('\n');
}

function describeEmpty(summary: EmptyWorkspaceSummary, io: CliIo): string {
  return [
    `Created the workspace ${summary.name} in ${summary.path}${summary.initializedGit ? ' (new Git repository)' : ''}:`,
    ...summary.createdFiles.map((file) => `  ${file}`),
    '',
    'Next: add a Helm chart under templates/<name>/ and a service under services/, then commit:',
    `  git -C ${shellPath(summary.path, io)} add . && git -C ${shellPath(summary.path, io)} commit -m "Start the workspace"`,
    '',
  ].join('\n');
}

/** A path as the user would type it: relative to where they are when that is shorter. */
function shellPath(path: string, io: CliIo): string {
  const shown = path.startsWith(io.cwd + '/') ? path.slice(io.cwd.length + 1) : path;
  return /^[\w./-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
}

/** Names of the registered commands; loaded lazily because the registry imports this file. */
async function existingCommands(): Promise<Set<string>> {
  const { commands } = await import('./index.js');
  return new Set(commands.map((command) => command.name));
}
