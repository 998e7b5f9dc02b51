import { runGitCli } from '../git-cli.js';
import type { FileStatus, StagedState, WorkTreeState, WorkingTreeStatus } from './status-types.js';

/**
 * The same status as StatusEngine, from `git status --porcelain=v2` (the accelerator for very large trees).
 * @example const status = await cliStatus('/ws'); status.files // [{path: 'services/a.yaml', staged: ' ', workTree: 'M'}]
 */
export async function cliStatus(dir: string): Promise<WorkingTreeStatus> {
  const { stdout } = await runGitCli(dir, ['-c', 'status.renames=false', '-c', 'core.quotepath=false', 'status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all', '--ignore-submodules=all']);
  const files = new Map<string, FileStatus>();
  let branch: string | undefined;
  let head: string | undefined;
  for (const record of stdout.split('\0')) {
    if (!record) continue;
    if (record.startsWith('# branch.head ')) { const name = record.slice(14); branch = name === '(detached)' ? undefined : name; continue; }
    if (record.startsWith('# branch.oid ')) { const oid = record.slice(13); head = oid === '(initial)' ? undefined : oid; continue; }
    if (record.startsWith('#')) continue;
    const kind = record[0];
    if (kind === '?') {
      const filePath = record.slice(2);
      const existing = files.get(filePath);
      files.set(filePath, { path: filePath, staged: existing?.staged ?? ' ', workTree: '?' });
    } else if (kind === '1') {
      const fields = record.split(' ');
      const filePath = fields.slice(8).join(' ');
      const letter = (value: string): string => (value === '.' ? ' ' : value);
      const existing = files.get(filePath);
      files.set(filePath, { path: filePath, staged: letter(fields[1]![0]!) as StagedState, workTree: existing?.workTree === '?' ? '?' : letter(fields[1]![1]!) as WorkTreeState });
    } else if (kind === 'u') {
      const filePath = record.split(' ').slice(10).join(' ');
      files.set(filePath, { path: filePath, staged: 'U', workTree: 'U' });
    }
  }
  return { branch, head, files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
