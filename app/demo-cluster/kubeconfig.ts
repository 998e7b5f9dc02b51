// The kubeconfig that points kubectl and @kubernetes/client-node at the demo cluster.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

/** The context name the app and the docs use for the demo cluster. */
export const demoContextName = 'paver-demo';

/** Renders a kubeconfig with the CA embedded and a bearer token. */
export function renderKubeconfig(url: string, caPem: string, token: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: demoContextName, cluster: { server: url, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [{ name: demoContextName, user: { token } }],
    contexts: [{ name: demoContextName, context: { cluster: demoContextName, user: demoContextName, namespace: 'default' } }],
    'current-context': demoContextName,
    preferences: {},
  });
}

/** Writes a kubeconfig atomically with owner-only permissions (it holds a token). */
export async function writeKubeconfig(path: string, yamlText: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, yamlText, { mode: 0o600 });
  await rename(temporary, path);
}
