// `paver upgrade`: move services to another template version, with a rendered diff first.
import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { parseArgs, stringOption } from '../args.js';
import { UsageError } from '../../../app/errors/index.js';
import { planUpgrade, type UpgradePlan } from '../../../app/workspace/upgrade/plan-upgrade.js';
import { applyUpgrade } from '../../../app/workspace/upgrade/apply-upgrade.js';
import { createEngineServiceRenderer } from '../../../app/workspace/versions/service-renderer.js';
import { formatUnifiedDiff } from '../../../app/git/diff/line-diff.js';

const spec = { template: { value: true }, to: { value: true }, services: { value: true }, 'dry-run': {}, workspace: { value: true } } as const;

function describePlan(plan: UpgradePlan): string {
  const out: string[] = [];
  for (const service of plan.services) {
    out.push(`${service.service} (${service.file}): ${service.requested}${service.from && service.from !== service.requested ? ` = ${service.from}` : ''} -> ${service.newRequested}`);
    for (const environment of service.environments) {
      const changed = environment.hunks.reduce((sum, hunk) => sum + hunk.lines.filter((line) => line.kind !== ' ').length, 0);
      out.push(`  ${environment.environment}: ${changed} rendered line(s) change${environment.afterError ? `; does not render on ${plan.to} yet: ${environment.afterError}` : ''}`);
      const diff = formatUnifiedDiff(environment.hunks, `${service.service}/${environment.environment}@${service.from ?? 'unresolved'}`, `${service.service}/${environment.environment}@${plan.to}`);
      if (diff) out.push(diff.trimEnd().split('\n').map((line) => `    ${line}`).join('\n'));
    }
    for (const hint of service.hints) out.push(`  hint (${hint.environments.join(', ')}): ${hint.message}`);
  }
  for (const skipped of plan.skipped) out.push(`${skipped.service}: skipped, ${skipped.reason}`);
  return `${out.join('\n')}\n`;
}

export const upgradeCommand: CliCommand = {
  name: 'upgrade',
  summary: 'Upgrade services to another template version (diff, migration hints, commit on a new branch)',
  usage: 'paver upgrade --template NAME --to VERSION [--services A,B] [--dry-run] [--workspace DIR]',
  async run(argv, io) {
    const args = parseArgs('upgrade', argv, spec);
    const template = stringOption(args, 'template');
    const to = stringOption(args, 'to');
    if (!template || !to) throw new UsageError('paver upgrade: --template NAME and --to VERSION are required', { command: 'upgrade', argument: template ? 'to' : 'template' });
    const services = stringOption(args, 'services')?.split(',').map((name) => name.trim()).filter(Boolean);
    const workspace = resolve(io.cwd, stringOption(args, 'workspace', '.')!);
    const plan = await planUpgrade(workspace, { template, to: to.replace(/^v/, ''), services, render: createEngineServiceRenderer() });
    io.stdout(describePlan(plan));
    if (!plan.services.length) { io.stdout('Nothing to upgrade.\n'); return 0; }
    if (args.options['dry-run']) { io.stdout('Dry run: nothing was changed.\n'); return 0; }
    const applied = await applyUpgrade(workspace, plan);
    io.stdout(`Committed ${applied.commit.slice(0, 7)} on new branch ${applied.branch}: ${applied.files.join(', ')}.\n`);
    return 0;
  },
};
