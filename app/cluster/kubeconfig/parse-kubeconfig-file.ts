import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { InvalidFileError } from '../../errors/index.js';
import type { ExecConfig, KubeCluster, KubeContext, KubeUser } from './kubeconfig-types.js';

/** One kubeconfig file's entries, with paths made absolute. */
export interface KubeconfigFileContents {
  file: string;
  currentContext?: string;
  clusters: KubeCluster[];
  users: KubeUser[];
  contexts: KubeContext[];
  notes: string[];
}

/** Expands a leading `~` to the home directory (kubectl users write it; the shell does not expand it inside KUBECONFIG or files). */
export function expandHome(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  if (path.startsWith('~/')) return join(homeDir, path.slice(2));
  return path;
}

/** Makes a path from a kubeconfig absolute: relative paths count from the file's own folder, as in kubectl. */
export function resolveConfigPath(path: string, file: string, homeDir: string): string {
  const expanded = expandHome(path, homeDir);
  return isAbsolute(expanded) ? expanded : resolve(dirname(file), expanded);
}

/** Reads and parses one kubeconfig file; a YAML or shape error names the file, line and field. */
export function parseKubeconfigFile(file: string, homeDir: string): KubeconfigFileContents {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new InvalidFileError(`Kubeconfig ${file}${line ? ` line ${line}` : ''} is not valid YAML: ${first.message.split('\n')[0]}. Fix the file or remove it from KUBECONFIG.`, { file, line });
  }
  const root = document.toJS() ?? {};
  if (typeof root !== 'object' || Array.isArray(root)) {
    throw new InvalidFileError(`Kubeconfig ${file} must be a YAML mapping with clusters, users and contexts.`, { file });
  }
  const notes: string[] = [];
  const path = (value: unknown): string | undefined => typeof value === 'string' && value !== '' ? resolveConfigPath(value, file, homeDir) : undefined;
  const str = (value: unknown): string | undefined => typeof value === 'string' && value !== '' ? value : undefined;

  const clusters = namedEntries(root.clusters, 'cluster', file, notes).map(({ name, body }): KubeCluster => {
    const server = str(body.server);
    if (!server) notes.push(`Cluster '${name}' in ${file} has no server URL.`);
    return {
      name, server: server ?? '', sourceFile: file,
      certificateAuthority: path(body['certificate-authority']),
      certificateAuthorityData: str(body['certificate-authority-data']),
      insecureSkipTlsVerify: body['insecure-skip-tls-verify'] === true,
      tlsServerName: str(body['tls-server-name']),
      proxyUrl: str(body['proxy-url']),
    };
  });
  const users = namedEntries(root.users, 'user', file, notes).map(({ name, body }): KubeUser => ({
    name, sourceFile: file,
    token: str(body.token),
    tokenFile: path(body.tokenFile),
    clientCertificate: path(body['client-certificate']),
    clientCertificateData: str(body['client-certificate-data']),
    clientKey: path(body['client-key']),
    clientKeyData: str(body['client-key-data']),
    username: str(body.username),
    password: str(body.password),
    exec: body.exec ? parseExec(body.exec, name, file, homeDir) : undefined,
    authProvider: str(body['auth-provider']?.name),
  }));
  const contexts = namedEntries(root.contexts, 'context', file, notes).map(({ name, body }): KubeContext => ({
    name, sourceFile: file,
    cluster: str(body.cluster) ?? '',
    user: str(body.user) ?? '',
    namespace: str(body.namespace),
  }));
  return { file, currentContext: str(root['current-context']), clusters, users, contexts, notes };
}

function parseExec(exec: any, user: string, file: string, homeDir: string): ExecConfig {
  const command = typeof exec.command === 'string' ? exec.command : '';
  if (!command) throw new InvalidFileError(`Kubeconfig ${file}: user '${user}' has an exec plugin without a command (users[].user.exec.command).`, { file, field: `users.${user}.exec.command` });
  const mode = exec.interactiveMode;
  return {
    apiVersion: typeof exec.apiVersion === 'string' ? exec.apiVersion : 'client.authentication.k8s.io/v1beta1',
    // kubectl treats a command with a path separator as a path relative to this file; a bare name is looked up on PATH.
    command: command.includes('/') || command.startsWith('~') ? resolveConfigPath(command, file, homeDir) : command,
    args: Array.isArray(exec.args) ? exec.args.map(String) : [],
    env: Array.isArray(exec.env) ? exec.env.filter((e: any) => e && typeof e.name === 'string').map((e: any) => ({ name: e.name, value: String(e.value ?? '') })) : [],
    interactiveMode: mode === 'Never' || mode === 'Always' ? mode : 'IfAvailable',
    provideClusterInfo: exec.provideClusterInfo === true,
    installHint: typeof exec.installHint === 'string' ? exec.installHint : undefined,
  };
}

function namedEntries(list: unknown, key: string, file: string, notes: string[]): { name: string; body: any }[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new InvalidFileError(`Kubeconfig ${file}: '${key}s' must be a list.`, { file, field: `${key}s` });
  const seen = new Set<string>();
  const entries: { name: string; body: any }[] = [];
  for (const item of list) {
    const name = item?.name;
    if (typeof name !== 'string' || name === '') {
      notes.push(`A ${key} in ${file} has no name and is ignored.`);
      continue;
    }
    if (seen.has(name)) {
      notes.push(`${key} '${name}' appears twice in ${file}; the first one is used.`);
      continue;
    }
    seen.add(name);
    entries.push({ name, body: item[key] ?? {} });
  }
  return entries;
}
