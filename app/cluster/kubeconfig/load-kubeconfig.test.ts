import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileNotFoundError, InvalidFileError, UnknownContextError } from '../../errors/index.js';
import { loadKubeconfig } from './load-kubeconfig.js';
import { listContextSummaries, resolveContext } from './resolve-context.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'paver-kubeconfig-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const first = `
apiVersion: v1
kind: Config
current-context: dev
clusters:
  - name: shared
    cluster: { server: https://first.example:6443, certificate-authority: certs/ca.pem }
  - name: dev-cluster
    cluster: { server: https://dev.example:6443, insecure-skip-tls-verify: true, proxy-url: http://proxy.example:3128 }
users:
  - name: alice
    user: { token: first-secret-token }
contexts:
  - name: dev
    context: { cluster: dev-cluster, user: alice, namespace: team-a }
  - name: shared
    context: { cluster: shared, user: alice }
`;
const second = `
current-context: prod
clusters:
  - name: shared
    cluster: { server: https://second.example:6443 }
  - name: prod-cluster
    cluster: { server: https://prod.example:6443, certificate-authority-data: ${Buffer.from('PEM').toString('base64')} }
users:
  - name: alice
    user: { token: second-token }
  - name: bob
    user: { tokenFile: ~/tokens/bob }
contexts:
  - name: prod
    context: { cluster: prod-cluster, user: bob }
  - name: dev
    context: { cluster: prod-cluster, user: bob }
`;

describe('loadKubeconfig', () => {
  it('merges KUBECONFIG as kubectl does: the first file wins each name and current-context', () => {
    const a = write('a/config', first);
    const b = write('b/config', second);
    const config = loadKubeconfig({ env: { KUBECONFIG: `${a}:${b}` }, homeDir: dir });
    expect(config.files).toEqual([a, b]);
    expect(config.currentContext).toBe('dev');
    expect(config.contexts.map((c) => c.name)).toEqual(['dev', 'shared', 'prod']);
    expect(config.clusters.find((c) => c.name === 'shared')!.server).toBe('https://first.example:6443');
    expect(config.users.find((u) => u.name === 'alice')!.token).toBe('first-secret-token');
    expect(config.contexts.find((c) => c.name === 'dev')!.cluster).toBe('dev-cluster');
    // Reversing the order reverses every winner.
    const reversed = loadKubeconfig({ env: { KUBECONFIG: `${b}:${a}` }, homeDir: dir });
    expect(reversed.currentContext).toBe('prod');
    expect(reversed.clusters.find((c) => c.name === 'shared')!.server).toBe('https://second.example:6443');
  });

  it('resolves relative paths against the file that names them and expands ~', () => {
    const a = write('a/config', first);
    const b = write('b/config', second);
    const config = loadKubeconfig({ env: { KUBECONFIG: `${a}:${b}` }, homeDir: dir });
    expect(config.clusters.find((c) => c.name === 'shared')!.certificateAuthority).toBe(join(dir, 'a', 'certs', 'ca.pem'));
    expect(config.users.find((u) => u.name === 'bob')!.tokenFile).toBe(join(dir, 'tokens', 'bob'));
  });

  it('expands ~ and relative entries in KUBECONFIG itself', () => {
    write('home-config', first);
    const config = loadKubeconfig({ env: { KUBECONFIG: '~/home-config' }, homeDir: dir });
    expect(config.files).toEqual([join(dir, 'home-config')]);
    const relative = loadKubeconfig({ env: { KUBECONFIG: 'home-config' }, homeDir: '/nowhere', cwd: dir });
    expect(relative.files).toEqual([join(dir, 'home-config')]);
  });

  it('skips missing KUBECONFIG entries with a note', () => {
    const b = write('b/config', second);
    const missing = join(dir, 'missing');
    const config = loadKubeconfig({ env: { KUBECONFIG: `${missing}:${b}` }, homeDir: dir });
    expect(config.files).toEqual([b]);
    expect(config.currentContext).toBe('prod');
    expect(config.notes.join('\n')).toContain(`${missing} (from KUBECONFIG) does not exist`);
  });

  it('reads ~/.kube/config when KUBECONFIG is unset, and notes when there is none', () => {
    write('.kube/config', first);
    expect(loadKubeconfig({ env: {}, homeDir: dir }).currentContext).toBe('dev');
    const empty = loadKubeconfig({ env: {}, homeDir: join(dir, 'no-home') });
    expect(empty.contexts).toEqual([]);
    expect(empty.notes[0]).toContain('No kubeconfig');
  });

  it('reads additional files (the demo cluster) last, with the lowest precedence, and ignores them when missing', () => {
    const a = write('a/config', first);
    const b = write('b/config', second);
    const config = loadKubeconfig({ kubeconfigPath: a, additionalFiles: [b, join(dir, 'no-demo-yet')], homeDir: dir });
    expect(config.files).toEqual([a, b]);
    expect(config.currentContext).toBe('dev');
    expect(config.contexts.map((c) => c.name)).toEqual(['dev', 'shared', 'prod']);
    expect(config.notes).toEqual([]);
  });

  it('fails clearly for a missing --kubeconfig file and for invalid YAML', () => {
    expect(() => loadKubeconfig({ kubeconfigPath: join(dir, 'nope'), homeDir: dir })).toThrow(FileNotFoundError);
    const bad = write('bad', 'clusters:\n  - name: x\n    cluster: { server: [unclosed\n');
    try {
      loadKubeconfig({ kubeconfigPath: bad, homeDir: dir });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFileError);
      expect((error as InvalidFileError).data.file).toBe(bad);
      expect((error as InvalidFileError).data.line).toBeGreaterThanOrEqual(3);
      expect((error as Error).message).toContain(bad);
    }
  });
});

describe('resolveContext', () => {
  it('resolves the current context with its cluster, user and namespace', () => {
    const a = write('a/config', first);
    const context = resolveContext(loadKubeconfig({ kubeconfigPath: a, homeDir: dir }));
    expect(context.name).toBe('dev');
    expect(context.namespace).toBe('team-a');
    expect(context.cluster.server).toBe('https://dev.example:6443');
    expect(context.cluster.insecureSkipTlsVerify).toBe(true);
    expect(context.cluster.proxyUrl).toBe('http://proxy.example:3128');
    expect(context.authKind).toBe('token');
    expect(resolveContext(loadKubeconfig({ kubeconfigPath: a, homeDir: dir }), 'shared').namespace).toBe('default');
  });

  it('names the available contexts and files for an unknown context', () => {
    const a = write('a/config', first);
    const config = loadKubeconfig({ kubeconfigPath: a, homeDir: dir });
    try {
      resolveContext(config, 'staging');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownContextError);
      expect((error as UnknownContextError).data).toEqual({ context: 'staging', available: ['dev', 'shared'], files: [a] });
      expect((error as Error).message).toContain("Context 'staging' is not defined");
    }
  });

  it('summaries for the UI carry no secrets', () => {
    const a = write('a/config', first);
    const b = write('b/config', second);
    const summaries = listContextSummaries(loadKubeconfig({ env: { KUBECONFIG: `${a}:${b}` }, homeDir: dir }));
    expect(summaries.find((s) => s.name === 'dev')).toEqual({
      name: 'dev', current: true, cluster: 'dev-cluster', server: 'https://dev.example:6443', namespace: 'team-a', user: 'alice', authKind: 'token',
    });
    expect(summaries.find((s) => s.name === 'prod')!.authKind).toBe('token-file');
    expect(JSON.stringify(summaries)).not.toContain('first-secret-token');
  });
});
