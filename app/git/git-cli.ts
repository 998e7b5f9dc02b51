// The optional git command-line accelerator (and the only way to reach SSH
// remotes). Always asynchronous: a synchronous spawn blocks the event loop and
// deadlocks against an in-process HTTP remote.
import { execFile } from 'node:child_process';
import { GitOperationError } from '../errors/index.js';

let available: Promise<string | undefined> | undefined;
let enabled = true;

/** Turns the git CLI accelerator off or on (a user setting; off behaves as if git were not installed). */
export function setGitCliEnabled(value: boolean): void {
  enabled = value;
}

/** The installed git's version (e.g. `2.39.5`), or undefined when git is not on PATH or turned off. Checked once. */
export function gitCliVersion(): Promise<string | undefined> {
  if (!enabled) return Promise.resolve(undefined);
  available ??= new Promise((resolve) => {
    execFile('git', ['--version'], (error, stdout) => resolve(error ? undefined : /(\d+\.\d+\.\d+)/.exec(stdout)?.[1]));
  });
  return available;
}

/** Output of one git CLI run. */
export interface GitCliResult { stdout: string; stderr: string; exitCode: number }

/**
 * Runs `git args...` in `dir`; rejects with GitOperationError when `allowFailure` is not set and git exits non-zero.
 * @example const { stdout } = await runGitCli('/ws', ['status', '--porcelain=v2', '-z']);
 */
export function runGitCli(dir: string, args: string[], options: { input?: string; env?: Record<string, string>; allowFailure?: boolean } = {}): Promise<GitCliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, {
      cwd: dir, maxBuffer: 1 << 30, encoding: 'utf8',
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
    }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
      if (exitCode !== 0 && !options.allowFailure) {
        reject(new GitOperationError(`git ${args[0]} failed in ${dir}: ${stderr.trim() || String(error)}`, { operation: args[0] ?? 'git', path: dir, detail: stderr.trim() }));
        return;
      }
      resolve({ stdout, stderr, exitCode });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
