import type { CliCommand } from '../command.js';
import { paverVersion } from '../../version.js';

export const versionCommand: CliCommand = {
  name: 'version',
  summary: 'Print the Paver version',
  usage: 'paver version',
  async run(_argv, io) {
    io.stdout(`${paverVersion}\n`);
    return 0;
  },
};
