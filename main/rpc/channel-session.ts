import type { ChannelRequest, ChannelResponse, EventMessage, Unsubscribe } from '../../app/api/index.js';
import { InvalidRequestError, serializeError } from '../../app/errors/index.js';
import type { RpcDispatcher } from './dispatcher.js';

/**
 * The server end of one message channel (one window, one SSE stream, or one
 * in-memory pair): answers requests through the dispatcher and keeps that
 * channel's subscriptions until it is disposed.
 */
export class ChannelSession {
  private readonly subscriptions = new Map<string, Unsubscribe>();

  constructor(private readonly dispatcher: RpcDispatcher, private readonly sendEvent: (message: EventMessage) => void) {}

  async handle(request: ChannelRequest): Promise<ChannelResponse> {
    try {
      switch (request?.type) {
        case 'call':
          return await this.dispatcher.call(request.service, request.method, request.args);
        case 'subscribe': {
          if (typeof request.subscriptionId !== 'string' || this.subscriptions.has(request.subscriptionId)) {
            throw new InvalidRequestError('A subscription needs a new, unique subscriptionId.', { field: 'subscriptionId' });
          }
          const { subscriptionId } = request;
          const unsubscribe = this.dispatcher.subscribe(request.service, request.event, (payload) => this.sendEvent({ subscriptionId, payload }));
          this.subscriptions.set(subscriptionId, unsubscribe);
          return { ok: true, value: null };
        }
        case 'unsubscribe':
          this.subscriptions.get(request.subscriptionId)?.();
          this.subscriptions.delete(request.subscriptionId);
          return { ok: true, value: null };
        default:
          throw new InvalidRequestError('Unknown message type.', { field: 'type' });
      }
    } catch (error) {
      return { ok: false, error: serializeError(error) };
    }
  }

  dispose(): void {
    for (const unsubscribe of this.subscriptions.values()) unsubscribe();
    this.subscriptions.clear();
  }
}
