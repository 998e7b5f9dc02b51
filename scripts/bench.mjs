// `npm run bench [filter]`: runs every *.bench.ts under app/ and main/ one after
// another and prints their figures. Benchmarks report; they never assert timings.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2];

function findBenches(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findBenches(path));
    else if (name.endsWith('.bench.ts')) found.push(path);
  }
  return found;
}

const benches = ['app', 'main'].flatMap((d) => findBenches(join(root, d))).sort()
  .filter((file) => !filter || relative(root, file).includes(filter));
if (benches.length === 0) {
  console.error(filter ? `No benchmark matches '${filter}'.` : 'No benchmarks found.');
  process.exit(1);
}
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${relative(root, file)}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
