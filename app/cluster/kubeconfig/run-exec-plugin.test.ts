import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExecPluginError, ExecTokenExpiredError } from '../../errors/index.js';
import { ContextCredentials } from './context-credentials.js';
import { loadKubeconfig } from './load-kubeconfig.js';
import { resolveContext } from './resolve-context.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'paver-exec-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function script(path: string, body: string): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, `#!/bin/sh\n${body}\n`);
  chmodSync(full, 0o755);
  return full;
}

function credential(token: string, expiration?: string, apiVersion = 'client.authentication.k8s.io/v1'): string {
  const status = expiration ? `{"token":"${token}","expirationTimestamp":"${expiration}"}` : `{"token":"${token}"}`;
  return `echo '{"apiVersion":"${apiVersion}","kind":"ExecCredential","status":${status}}'`;
}

function contextWithExec(exec: string, env: Record<string, string | undefined> = {}, clusterExtra = '') {
  const file = join(dir, 'kube', 'config');
  mkdirSync(join(dir, 'kube'), { recursive: true });
  writeFileSync(file, `
current-context: eks
clusters: [{ name: c, cluster: { server: https://127.0.0.1:1 ${clusterExtra} } }]
contexts: [{ name: eks, context: { cluster: c, user: sso } }]
users:
  - name: sso
    user:
      exec:
${exec.split('\n').map((l) => `        ${l}`).join('\n')}
`);
  return resolveContext(loadKubeconfig({ kubeconfigPath: file, homeDir: dir, env }));
}

