// How long `paver init --sample` and first launch take to build the sample
// repository (target: under 2 s). Reports wall and CPU time; asserts nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSampleWorkspace } from './create-sample-workspace.js';
import { defaultSampleDir } from './resources-dir.js';

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'paver-sample-bench-'));
  const sampleDir = defaultSampleDir();
  const walls: number[] = [];
  const cpus: number[] = [];
  try {
    for (let run = 0; run < 6; run++) {
      const cpuStart = process.cpuUsage();
      const wallStart = performance.now();
      const summary = await createSampleWorkspace(join(root, `run-${run}`), { sampleDir });
      walls.push(performance.now() - wallStart);
      const cpu = process.cpuUsage(cpuStart);
      cpus.push((cpu.user + cpu.system) / 1000);
      if (run === 0) console.log(`sample: ${summary.commits} commits, ${summary.tags.length} tags, ${summary.services.length} services`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`create sample workspace, first run (cold):  wall ${walls[0].toFixed(0)} ms, cpu ${cpus[0].toFixed(0)} ms`);
  console.log(`create sample workspace, median of 5 warm: wall ${median(walls.slice(1)).toFixed(0)} ms, cpu ${median(cpus.slice(1)).toFixed(0)} ms`);
}

await main();
