// Status on generated workspaces of 2,000 and 20,000 files: the stat-cache
// status against `git status --porcelain=v2` in the same run (issue 4 target:
// no slower than git on 2k, at most 2x on 20k, after the first call).
import { rm, writeFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { generateWorkspaceRepo } from './testing/generate-workspace-repo.js';
import { runGitCli } from './git-cli.js';
import { StatusEngine } from './status/status-engine.js';
import { createStatusService } from './status/status-service.js';

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function time(runs: number, action: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await action();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

for (const files of [2000, 20000]) {
  const dir = await generateWorkspaceRepo({ files });
  // A realistic tree: a few edits, a new file and a touched-only file.
  const edited = ['services/team-1/svc-1.yaml', 'services/team-2/svc-2.yaml', 'services/team-3/svc-3.yaml'];
  for (const file of edited) await writeFile(path.join(dir, file), 'edited: true\n');
  await writeFile(path.join(dir, 'services/new.yaml'), 'new: true\n');
  const later = new Date(Date.now() + 10_000);
  await utimes(path.join(dir, 'services/team-4/svc-4.yaml'), later, later);
  const gitArgs = ['-c', 'status.renames=false', 'status', '--porcelain=v2', '--untracked-files=all'];
  await runGitCli(dir, gitArgs);
  const cli = await time(7, () => runGitCli(dir, gitArgs));

  const engine = new StatusEngine(dir);
  let start = performance.now();
  await engine.status({ full: true });
  const first = performance.now() - start;
  const full = await time(7, () => engine.status({ full: true }));
  let round = 0;
  const watched = await time(7, async () => {
    round++;
    await writeFile(path.join(dir, edited[0]!), `edited: ${round}\n`);
    engine.invalidate([edited[0]!]);
    return engine.status();
  });

  const service = await createStatusService();
  start = performance.now();
  await service.status(dir, { full: true });
  const workerFirst = performance.now() - start;
  const worker = await time(7, () => service.status(dir, { full: true }));
  await service.close();

  console.log(`status, ${files.toLocaleString('en')} files (4 changed, 1 untracked, 1 touched)`);
  console.log(`  git status --porcelain=v2           ${ms(cli)}`);
  console.log(`  stat-cache, first call               ${ms(first)}`);
  console.log(`  stat-cache, full re-stat (no watcher) ${ms(full)}   ratio ${(full / cli).toFixed(2)}x`);
  console.log(`  stat-cache, watcher-fed (1 path)     ${ms(watched)}   ratio ${(watched / cli).toFixed(2)}x`);
  console.log(`  worker thread, first / full          ${ms(workerFirst)} / ${ms(worker)}   ratio ${(worker / cli).toFixed(2)}x`);
  await rm(dir, { recursive: true, force: true });
}
