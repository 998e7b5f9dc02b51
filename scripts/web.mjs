// `npm run web [-- --workspace DIR --port N]`: browser mode. Builds when needed,
// then serves the studio on 127.0.0.1 and prints the URL with its token.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild } from './ensure-build.mjs';

const root = new URL('..', import.meta.url).pathname;
ensureBuild();
const child = spawn(process.execPath, ['--stack-size=3900', join(root, 'out/cli/paver.js'), 'web', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