describe('exec credential plugins', () => {
  it('runs a plugin relative to the kubeconfig, passes its env and caches the credential until it expires', async () => {
    script('kube/bin/token.sh', `echo run >> "${dir}/runs"\n${credential('tok-TEAM', new Date(Date.now() + 3_600_000).toISOString()).replace('TEAM', `'"$TEAM"'`)}`);
    const context = contextWithExec('apiVersion: client.authentication.k8s.io/v1\ncommand: ./bin/token.sh\ninteractiveMode: Never\nenv: [{ name: TEAM, value: payments }]');
    const credentials = new ContextCredentials(context, { env: { PATH: '/usr/bin:/bin' } });
    expect((await credentials.current()).authorization).toBe('Bearer tok-payments');
    expect((await credentials.current()).authorization).toBe('Bearer tok-payments');
    expect(readFileSync(join(dir, 'runs'), 'utf8').trim().split('\n')).toHaveLength(1);
    // After a 401 the cache is dropped and the plugin runs again.
    expect(credentials.invalidate()).toBe(true);
    await credentials.current();
    expect(readFileSync(join(dir, 'runs'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('tells the plugin whether it may prompt through KUBERNETES_EXEC_INFO', async () => {
    script('kube/info.sh', `printf '%s' "$KUBERNETES_EXEC_INFO" > "${dir}/info"\n${credential('t', undefined, 'client.authentication.k8s.io/v1beta1')}`);
    const context = contextWithExec('apiVersion: client.authentication.k8s.io/v1beta1\ncommand: ./info.sh');
    await new ContextCredentials(context, { env: { PATH: '/usr/bin:/bin' } }).current();
    expect(JSON.parse(readFileSync(join(dir, 'info'), 'utf8'))).toEqual({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', spec: { interactive: false } });
  });

  it('gives the plugin the cluster (with the CA file read) when provideClusterInfo is set', async () => {
    script('kube/info.sh', `printf '%s' "$KUBERNETES_EXEC_INFO" > "${dir}/info"\n${credential('t')}`);
    writeFileSync(join(dir, 'kube', 'ca.pem'), 'CA-PEM');
    const context = contextWithExec('apiVersion: client.authentication.k8s.io/v1\ncommand: ./info.sh\ninteractiveMode: Never\nprovideClusterInfo: true', {}, ', certificate-authority: ca.pem');
    await new ContextCredentials(context, { env: { PATH: '/usr/bin:/bin' } }).current();
    expect(JSON.parse(readFileSync(join(dir, 'info'), 'utf8')).spec).toEqual({
      interactive: false,
      cluster: { server: 'https://127.0.0.1:1', 'insecure-skip-tls-verify': false, 'certificate-authority-data': Buffer.from('CA-PEM').toString('base64') },
    });
  });

  it('finds a bare plugin name on the login shell PATH', async () => {
    script('login-bin/corp-login', credential('from-login-path'));
    // A stand-in login shell: `-lc CMD` runs CMD with the PATH a profile would set.
    const shell = script('fake-shell', `PATH="${dir}/login-bin:/usr/bin:/bin" exec /bin/sh -c "$2"`);
    const context = contextWithExec('apiVersion: client.authentication.k8s.io/v1\ncommand: corp-login\ninteractiveMode: IfAvailable');
    const credentials = new ContextCredentials(context, { env: { PATH: '/usr/bin:/bin', SHELL: shell } });
    expect((await credentials.current()).authorization).toBe('Bearer from-login-path');
  });

  it('shows the plugin stderr and exit code when it fails', async () => {
    script('kube/fail.sh', 'echo "error: SSO session expired, run: corp-login" >&2\nexit 3');
    const context = contextWithExec('apiVersion: client.authentication.k8s.io/v1\ncommand: ./fail.sh\nargs: [--profile, prod]\ninteractiveMode: Never');
    const error = await new ContextCredentials(context, { env: { PATH: '/usr/bin:/bin' } }).current().catch((e) => e);
    expect(error).toBeInstanceOf(ExecPluginError);
    expect(error.data.exitCode).toBe(3);
    expect(error.data.stderr).toContain('SSO session expired');
    expect(error.message).toContain('exit code 3');
    expect(error.message).toContain('SSO session expired');
    expect(error.data.command).toContain('fail.sh --profile prod');
  });

  it('stops a plugin that hangs after the timeout', async () => {
    script('kube/hang.sh', 'echo "waiting for browser login" >&2\nsleep 30');
    const context = contextWithExec('apiVersion: client.authentication.k8s.io/v1\ncommand: ./hang.sh\ninteractiveMode: Never');
    const error = await new ContextCredentials(context, { env: { PATH: '/usr/bin:/bin' }, timeoutMs: 300 }).current().catch((e) => e);
    expect(error).toBeInstanceOf(ExecPluginError);
    expect(error.message).toContain('did not finish within');
    expect(error.data.stderr).toContain('waiting for browser login');
  });

  it('reports an already expired credential clearly', async () => {
    script('kube/old.sh', credential('old', '2020-01-01T00:00:00Z'));
    const context = contextWithExec('apiVersion: client.authentication.k8s.io/v1\ncommand: ./old.sh\ninteractiveMode: Never');
    const error = await new ContextCredentials(context, { env: { PATH: '/usr/bin:/bin' } }).current().catch((e) => e);
    expect(error).toBeInstanceOf(ExecTokenExpiredError);
    expect(error.data.expiredAt).toBe('2020-01-01T00:00:00Z');
    expect(error.message).toContain('expired at 2020-01-01T00:00:00Z');
  });

  it('explains a missing plugin with its install hint, and refuses interactiveMode Always without a terminal', async () => {
    const missing = contextWithExec('apiVersion: client.authentication.k8s.io/v1\ncommand: no-such-plugin-xyz\ninteractiveMode: Never\ninstallHint: Install it with brew install xyz');
    const error = await new ContextCredentials(missing, { env: { PATH: '/usr/bin:/bin' } }).current().catch((e) => e);
    expect(error).toBeInstanceOf(ExecPluginError);
    expect(error.message).toContain('was not found on PATH');
    expect(error.message).toContain('brew install xyz');
    script('kube/prompt.sh', credential('x'));
    const always = contextWithExec('apiVersion: client.authentication.k8s.io/v1\ncommand: ./prompt.sh\ninteractiveMode: Always');
    const refused = await new ContextCredentials(always, { env: { PATH: '/usr/bin:/bin' } }).current().catch((e) => e);
    expect(refused.message).toContain('needs an interactive terminal');
  });

  it('rejects output that is not an ExecCredential of the configured apiVersion', async () => {
    script('kube/wrong.sh', credential('x', undefined, 'client.authentication.k8s.io/v1beta1'));
    const context = contextWithExec('apiVersion: client.authentication.k8s.io/v1\ncommand: ./wrong.sh\ninteractiveMode: Never');
    const error = await new ContextCredentials(context, { env: { PATH: '/usr/bin:/bin' } }).current().catch((e) => e);
    expect(error).toBeInstanceOf(ExecPluginError);
    expect(error.message).toContain('but the kubeconfig asks for client.authentication.k8s.io/v1');
  });
});
