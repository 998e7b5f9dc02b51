import * as fs from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import git from 'isomorphic-git';
import { FileExistsError } from '../../errors/file-exists-error.js';

/** What createEmptyWorkspace made. */
export interface EmptyWorkspaceSummary {
  path: string;
  name: string;
  createdFiles: string[];
  initializedGit: boolean;
}

/**
 * Lays out a new, empty workspace in a folder: paver.yaml with dev and prod
 * environments, the templates/, services/ and policies/ folders, and a Git
 * repository when the folder is not one yet. Existing files are kept; a
 * folder that already has a paver.yaml is refused.
 *
 * @example await createEmptyWorkspace('/src/platform') // { name: 'platform', initializedGit: true, ... }
 */
export async function createEmptyWorkspace(targetDir: string): Promise<EmptyWorkspaceSummary> {
  await mkdir(targetDir, { recursive: true });
  const manifest = join(targetDir, 'paver.yaml');
  if (await exists(manifest)) {
    throw new FileExistsError(`${manifest} already exists: this folder is a Paver workspace already. Open it, or choose another folder.`, { path: manifest });
  }
  const name = workspaceName(targetDir);
  const createdFiles: string[] = [];
  await writeFile(manifest, workspaceManifest(name), { flag: 'wx' });
  createdFiles.push('paver.yaml');
  for (const folder of ['templates', 'services', 'policies']) {
    await mkdir(join(targetDir, folder), { recursive: true });
    // Git does not track empty folders; the placeholder keeps the layout in a clone.
    const keep = join(targetDir, folder, '.gitkeep');
    if (!(await exists(keep))) {
      await writeFile(keep, '');
      createdFiles.push(`${folder}/.gitkeep`);
    }
  }
  const initializedGit = !(await exists(join(targetDir, '.git')));
  if (initializedGit) await git.init({ fs, dir: targetDir, defaultBranch: 'main' });
  return { path: targetDir, name, createdFiles, initializedGit };
}

/** A DNS-label name for the workspace, derived from its folder name. */
function workspaceName(targetDir: string): string {
  const name = basename(targetDir).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return name || 'workspace';
}

function workspaceManifest(name: string): string {
  return `# A Paver workspace: templates/ holds golden-path Helm charts, services/
# the services built on them, policies/ the admission policies they must pass.
apiVersion: paver.dev/v1alpha1
kind: Workspace
metadata:
  name: ${name}
spec:
  # The Kubernetes version that renders see as .Capabilities.KubeVersion.
  kubeVersion: "1.31"
  environments:
    - name: dev
      # paver-demo is Paver's embedded demo cluster; use your kube context here.
      context: paver-demo
      namespaceLabels:
        env: dev
    - name: prod
      context: paver-demo
      protected: true
      namespaceLabels:
        env: prod
  defaults:
    environment: dev
`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
