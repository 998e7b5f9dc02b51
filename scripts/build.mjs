// `npm run build`: the Electron main + preload + renderer (electron-vite), then
// the CLI and browser-mode server (esbuild) as out/cli/paver.js.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';

const started = Date.now();
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const vite = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);

// Worker threads load their code from a file beside the bundle that starts them
// (see defaultSimulationWorkerUrl and defaultStatusWorkerUrl).
const workers = {
  'simulation-worker': 'app/simulate/simulation-worker.ts',
  'status-worker': 'app/git/status/status-worker.ts',
  'service-render-worker': 'app/workspace/versions/service-render-worker.ts',
};
const workerEntries = Object.fromEntries(Object.entries(workers).flatMap(([name, source]) => [[`cli/${name}`, source], [`main/${name}`, source]]));

await build({
  entryPoints: { 'cli/paver': 'main/cli/paver.ts', ...workerEntries },
  outdir: 'out',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  define: { __PAVER_VERSION__: JSON.stringify(version) },
  // Helm allows 1,000 nested includes; V8's default stack holds about 450 of ours.
  banner: { js: '#!/usr/bin/env -S node --stack-size=3900' },
});
chmodSync('out/cli/paver.js', 0o755);
console.log(`Built Paver ${version} in ${((Date.now() - started) / 1000).toFixed(1)}s: out/main, out/preload, out/renderer, out/cli/paver.js`);
