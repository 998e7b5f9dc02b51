import { watch, type FSWatcher } from 'chokidar';
import { readFile } from 'node:fs/promises';
import type { FileChange } from '../../api/index.js';
import { contentVersion } from './content-version.js';
import { isAtomicWriteTempFile } from './atomic-write.js';
import { toWorkspacePath } from './confine-path.js';

export interface WorkspaceWatcherOptions {
  /** Called with batched changes, at most every `batchMs`. */
  onChanges: (changes: FileChange[]) => void;
  /** Called once when the OS watch limit forced a fall back to polling. */
  onWarning?: (message: string) => void;
  batchMs?: number;
}

const ignored = (path: string) => /(^|[\\/])(\.git|node_modules)([\\/]|$)/.test(path) || isAtomicWriteTempFile(path);

/**
 * Watches a workspace for changes made by any program and reports them as
 * workspace-relative paths with their new content version. `.git`,
 * `node_modules` and Paver's own temporary files are ignored.
 */
export class WorkspaceWatcher {
  private watcher: FSWatcher | undefined;
  private pending = new Map<string, FileChange['kind']>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly root: string, private readonly options: WorkspaceWatcherOptions) {}

  /** Starts watching; resolves once the initial scan is done. */
  async start(): Promise<void> {
    await this.startWatcher(false);
  }

  private async startWatcher(usePolling: boolean): Promise<void> {
    this.polling = usePolling;
    const watcher = watch(this.root, {
      ignored,
      ignoreInitial: true,
      usePolling,
      interval: 300,
      // Editors often save by rename; wait until a file stops changing.
      awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 },
    });
    this.watcher = watcher;
    watcher.on('add', (p) => this.queue(p, 'created'));
    watcher.on('change', (p) => this.queue(p, 'changed'));
    watcher.on('unlink', (p) => this.queue(p, 'deleted'));
    watcher.on('error', (error) => void this.onError(error));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }

  private async onError(error: unknown): Promise<void> {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOSPC' || code === 'EMFILE') && !this.polling) {
      this.options.onWarning?.(
        `The system limit on watched files was reached (${code}), so Paver checks for changes by polling, which is slower. ` +
        'Raise fs.inotify.max_user_watches to restore instant updates.',
      );
      await this.watcher?.close();
      await this.startWatcher(true);
    }
  }

  private queue(absolute: string, kind: FileChange['kind']): void {
    const path = toWorkspacePath(this.root, absolute);
    const previous = this.pending.get(path);
    // A create followed by a change is still a create for listeners.
    this.pending.set(path, previous === 'created' && kind === 'changed' ? 'created' : kind);
    this.timer ??= setTimeout(() => void this.flush(), this.options.batchMs ?? 50);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    const changes: FileChange[] = [];
    for (const [path, kind] of batch) {
      if (kind === 'deleted') {
        changes.push({ kind, path });
        continue;
      }
      try {
        const data = await readFile(`${this.root}/${path}`);
        changes.push({ kind, path, version: contentVersion(data) });
      } catch (error) {
        // Gone again before we could read it: report the deletion.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') changes.push({ kind: 'deleted', path });
        else throw error;
      }
    }
    if (changes.length) this.options.onChanges(changes);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.watcher?.close();
  }
}
