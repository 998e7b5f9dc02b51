import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { ExecPluginError, ExecTokenExpiredError } from '../../errors/index.js';
import type { ExecConfig, KubeCluster } from './kubeconfig-types.js';
import { pluginSearchPath } from './login-shell-path.js';

/** What an exec plugin returned. Secret: stays in the core. */
export interface ExecCredential {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  expiresAt?: Date;
}

/** How to run exec plugins. */
export interface ExecPluginOptions {
  /** Kill the plugin after this long (default 30 s). */
  timeoutMs?: number;
  /** True when a terminal is attached that the plugin may prompt on (the CLI); the app never is. */
  interactive?: boolean;
  env?: Record<string, string | undefined>;
  now?: () => Date;
}

const maxStderr = 4000;

/**
 * Runs one exec credential plugin (client.authentication.k8s.io v1 or v1beta1)
 * the way kubectl does, with the login-shell PATH, and returns its credential.
 * Throws ExecPluginError (with stderr and exit code) or ExecTokenExpiredError.
 */
export async function runExecPlugin(exec: ExecConfig, userName: string, cluster: KubeCluster | undefined, options: ExecPluginOptions = {}): Promise<ExecCredential> {
  const baseEnv = options.env ?? process.env;
  const interactive = options.interactive === true && exec.interactiveMode !== 'Never';
  const commandLine = [exec.command, ...exec.args].join(' ');
  const fail = (message: string, stderr = '', exitCode: number | null = null) =>
    new ExecPluginError(message, { command: commandLine, user: userName, stderr, exitCode });
  if (exec.interactiveMode === 'Always' && !interactive) {
    throw fail(`The exec plugin '${commandLine}' of user '${userName}' needs an interactive terminal (interactiveMode: Always). Run it once in a terminal (for example 'kubectl get ns') to log in, then retry.`);
  }
  const env: Record<string, string | undefined> = { ...baseEnv, PATH: await pluginSearchPath(baseEnv) };
  for (const { name, value } of exec.env) env[name] = value;
  env.KUBERNETES_EXEC_INFO = JSON.stringify(execInfo(exec, interactive, cluster));
  const timeoutMs = options.timeoutMs ?? 30_000;

  const { stdout, stderr, exitCode, error, timedOut } = await new Promise<{ stdout: string; stderr: string; exitCode: number | null; error?: NodeJS.ErrnoException; timedOut: boolean }>((done) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    // detached: a timeout kills the plugin's whole process group, not just a wrapper shell.
    const child = spawn(exec.command, exec.args, { env: env as NodeJS.ProcessEnv, stdio: [interactive ? 'inherit' : 'ignore', 'pipe', 'pipe'], detached: !interactive });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
      done({ stdout, stderr, exitCode: null, timedOut });
    }, timeoutMs);
    child.stdout!.on('data', (chunk) => { stdout += chunk; });
    child.stderr!.on('data', (chunk) => { if (stderr.length < maxStderr) stderr += chunk; });
    child.on('error', (spawnError) => { clearTimeout(timer); done({ stdout, stderr, exitCode: null, error: spawnError, timedOut }); });
    child.on('close', (code) => { clearTimeout(timer); done({ stdout, stderr, exitCode: code, timedOut }); });
  });
  const shownStderr = stderr.trim().slice(0, maxStderr);
  if (timedOut) {
    throw fail(`The exec plugin '${commandLine}' of user '${userName}' did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.${shownStderr ? ` Its output: ${shownStderr}` : ''} If it waits for a browser or a prompt, log in from a terminal first.`, shownStderr);
  }
  if (error) {
    const hint = exec.installHint ? ` ${exec.installHint.trim()}` : '';
    const reason = error.code === 'ENOENT' ? `was not found on PATH (${env.PATH})` : `could not start (${error.code ?? error.message})`;
    throw fail(`The exec plugin '${exec.command}' of user '${userName}' ${reason}.${hint}`, shownStderr);
  }
  if (exitCode !== 0) {
    throw fail(`The exec plugin '${commandLine}' of user '${userName}' failed with exit code ${exitCode}${shownStderr ? `: ${shownStderr}` : ' and printed nothing on stderr'}.`, shownStderr, exitCode);
  }
  return parseExecCredential(stdout, exec, userName, commandLine, shownStderr, options.now ?? (() => new Date()));
}

function execInfo(exec: ExecConfig, interactive: boolean, cluster: KubeCluster | undefined): unknown {
  const spec: Record<string, unknown> = { interactive };
  if (exec.provideClusterInfo && cluster) {
    spec.cluster = {
      server: cluster.server,
      'tls-server-name': cluster.tlsServerName,
      'insecure-skip-tls-verify': cluster.insecureSkipTlsVerify,
      // client-go sends the CA bytes even when the kubeconfig names a CA file.
      'certificate-authority-data': cluster.certificateAuthorityData
        ?? (cluster.certificateAuthority && existsSync(cluster.certificateAuthority) ? readFileSync(cluster.certificateAuthority).toString('base64') : undefined),
      'proxy-url': cluster.proxyUrl,
    };
  }
  return { apiVersion: exec.apiVersion, kind: 'ExecCredential', spec };
}

function parseExecCredential(stdout: string, exec: ExecConfig, user: string, command: string, stderr: string, now: () => Date): ExecCredential {
  const invalid = (why: string) => new ExecPluginError(`The exec plugin '${command}' of user '${user}' ${why}.`, { command, user, stderr, exitCode: 0 });
  let parsed: any;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw invalid(`printed something that is not an ExecCredential JSON object${stdout.trim() ? `: ${stdout.trim().slice(0, 200)}` : ' (stdout was empty)'}`);
  }
  if (parsed?.kind !== 'ExecCredential') throw invalid(`printed kind '${parsed?.kind}' instead of ExecCredential`);
  if (parsed.apiVersion !== exec.apiVersion) throw invalid(`answered with apiVersion ${parsed.apiVersion}, but the kubeconfig asks for ${exec.apiVersion}`);
  const status = parsed.status ?? {};
  const credential: ExecCredential = {
    token: typeof status.token === 'string' && status.token !== '' ? status.token : undefined,
    clientCertificateData: typeof status.clientCertificateData === 'string' ? status.clientCertificateData : undefined,
    clientKeyData: typeof status.clientKeyData === 'string' ? status.clientKeyData : undefined,
  };
  if (!credential.token && !(credential.clientCertificateData && credential.clientKeyData)) {
    throw invalid('returned neither status.token nor status.clientCertificateData with status.clientKeyData');
  }
  if (typeof status.expirationTimestamp === 'string') {
    const expiresAt = new Date(status.expirationTimestamp);
    if (Number.isNaN(expiresAt.getTime())) throw invalid(`returned an unreadable expirationTimestamp '${status.expirationTimestamp}'`);
    if (expiresAt.getTime() <= now().getTime()) {
      throw new ExecTokenExpiredError(
        `The exec plugin '${command}' of user '${user}' returned a credential that expired at ${status.expirationTimestamp}. Log in again with the tool behind it (for example 'aws sso login' or 'gcloud auth login'), then retry.`,
        { command, user, expiredAt: status.expirationTimestamp },
      );
    }
    credential.expiresAt = expiresAt;
  }
  return credential;
}
