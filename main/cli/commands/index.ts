// Every `paver` command, one file each. Adding a command: its file, then one line here.
import type { CliCommand } from '../command.js';
import { versionCommand } from './version.js';
import { demoClusterCommand } from './demo-cluster.js';
import { webCommand } from './web.js';
import { simulateCommand } from './simulate.js';
import { templateCommand } from './template.js';
import { initCommand } from './init.js';
import { policyCommand } from './policy.js';
import { contextsCommand } from './contexts.js';
import { renderCommand } from './render.js';
import { publishCommand } from './publish.js';
import { upgradeCommand } from './upgrade.js';

export const commands: CliCommand[] = [
  versionCommand,
  demoClusterCommand,
  webCommand,
  simulateCommand,
  templateCommand,
  initCommand,
  policyCommand,
  contextsCommand,
  renderCommand,
  publishCommand,
  upgradeCommand,
];
