// The stat-cache status from GIT-NOTES: read .git/index once, list HEAD's files
// once per commit, compare each file's size/mtime/ctime with its index entry and
// hash only files whose stats differ. Fed with changed paths by the watcher, it
// re-checks only those. Uses synchronous fs on purpose: it runs in a worker thread.
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { readGitIndex, type IndexEntry } from './read-git-index.js';
import { GitignoreRules } from './gitignore-rules.js';
import { hashBlob } from './hash-blob.js';
import { NotAGitRepositoryError } from '../../errors/index.js';
import { gitCliVersion } from '../git-cli.js';
import { cliStatus } from './cli-status.js';
import type { FileStatus, StagedState, WorkTreeState, WorkingTreeStatus } from './status-types.js';

interface HeadFile { oid: string; mode: number }
interface Memo { size: number; mtimeMs: number; ctimeMs: number; ino: number; oid: string; hashedAt: number }

const FILE_TYPE = 0o170000;
const modeOf = (stat: fs.Stats): number => (stat.isSymbolicLink() ? 0o120000 : stat.mode & 0o111 ? 0o100755 : 0o100644);

/** Computes and incrementally refreshes the status of one repository. */
export class StatusEngine {
  private readonly cache = {};
  private readonly gitdir: string;
  private readonly treeListings = new Map<string, [string, HeadFile][]>();
  private headKey: string | undefined;
  private headFiles = new Map<string, HeadFile>();
  private indexKey = '';
  private index = new Map<string, IndexEntry>();
  private conflicted = new Set<string>();
  private indexMtimeMs = 0;
  private readonly memo = new Map<string, Memo>();
  private ignore = new GitignoreRules();
  private workTree = new Map<string, WorkTreeState>();
  private untracked = new Set<string>();
  private dirty = new Set<string>();
  private staged: { key: string; entries: Map<string, StagedState> } = { key: '', entries: new Map() };
  private needsFullScan = true;

  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
    this.gitdir = path.join(this.dir, '.git');
  }

  /** Marks paths (relative to the work tree) as changed, e.g. from watcher events; `.git/...` paths refresh the index and HEAD. */
  invalidate(paths: string[]): void {
    for (const changed of paths) {
      if (changed === '.git' || changed.startsWith('.git/')) continue;
      if (changed.endsWith('.gitignore') || changed === '') this.needsFullScan = true;
      this.dirty.add(changed.replace(/\/$/, ''));
    }
  }

  /** Forgets everything incremental; the next status is a full scan. */
  invalidateAll(): void {
    this.needsFullScan = true;
  }

  /**
   * Returns the status. With `full`, every tracked file is re-stat'ed and the tree re-walked
   * (what a caller without a watcher needs); otherwise only invalidated paths are re-checked.
   */
  async status(options: { full?: boolean } = {}): Promise<WorkingTreeStatus> {
    if (!fs.existsSync(path.join(this.gitdir, 'HEAD'))) {
      throw new NotAGitRepositoryError(`${this.dir} is not a Git repository (no .git folder). Initialise one to see changes.`, { path: this.dir });
    }
    // Line-ending and filter rules change what git hashes; only git itself applies them.
    const attributes = readText(path.join(this.dir, '.gitattributes'));
    if (attributes !== undefined && /\b(eol|text|filter|crlf)\b/.test(attributes.replace(/#.*$/gm, ''))) {
      if (await gitCliVersion()) return cliStatus(this.dir);
      const limits = ['.gitattributes sets line-ending or filter rules, which Paver applies only through the git command-line tool (not installed): files may show as modified although git considers them unchanged.'];
      return { ...(await this.statusWithoutAttributes(options)), limits };
    }
    return this.statusWithoutAttributes(options);
  }

  private async statusWithoutAttributes(options: { full?: boolean }): Promise<WorkingTreeStatus> {
    const { branch, head } = await this.readHead();
    const indexChanged = this.loadIndex();
    if (options.full || indexChanged || this.needsFullScan) this.scanAll();
    else this.scanDirty();
    return { branch, head, files: this.compose() };
  }

  private async readHead(): Promise<{ branch: string | undefined; head: string | undefined }> {
    const repository = { fs, dir: this.dir, gitdir: this.gitdir, cache: this.cache };
    const branch = (await git.currentBranch({ ...repository, fullname: false })) ?? undefined;
    let head: string | undefined;
    try {
      head = await git.resolveRef({ ...repository, ref: 'HEAD' });
    } catch (error) {
      if ((error as { code?: string }).code !== 'NotFoundError') throw error;
    }
    if (head !== this.headKey) {
      this.headFiles = head ? new Map(await this.listTree(repository, (await git.readCommit({ ...repository, oid: head })).commit.tree, '')) : new Map();
      this.headKey = head;
    }
    return { branch, head };
  }

  // Listings are memoised per tree id, so a new commit only re-reads the folders it changed.
  private async listTree(repository: object, treeOid: string, prefix: string): Promise<[string, HeadFile][]> {
    const key = `${prefix}\0${treeOid}`;
    const cached = this.treeListings.get(key);
    if (cached) return cached;
    const { tree } = await git.readTree({ ...(repository as { fs: typeof fs; gitdir: string }), oid: treeOid });
    const out: [string, HeadFile][] = [];
    for (const entry of tree) {
      if (entry.type === 'tree') out.push(...await this.listTree(repository, entry.oid, `${prefix}${entry.path}/`));
      else out.push([`${prefix}${entry.path}`, { oid: entry.oid, mode: Number.parseInt(entry.mode, 8) }]);
    }
    this.treeListings.set(key, out);
    return out;
  }

  private loadIndex(): boolean {
    const indexPath = path.join(this.gitdir, 'index');
    let key = 'missing';
    let mtimeMs = 0;
    try {
      const stat = fs.statSync(indexPath);
      key = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
      mtimeMs = stat.mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (key === this.indexKey) return false;
    this.index = new Map();
    this.conflicted = new Set();
    for (const entry of readGitIndex(indexPath)) {
      if (entry.stage === 0) this.index.set(entry.path, entry);
      else this.conflicted.add(entry.path);
    }
    this.indexKey = key;
    this.indexMtimeMs = mtimeMs;
    return true;
  }

  private loadIgnoreRules(): void {
    this.ignore = new GitignoreRules();
    this.ignore.setGlobalRules(globalExcludes(this.gitdir));
    this.ignore.setExcludeRules(readText(path.join(this.gitdir, 'info', 'exclude')));
  }

  private scanAll(): void {
    this.loadIgnoreRules();
    this.workTree = new Map();
    this.untracked = new Set();
    for (const entry of this.index.values()) this.checkTracked(entry);
    this.walk('');
    this.dirty.clear();
    this.needsFullScan = false;
  }

  private scanDirty(): void {
    for (const changed of this.dirty) {
      for (const tracked of this.trackedUnder(changed)) this.checkTracked(tracked);
      for (const old of [...this.untracked]) if (old === changed || old.startsWith(`${changed}/`)) this.untracked.delete(old);
      let stat: fs.Stats | undefined;
      try { stat = fs.lstatSync(path.join(this.dir, changed)); } catch { stat = undefined; }
      if (!stat || this.isInsideIgnored(changed)) continue;
      if (stat.isDirectory()) this.walk(changed);
      else if (!this.index.has(changed) && !this.ignore.isIgnored(changed, false)) this.untracked.add(changed);
    }
    this.dirty.clear();
  }

  private trackedUnder(changed: string): IndexEntry[] {
    const exact = this.index.get(changed);
    if (exact) return [exact];
    const prefix = `${changed}/`;
    return [...this.index.values()].filter((entry) => entry.path.startsWith(prefix));
  }

  private isInsideIgnored(relative: string): boolean {
    const parts = relative.split('/');
    for (let i = 1; i < parts.length; i++) if (this.ignore.isIgnored(parts.slice(0, i).join('/'), true)) return true;
    return false;
  }

  private walk(folder: string): void {
    const absolute = path.join(this.dir, folder);
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(absolute, { withFileTypes: true }); } catch { return; }
    if (entries.some((entry) => entry.name === '.gitignore')) this.ignore.setFolderRules(folder, readText(path.join(absolute, '.gitignore')));
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!this.ignore.isIgnored(relative, true)) this.walk(relative);
      } else if (!this.index.has(relative) && !this.ignore.isIgnored(relative, false)) {
        this.untracked.add(relative);
      }
    }
  }

  private checkTracked(entry: IndexEntry): void {
    if ((entry.mode & FILE_TYPE) === 0o160000) return;
    const absolute = `${this.dir}/${entry.path}`;
    const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
    if (!stat) {
      this.workTree.set(entry.path, 'D');
      return;
    }
    if (stat.isDirectory()) { this.workTree.set(entry.path, 'D'); return; }
    const mode = modeOf(stat);
    if ((mode & FILE_TYPE) !== (entry.mode & FILE_TYPE)) { this.workTree.set(entry.path, 'T'); return; }
    if (mode !== entry.mode) { this.workTree.set(entry.path, 'M'); return; }
    if (this.statMatches(entry, stat)) { this.workTree.delete(entry.path); return; }
    const oid = this.hashFile(entry.path, absolute, stat);
    if (oid === entry.oid) this.workTree.delete(entry.path);
    else this.workTree.set(entry.path, 'M');
  }

  // Git's check, at millisecond precision (isomorphic-git writes ms-truncated
  // nanoseconds). An entry written in the same instant as the index is "racily
  // clean" and must be hashed, as git itself does.
  private statMatches(entry: IndexEntry, stat: fs.Stats): boolean {
    const ms = (seconds: number, nanoseconds: number): number => seconds * 1000 + Math.floor(nanoseconds / 1e6);
    const entryMtime = ms(entry.mtimeSeconds, entry.mtimeNanoseconds);
    return entry.size === stat.size % 2 ** 32
      && entryMtime === Math.floor(stat.mtimeMs) % (2 ** 32 * 1000)
      && ms(entry.ctimeSeconds, entry.ctimeNanoseconds) === Math.floor(stat.ctimeMs) % (2 ** 32 * 1000)
      && entryMtime < Math.floor(this.indexMtimeMs);
  }

  private hashFile(relative: string, absolute: string, stat: fs.Stats): string {
    const memo = this.memo.get(relative);
    if (memo && memo.size === stat.size && memo.mtimeMs === stat.mtimeMs && memo.ctimeMs === stat.ctimeMs && memo.ino === stat.ino) return memo.oid;
    const content = stat.isSymbolicLink() ? Buffer.from(fs.readlinkSync(absolute)) : fs.readFileSync(absolute);
    const oid = hashBlob(content);
    const now = Date.now();
    // A file modified in the same millisecond as the hash could change unseen; only remember older ones.
    if (stat.mtimeMs < now - 2 && stat.ctimeMs < now - 2) {
      this.memo.set(relative, { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, oid, hashedAt: now });
    }
    return oid;
  }

  // HEAD vs index changes only when either does, so it is computed once per index/HEAD pair.
  private stagedChanges(): Map<string, StagedState> {
    const key = `${this.indexKey}\0${this.headKey}`;
    if (this.staged.key === key) return this.staged.entries;
    const entries = new Map<string, StagedState>();
    for (const [filePath, entry] of this.index) {
      const headFile = this.headFiles.get(filePath);
      if (!headFile) entries.set(filePath, 'A');
      else if ((headFile.mode & FILE_TYPE) !== (entry.mode & FILE_TYPE)) entries.set(filePath, 'T');
      else if (headFile.oid !== entry.oid || headFile.mode !== entry.mode) entries.set(filePath, 'M');
    }
    for (const filePath of this.headFiles.keys()) {
      if (!this.index.has(filePath) && !this.conflicted.has(filePath)) entries.set(filePath, 'D');
    }
    this.staged = { key, entries };
    return entries;
  }

  private compose(): FileStatus[] {
    const files = new Map<string, FileStatus>();
    const set = (filePath: string, staged: StagedState, workTree: WorkTreeState): void => {
      const existing = files.get(filePath);
      files.set(filePath, { path: filePath, staged: staged !== ' ' ? staged : existing?.staged ?? ' ', workTree: workTree !== ' ' ? workTree : existing?.workTree ?? ' ' });
    };
    for (const [filePath, state] of this.stagedChanges()) set(filePath, state, ' ');
    for (const [filePath, state] of this.workTree) if (this.index.has(filePath)) set(filePath, ' ', state);
    for (const filePath of this.untracked) if (!this.conflicted.has(filePath)) set(filePath, ' ', '?');
    for (const filePath of this.conflicted) files.set(filePath, { path: filePath, staged: 'U', workTree: 'U' });
    return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

// core.excludesFile from the repository's or the user's config, else git's default
// $XDG_CONFIG_HOME/git/ignore (~/.config/git/ignore).
function globalExcludes(gitdir: string): string | undefined {
  const home = process.env.HOME ?? '';
  const configured = [path.join(gitdir, 'config'), path.join(home, '.gitconfig'), path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'git', 'config')]
    .map((file) => /^\s*excludesfile\s*=\s*(.+?)\s*$/im.exec(readText(file) ?? '')?.[1])
    .find((value) => value !== undefined);
  const file = configured
    ? configured.replace(/^"(.*)"$/, '$1').replace(/^~(?=\/)/, home)
    : path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'git', 'ignore');
  return home || configured ? readText(file) : undefined;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

const sharedEngines = new Map<string, StatusEngine>();

/**
 * One engine per repository for this thread's one-off checks (pull, switch, publish), so HEAD's
 * listing and file hashes are reused between operations.
 * @example const status = await sharedStatusEngine('/ws').status({ full: true });
 */
export function sharedStatusEngine(dir: string): StatusEngine {
  const root = path.resolve(dir);
  let engine = sharedEngines.get(root);
  if (!engine) { engine = new StatusEngine(root); sharedEngines.set(root, engine); }
  return engine;
}
