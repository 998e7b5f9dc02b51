import { mkdir, readFile, readdir, realpath, rename, rm, stat, lstat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as fs from 'node:fs';
import git from 'isomorphic-git';
import { parse as parseYaml } from 'yaml';
import { Emitter, fileGroupOf, type FileChange, type FileContent, type FileEntry, type WorkspaceApi, type WorkspaceInfo, type WriteFileRequest } from '../../api/index.js';
import { FileConflictError, FileExistsError, FileNotFoundError, FolderNotFoundError, WorkspaceNotOpenError } from '../../errors/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { confinePath, toWorkspacePath } from './confine-path.js';
import { contentVersion } from './content-version.js';
import { WorkspaceWatcher } from './workspace-watcher.js';

export interface WorkspaceServiceOptions {
  /** Creates the sample workspace (with Git history) into an empty folder. */
  createSample: (targetDir: string) => Promise<void>;
  /** Told about every workspace that was opened, for the recent list. */
  onOpened?: (info: WorkspaceInfo) => void | Promise<void>;
  /** Told about watcher problems, such as the OS watch limit. */
  onWarning?: (message: string) => void;
}

const skippedFolders = new Set(['.git', 'node_modules']);

/**
 * The files of one open workspace: confined, atomic, watched. Implements the
 * WorkspaceApi contract for both transports.
 */
export class WorkspaceService implements WorkspaceApi {
  private info: WorkspaceInfo | null = null;
  private watcher: WorkspaceWatcher | undefined;
  private readonly changes = new Emitter<FileChange[]>();
  private readonly writeQueues = new Map<string, Promise<unknown>>();

  readonly onDidChangeFiles = this.changes.event;

  constructor(private readonly options: WorkspaceServiceOptions) {}

  async openWorkspace({ path }: { path: string }): Promise<WorkspaceInfo> {
    let root: string;
    try {
      root = await realpath(path);
      if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new FolderNotFoundError(`Cannot open '${path}': it does not exist or is not a folder.`, { path });
    }
    await this.watcher?.close();
    this.info = await describeWorkspace(root);
    this.watcher = new WorkspaceWatcher(root, {
      onChanges: (changes) => this.onFilesChanged(changes),
      onWarning: this.options.onWarning,
    });
    await this.watcher.start();
    await this.options.onOpened?.(this.info);
    return this.info;
  }

  async initGitRepository({ path }: { path: string }): Promise<WorkspaceInfo> {
    const root = await realpath(path);
    await git.init({ fs, dir: root, defaultBranch: 'main' });
    const info = await describeWorkspace(root);
    if (this.info?.root === root) this.info = info;
    return info;
  }

  async createSampleWorkspace({ path }: { path: string }): Promise<WorkspaceInfo> {
    await this.options.createSample(path);
    return this.openWorkspace({ path });
  }

  async currentWorkspace(): Promise<WorkspaceInfo | null> {
    return this.info;
  }

  async listFiles(): Promise<FileEntry[]> {
    const root = this.requireRoot();
    const entries: FileEntry[] = [];
    const walk = async (dir: string): Promise<void> => {
      const children = await readdir(dir, { withFileTypes: true });
      await Promise.all(children.map(async (child) => {
        const absolute = join(dir, child.name);
        if (child.isDirectory()) {
          if (!skippedFolders.has(child.name)) await walk(absolute);
        } else if (child.isFile()) {
          const path = toWorkspacePath(root, absolute);
          entries.push({ path, group: fileGroupOf(path), size: (await lstat(absolute)).size });
        }
      }));
    };
    await walk(root);
    return entries.sort((a, b) => a.path.localeCompare(b.path));
  }

  async readFile({ path }: { path: string }): Promise<FileContent> {
    const absolute = await confinePath(this.requireRoot(), path);
    const data = await readExisting(absolute, path);
    return { path, text: data.toString('utf8'), version: contentVersion(data) };
  }

  async writeFile(request: WriteFileRequest): Promise<FileContent> {
    const absolute = await confinePath(this.requireRoot(), request.path);
    return this.serialize(absolute, async () => {
      const current = await readOptional(absolute);
      const diskVersion = current ? contentVersion(current) : null;
      if (request.expectedVersion === undefined && current) {
        throw new FileExistsError(`'${request.path}' already exists. Open it to edit it, or choose another name.`, { path: request.path });
      }
      if (typeof request.expectedVersion === 'string' && request.expectedVersion !== diskVersion) {
        throw new FileConflictError(
          diskVersion
            ? `'${request.path}' was changed on disk by another program since you opened it. Nothing was saved: compare the two versions and choose which to keep.`
            : `'${request.path}' was deleted on disk since you opened it. Nothing was saved: save again to recreate it.`,
          { path: request.path, expectedVersion: request.expectedVersion, diskVersion },
        );
      }
      await mkdir(dirname(absolute), { recursive: true });
      await writeFileAtomic(absolute, request.text);
      return { path: request.path, text: request.text, version: contentVersion(request.text) };
    });
  }

  async renameFile({ from, to }: { from: string; to: string }): Promise<void> {
    const root = this.requireRoot();
    const source = await confinePath(root, from);
    const target = await confinePath(root, to);
    await readExisting(source, from);
    if (await readOptional(target)) {
      throw new FileExistsError(`Cannot rename '${from}' to '${to}': '${to}' already exists.`, { path: to });
    }
    await mkdir(dirname(target), { recursive: true });
    await rename(source, target);
  }

  async deleteFile({ path }: { path: string }): Promise<void> {
    const absolute = await confinePath(this.requireRoot(), path);
    await readExisting(absolute, path);
    await rm(absolute);
  }

  /** Stops watching; the service can open another workspace afterwards. */
  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = undefined;
    this.changes.dispose();
  }

  private onFilesChanged(changes: FileChange[]): void {
    if (changes.some((c) => c.path === 'paver.yaml') && this.info) {
      void describeWorkspace(this.info.root).then((info) => { this.info = info; });
    }
    this.changes.fire(changes);
  }

  private requireRoot(): string {
    if (!this.info) throw new WorkspaceNotOpenError('No workspace is open. Open a folder or create the sample workspace first.', {});
    return this.info.root;
  }

  /** Runs writes to one file one at a time, so check-then-write cannot interleave. */
  private serialize<T>(absolute: string, work: () => Promise<T>): Promise<T> {
    const previous = this.writeQueues.get(absolute) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.writeQueues.set(absolute, next);
    void next.finally(() => { if (this.writeQueues.get(absolute) === next) this.writeQueues.delete(absolute); }).catch(() => undefined);
    return next;
  }
}

async function describeWorkspace(root: string): Promise<WorkspaceInfo> {
  const isGitRepository = await exists(join(root, '.git'));
  const paverYaml = await readOptional(join(root, 'paver.yaml'));
  let name = basename(root);
  if (paverYaml) {
    try {
      const parsed = parseYaml(paverYaml.toString('utf8')) as { metadata?: { name?: unknown } } | null;
      if (typeof parsed?.metadata?.name === 'string') name = parsed.metadata.name;
    } catch {
      // A malformed paver.yaml still opens; the workspace model reports its problems.
    }
  }
  return { root, name, isGitRepository, hasPaverYaml: paverYaml !== null };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function readOptional(absolute: string): Promise<Buffer | null> {
  try {
    return await readFile(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readExisting(absolute: string, path: string): Promise<Buffer> {
  const data = await readOptional(absolute);
  if (!data) throw new FileNotFoundError(`'${path}' does not exist in the workspace.`, { path });
  return data;
}
