import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { parseArgs, stringOption } from '../args.js';
import { UsageError } from '../../../app/errors/index.js';
import { createCore, openStartupWorkspace } from '../../services/create-core.js';
import { startHttpServer } from '../../web/http-server.js';
import { findRendererBuildDir } from '../../renderer-build-dir.js';
import { defaultUserDataDir } from '../../user-data-dir.js';

export const webCommand: CliCommand = {
  name: 'web',
  summary: 'Serve the Paver studio in browser mode on 127.0.0.1',
  usage: 'paver web [--workspace DIR] [--port N]',
  async run(argv, io) {
    const args = parseArgs('web', argv, { workspace: { value: true }, port: { value: true } });
    const portText = stringOption(args, 'port', '0')!;
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`paver web: --port must be a number from 0 to 65535, not '${portText}'.`, { command: 'web', argument: 'port' });
    }
    const staticDir = findRendererBuildDir();
    if (!staticDir) {
      io.stderr('The renderer is not built yet. Run `npm run build` (or `npm run web`, which builds first).\n');
      return 1;
    }
    const userDataDir = defaultUserDataDir(io.env);
    const core = createCore({ userDataDir, mode: 'browser', startDemoCluster: !io.env.PAVER_NO_DEMO_CLUSTER, env: io.env, onWarning: (m) => io.stderr(`Warning: ${m}\n`) });
    const requested = stringOption(args, 'workspace');
    const workspace = await openStartupWorkspace(core, userDataDir, requested ? resolve(io.cwd, requested) : undefined);
    const server = await startHttpServer({ dispatcher: core.dispatcher, staticDir, port, token: io.env.PAVER_WEB_TOKEN });
    io.stdout(`Paver is serving ${workspace.name} (${workspace.root}) in browser mode.\nOpen ${server.appUrl}\n`);
    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await core.dispose();
    return 0;
  },
};
