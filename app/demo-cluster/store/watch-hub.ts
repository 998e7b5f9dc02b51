// Fans store changes out to watchers and keeps a bounded history so a watch
// can resume from a resourceVersion, as etcd's watch cache does.
import type { KubeObject } from '../api/kube-object.js';

/** A change as a watcher sees it. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  storageKey: string;
  object: KubeObject;
  /** The state before a MODIFIED event, so filtered watches can turn it into ADDED or DELETED. */
  previous?: KubeObject;
  revision: number;
}

/** A live subscription; `close` stops delivery. */
export interface WatchSubscription {
  close(): void;
}

type Listener = (event: StoreEvent) => void;

/** Holds watchers and the recent event history. */
export class WatchHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly history: StoreEvent[] = [];
  private historyStart = 0;
  /** Events at or below this revision are gone; resuming from before it answers 410. */
  private compactedRevision = 0;

  constructor(private readonly historyLimit = 50_000) {}

  /** Records an event and delivers it to the watchers of its storage key. */
  publish(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length - this.historyStart > this.historyLimit) {
      this.compactedRevision = this.history[this.historyStart]!.revision;
      this.historyStart++;
      if (this.historyStart > this.historyLimit) {
        this.history.splice(0, this.historyStart);
        this.historyStart = 0;
      }
    }
    for (const listener of this.listeners.get(event.storageKey) ?? []) listener(event);
  }

  /** Whether a watch may resume after `revision` without missing events. */
  canResumeFrom(revision: number): boolean {
    return revision >= this.compactedRevision;
  }

  /** Events for `storageKey` after `revision`, oldest first. */
  eventsAfter(storageKey: string, revision: number): StoreEvent[] {
    const found: StoreEvent[] = [];
    for (let i = this.history.length - 1; i >= this.historyStart; i--) {
      const event = this.history[i]!;
      if (event.revision <= revision) break;
      if (event.storageKey === storageKey) found.push(event);
    }
    return found.reverse();
  }

  /** Subscribes to future events of one storage key. */
  subscribe(storageKey: string, listener: Listener): WatchSubscription {
    let set = this.listeners.get(storageKey);
    if (!set) this.listeners.set(storageKey, set = new Set());
    set.add(listener);
    return { close: () => set.delete(listener) };
  }
}
