// `npm start`: the desktop app on the sample workspace. Where Electron cannot
// start (no binary, as on machines without internet access at install time),
// it says so in one line and serves browser mode instead.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild } from './ensure-build.mjs';
import { findOrDownloadElectronBinary } from './electron-binary.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);

function browserMode(reason) {
  console.log(`Electron cannot start here (${reason}); serving browser mode instead.`);
  const child = spawn(process.execPath, ['--stack-size=3900', join(root, 'out/cli/paver.js'), 'web', ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureBuild();
const electron = findOrDownloadElectronBinary();
if (!electron.path) {
  browserMode(electron.reason);
} else {
  const workspaceArg = args.includes('--workspace') ? [`--workspace=${args[args.indexOf('--workspace') + 1]}`] : [];
  const started = Date.now();
  const child = spawn(electron.path, [join(root, 'out/main/index.js'), ...workspaceArg], { stdio: ['inherit', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; process.stderr.write(chunk); });
  child.on('error', (error) => browserMode(error.message));
  child.on('exit', (code) => {
    // A crash within seconds of launch means Electron itself could not start (no display, missing libraries).
    if (code !== 0 && Date.now() - started < 10_000) browserMode(stderr.trim().split('\n').pop() || `exit code ${code}`);
    else process.exit(code ?? 0);
  });
}
