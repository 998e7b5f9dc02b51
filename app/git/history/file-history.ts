import git from 'isomorphic-git';
import { openRepository } from '../repository.js';

/** One commit in a history list. */
export interface CommitSummary {
  commit: string;
  /** First line of the message. */
  summary: string;
  message: string;
  author: { name: string; email: string };
  date: string;
  parents: string[];
}

/**
 * Commits that changed a file or folder, newest first (all commits when `filepath` is omitted).
 * @example await fileHistory('/ws', 'services/checkout.yaml', { depth: 20 })
 */
export async function fileHistory(dir: string, filepath?: string, options: { depth?: number; ref?: string } = {}): Promise<CommitSummary[]> {
  const repository = openRepository(dir);
  let entries;
  try {
    entries = await git.log({ ...repository, ref: options.ref ?? 'HEAD', depth: options.depth ?? 100, filepath });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'NotFoundError') return [];
    throw error;
  }
  return entries.map(({ oid, commit }) => ({
    commit: oid, message: commit.message, summary: commit.message.split('\n')[0]!,
    author: { name: commit.author.name, email: commit.author.email },
    date: new Date(commit.author.timestamp * 1000).toISOString(), parents: commit.parent,
  }));
}

/**
 * Commits that changed a template's folder (`templates/<name>/`), newest first.
 * @example await templateHistory('/ws', 'web-service')
 */
export function templateHistory(dir: string, template: string, options: { depth?: number; ref?: string } = {}): Promise<CommitSummary[]> {
  return fileHistory(dir, `templates/${template}`, options);
}
