// How long an external edit takes to reach Paver (target: under 1 s).
import { mkdtemp, rm, writeFile, realpath, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkspaceWatcher } from './workspace-watcher.js';

const root = await realpath(await mkdtemp(join(tmpdir(), 'paver-watch-bench-')));
for (let i = 0; i < 2000; i++) {
  if (i % 100 === 0) await mkdir(join(root, `services/team-${i / 100}`), { recursive: true });
  await writeFile(join(root, `services/team-${Math.floor(i / 100)}/svc-${i}.yaml`), `name: svc-${i}\n`);
}
let resolveChange: ((at: number) => void) | undefined;
const watcher = new WorkspaceWatcher(root, { onChanges: () => resolveChange?.(performance.now()) });
const startScan = performance.now();
await watcher.start();
console.log(`initial scan of 2,000 files: ${(performance.now() - startScan).toFixed(0)} ms`);
const latencies: number[] = [];
for (let i = 0; i < 20; i++) {
  const changed = new Promise<number>((r) => (resolveChange = r));
  const started = performance.now();
  await writeFile(join(root, `services/team-3/svc-${300 + i}.yaml`), `name: changed-${i}\n`);
  latencies.push((await changed) - started);
}
latencies.sort((a, b) => a - b);
console.log(`external edit -> change event: median ${latencies[10]!.toFixed(0)} ms, max ${latencies[19]!.toFixed(0)} ms (target < 1000 ms)`);
await watcher.close();
await rm(root, { recursive: true, force: true });
