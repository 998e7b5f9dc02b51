import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UnknownContextError } from '../errors/index.js';
import { ClusterConnections } from './cluster-connections.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'paver-connections-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = (contexts: string[]) => `
current-context: ${contexts[0]}
clusters: [{ name: c, cluster: { server: "https://127.0.0.1:6443" } }]
users: [{ name: u, user: { token: t } }]
contexts:
${contexts.map((name) => `  - { name: ${name}, context: { cluster: c, user: u, namespace: ${name}-ns } }`).join('\n')}
`;

it('keeps one client per context and picks up kubeconfig edits on reload', async () => {
  const file = join(dir, 'config');
  writeFileSync(file, config(['dev']));
  const connections = new ClusterConnections({ kubeconfigPath: file });
  const dev = connections.client();
  expect(dev.context.name).toBe('dev');
  expect(dev.namespace).toBe('dev-ns');
  expect(connections.client('dev')).toBe(dev);
  expect(() => connections.client('prod')).toThrow(UnknownContextError);
  writeFileSync(file, config(['dev', 'prod']));
  await connections.reload();
  expect(connections.client('prod').namespace).toBe('prod-ns');
  expect(connections.client('dev')).not.toBe(dev);
  await connections.close();
});
