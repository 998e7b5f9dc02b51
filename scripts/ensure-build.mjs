// Builds Paver when out/ is missing or older than the sources, so `npm start`
// and `npm run web` work straight after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'testdata') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build` unless the build is newer than every source file. */
export function ensureBuild() {
  const outputs = ['out/cli/paver.js', 'out/renderer/index.html', 'out/main/index.js'].map((p) => join(root, p));
  const builtAt = outputs.every(existsSync) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
  const sourcesAt = Math.max(...['app', 'main', 'renderer', 'resources/schemas'].map((d) => newestMtime(join(root, d))));
  if (builtAt > sourcesAt) return;
  console.log(builtAt ? 'Sources changed since the last build; rebuilding…' : 'Building Paver (first run)…');
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
