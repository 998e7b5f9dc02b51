import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { FileNotFoundError } from '../../errors/index.js';
import type { Kubeconfig } from './kubeconfig-types.js';
import { expandHome, parseKubeconfigFile } from './parse-kubeconfig-file.js';

/** Where to read kubeconfig from; tests and the CLI pass their own. */
export interface LoadKubeconfigOptions {
  /** An explicit file (`--kubeconfig`): only this file is read, and it must exist. */
  kubeconfigPath?: string;
  /** The environment holding KUBECONFIG; defaults to process.env. */
  env?: Record<string, string | undefined>;
  homeDir?: string;
  /** Resolves relative `--kubeconfig`/KUBECONFIG entries; defaults to process.cwd(). */
  cwd?: string;
  /** Files read after the usual ones, with the lowest precedence (the app adds the demo cluster's kubeconfig). */
  additionalFiles?: string[];
}

/** The kubeconfig file list kubectl would read: --kubeconfig, else the KUBECONFIG list, else ~/.kube/config. */
export function kubeconfigFileList(options: LoadKubeconfigOptions = {}): { files: string[]; explicit: boolean } {
  const env = options.env ?? process.env;
  const home = options.homeDir ?? env.HOME ?? homedir();
  const cwd = options.cwd ?? process.cwd();
  if (options.kubeconfigPath) return { files: [resolve(cwd, expandHome(options.kubeconfigPath, home))], explicit: true };
  const list = env.KUBECONFIG;
  if (list && list.trim() !== '') {
    const files: string[] = [];
    for (const entry of list.split(delimiter)) {
      if (entry.trim() === '') continue;
      const file = resolve(cwd, expandHome(entry.trim(), home));
      if (!files.includes(file)) files.push(file);
    }
    return { files, explicit: false };
  }
  return { files: [join(home, '.kube', 'config')], explicit: false };
}

/**
 * Loads and merges kubeconfig files exactly as kubectl does: for every named
 * cluster, user and context, and for current-context, the first file that sets
 * it wins; missing files in KUBECONFIG are skipped with a note.
 *
 * @example
 *   const config = loadKubeconfig({ env: { KUBECONFIG: '~/.kube/config:~/.kube/eks' } });
 *   config.contexts.map((c) => c.name);
 */
export function loadKubeconfig(options: LoadKubeconfigOptions = {}): Kubeconfig {
  const home = options.homeDir ?? (options.env ?? process.env).HOME ?? homedir();
  const { files: userFiles, explicit } = kubeconfigFileList(options);
  const additional = (options.additionalFiles ?? []).filter((file) => !userFiles.includes(file));
  const files = [...userFiles, ...additional];
  const merged: Kubeconfig = { files: [], notes: [], contexts: [], clusters: [], users: [] };
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (additional.includes(file)) continue;
      if (explicit) throw new FileNotFoundError(`Kubeconfig file ${file} does not exist. Check the --kubeconfig path.`, { path: file });
      if (userFiles.length > 1 || (options.env ?? process.env).KUBECONFIG) merged.notes.push(`Kubeconfig ${file} (from KUBECONFIG) does not exist and was skipped.`);
      else merged.notes.push(`No kubeconfig at ${file}; only the demo cluster is available.`);
      continue;
    }
    const contents = parseKubeconfigFile(file, home);
    merged.files.push(file);
    merged.notes.push(...contents.notes);
    merged.currentContext ??= contents.currentContext;
    addFirstWins(merged.clusters, contents.clusters);
    addFirstWins(merged.users, contents.users);
    addFirstWins(merged.contexts, contents.contexts);
  }
  return merged;
}

function addFirstWins<T extends { name: string }>(target: T[], entries: T[]): void {
  const names = new Set(target.map((entry) => entry.name));
  for (const entry of entries) if (!names.has(entry.name)) target.push(entry);
}
