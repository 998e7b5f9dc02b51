import type { SerializedError } from '../errors/paver-error.js';
import type { Unsubscribe } from './events.js';

/** The result of one call as it crosses a transport. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/**
 * What a transport moves: calls and event subscriptions. Electron IPC, HTTP
 * plus SSE, and the in-memory pair used by tests all implement this.
 */
export interface Transport {
  call(service: string, method: string, args: unknown[]): Promise<CallResult>;
  subscribe(service: string, event: string, listener: (payload: unknown) => void): Unsubscribe;
}
