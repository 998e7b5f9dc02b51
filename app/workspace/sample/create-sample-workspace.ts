import * as fs from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import git, { type TreeEntry } from 'isomorphic-git';
import { FolderNotEmptyError } from '../../errors/folder-not-empty-error.js';
import { sampleHistory, type SampleStep } from './sample-history.js';
import { templateReleases } from './template-releases.js';
import { buildTemplateSnapshots, type TemplateFiles } from './template-snapshots.js';

/** Options of createSampleWorkspace. */
export interface CreateSampleWorkspaceOptions {
  /** The sample's files: resources/sample-workspace. */
  sampleDir: string;
  /** The moment the history ends; commit dates are days before it. Default: now. */
  now?: Date;
}

/** What createSampleWorkspace made, for the CLI and the UI to report. */
export interface SampleWorkspaceSummary {
  path: string;
  templates: Array<{ name: string; publishedVersions: string[]; draftVersion: string }>;
  services: string[];
  policyFiles: string[];
  commits: number;
  tags: string[];
}

export const sampleAuthor = { name: 'Paver Sample', email: 'sample@paver.dev' };

/**
 * Creates the acme-platform sample as a real Git repository in an empty (or
 * new) folder: a history that publishes each template version as an annotated
 * tag `templates/<name>/v<semver>` whose message is the changelog, and a
 * final working tree equal to the sample folder.
 *
 * @example await createSampleWorkspace('/tmp/acme', { sampleDir: 'resources/sample-workspace' })
 */
export async function createSampleWorkspace(targetDir: string, options: CreateSampleWorkspaceOptions): Promise<SampleWorkspaceSummary> {
  const targetExists = await ensureEmptyFolder(targetDir);
  const finalFiles = await readTree(options.sampleDir);
  // Built beside the target and moved into place at the end, so a crash or an
  // error never leaves a half-made repository where the user (or first launch)
  // expects the sample.
  const partial = join(dirname(targetDir), `.${basename(targetDir)}.partial-${process.pid}-${Date.now()}`);
  await mkdir(partial, { recursive: true });
  try {
    const tags = await writeSampleRepository(partial, finalFiles, options.now ?? new Date());
    if (targetExists) await rmdir(targetDir);
    await rename(partial, targetDir);
    return summarize(targetDir, finalFiles, tags, sampleHistory.length);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/** Writes the sample's history into an empty folder and returns the tags it created. */
async function writeSampleRepository(dir: string, finalFiles: Map<string, string>, now: Date): Promise<string[]> {
  const snapshots = templateSnapshots(finalFiles);
  const clock = commitClock(now);
  const cache = {};
  await git.init({ fs, dir, defaultBranch: 'main' });

  // History is written as Git objects directly (blobs, trees, commits, tags):
  // no per-commit index or working-tree churn, so creation stays well under 2 s.
  const written = new Map<string, string>();
  const objects = new ObjectWriter(dir, cache);
  const tags: string[] = [];
  let parent: string | undefined;
  for (const [index, step] of sampleHistory.entries()) {
    for (const [path, text] of changesOf(step, finalFiles, snapshots, written)) {
      if (text === null) written.delete(path);
      else written.set(path, text);
    }
    const timestamp = clock(step.daysAgo, index);
    const author = { ...sampleAuthor, timestamp, timezoneOffset: 0 };
    const message = 'release' in step ? releaseOf(step).commitMessage : step.message;
    const tree = await objects.writeTree(written);
    parent = await git.writeCommit({ fs, dir, commit: { message, tree, parent: parent ? [parent] : [], author, committer: author } });
    await git.writeRef({ fs, dir, ref: 'refs/heads/main', value: parent, force: true });
    const changelog = 'release' in step ? releaseOf(step).changelog : undefined;
    if ('release' in step && changelog) {
      const ref = `templates/${step.release.template}/v${step.release.version}`;
      await git.annotatedTag({ fs, dir, cache, ref, object: parent, message: changelog, tagger: { ...author, timestamp: timestamp + 300 } });
      tags.push(ref);
    }
  }
  await writeWorkingTree(dir, written, cache);
  assertTreeIsSample(written, finalFiles);
  return tags;
}

/** Refuses a folder with entries; returns whether the (empty) folder exists. */
async function ensureEmptyFolder(path: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    return false;
  }
  if (entries.length > 0) {
    throw new FolderNotEmptyError(
      `Cannot create the sample workspace in ${path}: the folder is not empty (it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}). Choose a new or empty folder.`,
      { path, entries: entries.slice(0, 20) },
    );
  }
  return true;
}

async function readTree(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    files.set(relative(root, absolute).split(sep).join('/'), await readFile(absolute, 'utf8'));
  }
  if (!files.has('paver.yaml')) throw new Error(`${root} is not the sample workspace: it has no paver.yaml`);
  return files;
}

function templateSnapshots(finalFiles: Map<string, string>): Map<string, Map<string, TemplateFiles>> {
  const byTemplate = new Map<string, Map<string, TemplateFiles>>();
  for (const name of new Set(templateReleases.map((release) => release.template))) {
    const prefix = `templates/${name}/`;
    const newest: TemplateFiles = new Map();
    for (const [path, text] of finalFiles) if (path.startsWith(prefix)) newest.set(path.slice(prefix.length), text);
    byTemplate.set(name, buildTemplateSnapshots(newest, templateReleases.filter((release) => release.template === name)));
  }
  return byTemplate;
}

