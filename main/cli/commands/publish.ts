// `paver publish TEMPLATE`: publish the draft of a template as an immutable version.
import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { parseArgs, stringOption } from '../args.js';
import { UsageError } from '../../../app/errors/index.js';
import { publishTemplateVersion } from '../../../app/workspace/publish/publish-template-version.js';
import { createEngineServiceRenderer } from '../../../app/workspace/versions/service-renderer.js';

const spec = { bump: { value: true }, version: { value: true }, message: { value: true, short: 'm' }, workspace: { value: true } } as const;

export const publishCommand: CliCommand = {
  name: 'publish',
  summary: 'Publish a template draft as a new immutable version (commit + annotated tag)',
  usage: 'paver publish TEMPLATE [--bump major|minor|patch | --version X.Y.Z] --message TEXT [--workspace DIR]\n'
    + '  Without --bump or --version, the bump is suggested from the values.schema.json change.',
  async run(argv, io) {
    const args = parseArgs('publish', argv, spec);
    if (args.positionals.length !== 1) throw new UsageError('paver publish: expected exactly one TEMPLATE argument', { command: 'publish' });
    const bump = stringOption(args, 'bump');
    const version = stringOption(args, 'version');
    const message = stringOption(args, 'message');
    if (bump && version) throw new UsageError('paver publish: give --bump or --version, not both', { command: 'publish', argument: 'bump' });
    if (bump && bump !== 'major' && bump !== 'minor' && bump !== 'patch') throw new UsageError(`paver publish: --bump must be major, minor or patch, not "${bump}"`, { command: 'publish', argument: 'bump' });
    if (!message) throw new UsageError('paver publish: --message TEXT is required (it becomes the changelog)', { command: 'publish', argument: 'message' });
    const workspace = resolve(io.cwd, stringOption(args, 'workspace', '.')!);
    const result = await publishTemplateVersion(workspace, {
      template: args.positionals[0]!, bump: bump as 'major' | 'minor' | 'patch' | undefined, version, message, render: createEngineServiceRenderer(),
    });
    io.stdout(`Published ${result.template} ${result.version} (tag ${result.tag}, commit ${result.commit.slice(0, 7)}).\n`);
    io.stdout(`Rendered ${result.renders} service environment(s) that pick it up${result.checkedServices.length ? `: ${result.checkedServices.join(', ')}` : ''}.\n`);
    if (!bump && !version && result.previousVersion) {
      io.stdout(`Bump ${result.suggestedBump} suggested from values.schema.json${result.bumpReasons.length ? `: ${result.bumpReasons.join('; ')}` : ''}.\n`);
    }
    if (result.unrelatedChanges.length) {
      io.stderr(`Note: ${result.unrelatedChanges.length} uncommitted change(s) outside templates/${result.template}/ were left as they are and not included: ${result.unrelatedChanges.join(', ')}\n`);
    }
    io.stdout(`Push the branch and the tag to share it: git push --follow-tags (or Push in the app).\n`);
    return 0;
  },
};
