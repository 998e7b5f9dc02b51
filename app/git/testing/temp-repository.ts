// Test fixtures: real repositories in os.tmpdir(), built with the git CLI
// (asynchronously, so an in-process http-backend server is never deadlocked).
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs git in `cwd` and returns stdout; a fixed identity and no user config make results reproducible. */
export async function runGit(cwd: string, args: string[], input?: string): Promise<string> {
  const env = {
    ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: os.tmpdir(), GIT_AUTHOR_NAME: 'Test Author', GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Author', GIT_COMMITTER_EMAIL: 'author@example.com',
  };
  if (input === undefined) return (await execFileAsync('git', args, { cwd, env, maxBuffer: 1 << 28 })).stdout;
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, env, maxBuffer: 1 << 28 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    child.stdin!.end(input);
  });
}

/** Writes files (path -> content) under `dir`, creating folders. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  const entries = Object.entries(files);
  for (const folder of new Set(entries.map(([file]) => path.dirname(path.join(dir, file))))) await mkdir(folder, { recursive: true });
  for (let start = 0; start < entries.length; start += 64) {
    await Promise.all(entries.slice(start, start + 64).map(([file, content]) => writeFile(path.join(dir, file), content)));
  }
}

/** A fresh repository with `main` checked out and a local identity; `files` become the first commit. */
export async function createTempRepository(files: Record<string, string> = {}, prefix = 'paver-git-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await runGit(dir, ['init', '-q', '-b', 'main']);
  await runGit(dir, ['config', 'user.name', 'Test Author']);
  await runGit(dir, ['config', 'user.email', 'author@example.com']);
  await runGit(dir, ['config', 'core.autocrlf', 'false']);
  if (Object.keys(files).length) await commitFiles(dir, files, 'Initial commit');
  return dir;
}

/** Writes files and commits them with the git CLI. */
export async function commitFiles(dir: string, files: Record<string, string>, message: string): Promise<void> {
  await writeFiles(dir, files);
  await runGit(dir, ['add', '-f', '--', ...Object.keys(files)]);
  await runGit(dir, ['commit', '-q', '-m', message]);
}

/** Removes a temp repository. */
export async function removeTempRepository(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
