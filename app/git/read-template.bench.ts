// Reading a template at a published version straight from Git objects (issue 4
// target: 20 ms or less warm), on a 20,000-file repository whose objects are
// packed, against the git CLI doing the same (ls-tree + cat-file --batch).
import { rm } from 'node:fs/promises';
import { generateWorkspaceRepo } from './testing/generate-workspace-repo.js';
import { runGitCli } from './git-cli.js';
import { readTemplateAtVersion } from '../workspace/versions/read-template-at-version.js';
import { listTemplateVersions } from '../workspace/versions/list-template-versions.js';

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

const dir = await generateWorkspaceRepo({ files: 20000, templateFiles: 30, versions: ['1.0.0', '1.1.0', '1.2.0', '2.0.0'] });
await runGitCli(dir, ['gc', '-q']);
const readAll = async (version: string) => {
  const tree = await readTemplateAtVersion(dir, 'web-service', version);
  return Promise.all(tree.paths.map((file) => tree.readText(file)));
};
let start = performance.now();
await readAll('1.1.0');
const cold = performance.now() - start;
const warmSame = await time(9, () => readAll('1.1.0'));
start = performance.now();
await readAll('2.0.0');
const otherVersionFirst = performance.now() - start;
const oneFile = await time(9, async () => (await readTemplateAtVersion(dir, 'web-service', '1.2.0')).readText('Chart.yaml'));
const listing = await time(9, () => listTemplateVersions(dir, 'web-service'));
const cli = await time(5, async () => {
  const names = (await runGitCli(dir, ['ls-tree', '-r', '--name-only', 'templates/web-service/v1.1.0', '--', 'templates/web-service'])).stdout.trim().split('\n');
  await runGitCli(dir, ['cat-file', '--batch'], { input: names.map((name) => `templates/web-service/v1.1.0:${name}\n`).join('') });
});
console.log('read a template at a version (30 files), 20,000-file packed repository');
console.log(`  first read (cold cache)               ${cold.toFixed(1)} ms`);
console.log(`  warm, same version, all 30 files      ${warmSame.toFixed(1)} ms   (target <= 20 ms)`);
console.log(`  another version, first read           ${otherVersionFirst.toFixed(1)} ms`);
console.log(`  warm, one file                        ${oneFile.toFixed(1)} ms`);
console.log(`  git CLI (ls-tree + cat-file --batch)  ${cli.toFixed(1)} ms   ratio ${(warmSame / cli).toFixed(2)}x`);
console.log(`  list published versions (4 tags)      ${listing.toFixed(1)} ms`);
await rm(dir, { recursive: true, force: true });
