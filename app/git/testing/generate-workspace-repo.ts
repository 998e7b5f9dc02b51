// Benchmark fixtures: a workspace-shaped repository of any size, written in one
// `git fast-import` stream (seconds for 20,000 files) and checked out.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runGit } from './temp-repository.js';

/** Shape of a generated repository. */
export interface GeneratedRepoOptions {
  /** Total number of tracked files. */
  files: number;
  /** Extra files per template folder (for reading a template at a version). */
  templateFiles?: number;
  /** Template versions to publish as annotated tags, e.g. ['1.0.0', '1.1.0']. */
  versions?: string[];
}

/**
 * Creates the repository under os.tmpdir() and returns its path.
 * @example const dir = await generateWorkspaceRepo({ files: 20000, versions: ['1.0.0', '2.0.0'] });
 */
export async function generateWorkspaceRepo(options: GeneratedRepoOptions): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `paver-bench-${options.files}-`));
  await runGit(dir, ['init', '-q', '-b', 'main']);
  await runGit(dir, ['config', 'user.name', 'Bench']);
  await runGit(dir, ['config', 'user.email', 'bench@example.com']);
  const templateFiles = options.templateFiles ?? 30;
  const versions = options.versions ?? ['1.0.0'];
  const chunks: string[] = [];
  const blob = (content: string) => `data ${Buffer.byteLength(content)}\n${content}\n`;
  let mark = 0;
  const when = 1_700_000_000;
  versions.forEach((version, index) => {
    const files: [string, string][] = [];
    if (index === 0) {
      files.push(['paver.yaml', 'apiVersion: paver.dev/v1alpha1\nkind: Workspace\nmetadata: { name: bench }\nspec:\n  environments:\n    - { name: dev, context: kind-dev }\n']);
      const services = Math.max(0, options.files - templateFiles - 1);
      for (let i = 0; i < services; i++) {
        files.push([`services/team-${i % 50}/svc-${i}.yaml`, `apiVersion: paver.dev/v1alpha1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  template: web-service\n  version: "^1.0.0"\n  values: { port: ${8000 + (i % 1000)} }\n`]);
      }
    }
    files.push(['templates/web-service/Chart.yaml', `apiVersion: v2\nname: web-service\nversion: ${version}\n`]);
    for (let i = 0; i < templateFiles - 1; i++) files.push([`templates/web-service/templates/part-${i}.yaml`, `# part ${i} of ${version}\nkind: ConfigMap\nmetadata:\n  name: part-${i}\ndata:\n  version: "${version}"\n`.repeat(3)]);
    mark++;
    chunks.push(`commit refs/heads/main\nmark :${mark}\ncommitter Bench <bench@example.com> ${when + index * 60} +0000\n${blob(`Release web-service ${version}`)}`);
    if (index > 0) chunks.push(`from :${mark - 1}\n`);
    for (const [file, content] of files) chunks.push(`M 100644 inline ${file}\n${blob(content)}`);
    chunks.push(`tag templates/web-service/v${version}\nfrom :${mark}\ntagger Bench <bench@example.com> ${when + index * 60} +0000\n${blob(`web-service ${version}`)}`);
  });
  await runGit(dir, ['fast-import', '--quiet'], chunks.join(''));
  await runGit(dir, ['checkout', '-q', '-f', 'main']);
  return dir;
}
