import { execFile } from 'node:child_process';
import { delimiter } from 'node:path';

const cache = new Map<string, Promise<string | undefined>>();

/**
 * The PATH a login shell sets up (`$SHELL -lc 'printenv PATH'`), resolved once
 * per shell and cached. GUI apps started from a dock or launcher do not get the
 * user's profile, so exec plugins such as `aws` or `gke-gcloud-auth-plugin`
 * would not be found without it. Undefined when there is no usable shell.
 */
export function loginShellPath(env: Record<string, string | undefined> = process.env, timeoutMs = 3000): Promise<string | undefined> {
  const shell = env.SHELL;
  if (!shell || process.platform === 'win32') return Promise.resolve(undefined);
  let pending = cache.get(shell);
  if (!pending) {
    pending = new Promise((resolvePath) => {
      execFile(shell, ['-lc', 'printenv PATH'], { timeout: timeoutMs, env: env as NodeJS.ProcessEnv, encoding: 'utf8' }, (error, stdout) => {
        // A failing or slow profile must not break authentication: fall back to the process PATH.
        const lines = (stdout ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
        resolvePath(error || lines.length === 0 ? undefined : lines[lines.length - 1]);
      });
    });
    cache.set(shell, pending);
  }
  return pending;
}

/** The PATH for an exec plugin: the login shell's entries first, then the process's own, without duplicates. */
export async function pluginSearchPath(env: Record<string, string | undefined> = process.env): Promise<string> {
  const entries = [...((await loginShellPath(env)) ?? '').split(delimiter), ...(env.PATH ?? '').split(delimiter)];
  return [...new Set(entries.filter((e) => e !== ''))].join(delimiter);
}
