import type { CallResult } from './transport.js';

/**
 * The messages a renderer sends over a message channel (Electron IPC, or the
 * in-memory pair in tests). Calls answer with a CallResult; events arrive
 * separately as `EventMessage`s tagged with their subscription id.
 */
export type ChannelRequest =
  | { type: 'call'; service: string; method: string; args: unknown[] }
  | { type: 'subscribe'; service: string; event: string; subscriptionId: string }
  | { type: 'unsubscribe'; subscriptionId: string };

export interface EventMessage {
  subscriptionId: string;
  payload: unknown;
}

export type ChannelResponse = CallResult;
