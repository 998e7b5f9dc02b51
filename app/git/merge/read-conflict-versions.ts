import git from 'isomorphic-git';
import { openRepository } from '../repository.js';
import { readBlobAt } from '../diff/diff-working-file.js';
import { listChangedFiles } from '../diff/diff-commits.js';
import { mergeText } from '../diff/merge-text.js';

/** The three versions of a file both sides changed; `undefined` means the file does not exist on that side. */
export interface ConflictVersions {
  path: string;
  base: string | undefined;
  ours: string | undefined;
  theirs: string | undefined;
  /** A suggestion: the line merge with conflict markers where the sides overlap. */
  merged: string;
  clean: boolean;
}

const text = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));

/**
 * For a merge of `theirs` into `ours`, the files changed on both sides with their base/ours/theirs text.
 * Pass the `ours` and `theirs` from MergeConflictError's data.
 * @example const files = await readConflictVersions('/ws', error.data); files[0] // {path, base, ours, theirs, merged, clean}
 */
export async function readConflictVersions(dir: string, request: { ours: string; theirs: string }): Promise<ConflictVersions[]> {
  const repository = openRepository(dir);
  const [base] = await git.findMergeBase({ ...repository, oids: [request.ours, request.theirs] }) as string[];
  const oursChanged = new Set(base ? (await listChangedFiles(dir, base, request.ours)).map((c) => c.path) : []);
  const both = base ? (await listChangedFiles(dir, base, request.theirs)).filter((c) => oursChanged.has(c.path)) : [];
  const result: ConflictVersions[] = [];
  for (const { path } of both) {
    const [baseText, oursText, theirsText] = (await Promise.all([base, request.ours, request.theirs].map((commit) => readBlobAt(repository, commit, path)))).map(text);
    if (oursText === theirsText) continue;
    const merge = oursText !== undefined && theirsText !== undefined
      ? mergeText({ base: baseText ?? '', ours: oursText, theirs: theirsText, oursLabel: 'yours', theirsLabel: 'incoming' })
      : { clean: false, text: oursText ?? theirsText ?? '' };
    result.push({ path, base: baseText, ours: oursText, theirs: theirsText, merged: merge.text, clean: merge.clean });
  }
  return result;
}