function releaseOf(step: Extract<SampleStep, { release: unknown }>) {
  const release = templateReleases.find((candidate) => candidate.template === step.release.template && candidate.version === step.release.version);
  if (!release) throw new Error(`sample history names ${step.release.template} ${step.release.version}, which has no release entry`);
  return release;
}

/** The files a step writes (path -> content) and deletes (path -> null). */
function changesOf(step: SampleStep, finalFiles: Map<string, string>, snapshots: Map<string, Map<string, TemplateFiles>>, written: Map<string, string>): Map<string, string | null> {
  const changes = new Map<string, string | null>();
  if ('release' in step) {
    const files = snapshots.get(step.release.template)?.get(step.release.version);
    if (!files) throw new Error(`sample history: no files for ${step.release.template} ${step.release.version}`);
    const prefix = `templates/${step.release.template}/`;
    for (const path of written.keys()) if (path.startsWith(prefix) && !files.has(path.slice(prefix.length))) changes.set(path, null);
    for (const [path, text] of files) changes.set(prefix + path, text);
    return changes;
  }
  for (const path of step.files) {
    const text = step.variants?.[path] ?? finalFiles.get(path);
    if (text === undefined) throw new Error(`sample history names ${path}, which the sample folder does not have`);
    changes.set(path, text);
  }
  return changes;
}

/** Writes blobs and trees into the object store, reusing objects already written. */
class ObjectWriter {
  private readonly blobs = new Map<string, string>();
  // Most folders do not change between two commits; reuse their tree objects.
  private readonly trees = new Map<string, string>();

  constructor(private readonly dir: string, private readonly cache: object) {}

  /** Writes the tree of a whole file set (path -> content) and returns its oid. */
  async writeTree(files: Map<string, string>): Promise<string> {
    return this.writeFolder([...files.keys()].map((path) => ({ rest: path, path })), files);
  }

  private async writeFolder(entries: Array<{ rest: string; path: string }>, files: Map<string, string>): Promise<string> {
    const folders = new Map<string, Array<{ rest: string; path: string }>>();
    const tree: TreeEntry[] = [];
    for (const entry of entries) {
      const slash = entry.rest.indexOf('/');
      if (slash === -1) {
        tree.push({ mode: '100644', path: entry.rest, oid: await this.writeBlob(files.get(entry.path)!), type: 'blob' });
      } else {
        const name = entry.rest.slice(0, slash);
        folders.set(name, [...(folders.get(name) ?? []), { rest: entry.rest.slice(slash + 1), path: entry.path }]);
      }
    }
    for (const [name, children] of folders) tree.push({ mode: '040000', path: name, oid: await this.writeFolder(children, files), type: 'tree' });
    const key = tree.map((entry) => `${entry.mode} ${entry.path} ${entry.oid}`).sort().join('\n');
    let oid = this.trees.get(key);
    if (!oid) {
      oid = await git.writeTree({ fs, dir: this.dir, tree });
      this.trees.set(key, oid);
    }
    return oid;
  }

  private async writeBlob(text: string): Promise<string> {
    let oid = this.blobs.get(text);
    if (!oid) {
      oid = await git.writeBlob({ fs, dir: this.dir, blob: new TextEncoder().encode(text) });
      this.blobs.set(text, oid);
    }
    return oid;
  }
}

/** Writes HEAD's files to disk and stages them, so the tree is clean. */
async function writeWorkingTree(dir: string, files: Map<string, string>, cache: object): Promise<void> {
  for (const [path, text] of files) {
    const absolute = join(dir, ...path.split('/'));
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, text);
  }
  await git.add({ fs, dir, cache, filepath: [...files.keys()] });
}

/** Commit times: `daysAgo` days before now's date, from 09:00 UTC, a few minutes apart. */
function commitClock(now: Date): (daysAgo: number, index: number) => number {
  const startOfDay = Math.floor(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) / 1000);
  return (daysAgo, index) => startOfDay - daysAgo * 86_400 + 9 * 3600 + ((index * 37) % 480) * 60;
}

function assertTreeIsSample(written: Map<string, string>, finalFiles: Map<string, string>): void {
  const differing = [...new Set([...written.keys(), ...finalFiles.keys()])].filter((path) => written.get(path) !== finalFiles.get(path));
  if (differing.length > 0) throw new Error(`the sample history does not end in the sample folder; it differs in ${differing.join(', ')}`);
}

function summarize(path: string, finalFiles: Map<string, string>, tags: string[], commits: number): SampleWorkspaceSummary {
  const names = [...new Set(templateReleases.map((release) => release.template))];
  return {
    path,
    templates: names.map((name) => {
      const releases = templateReleases.filter((release) => release.template === name);
      return {
        name,
        publishedVersions: releases.filter((release) => release.changelog).map((release) => release.version).reverse(),
        draftVersion: releases[0].version,
      };
    }),
    services: [...finalFiles.keys()].filter((file) => file.startsWith('services/')).map((file) => file.slice('services/'.length).replace(/\.ya?ml$/, '')).sort(),
    policyFiles: [...finalFiles.keys()].filter((file) => file.startsWith('policies/')).sort(),
    commits,
    tags,
  };
}
