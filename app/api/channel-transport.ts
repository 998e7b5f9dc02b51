import type { Unsubscribe } from './events.js';
import type { ChannelRequest, ChannelResponse, EventMessage } from './message-protocol.js';
import type { Transport } from './transport.js';

/**
 * The client end of a message channel: turns `invoke` (request/response) and
 * a stream of event messages into a Transport. Electron's preload and the
 * in-memory test pair both use it, so they speak exactly one protocol.
 */
export function createChannelTransport(
  invoke: (request: ChannelRequest) => Promise<ChannelResponse>,
  onEventMessage: (handler: (message: EventMessage) => void) => void,
): Transport {
  const listeners = new Map<string, (payload: unknown) => void>();
  let nextId = 0;
  onEventMessage((message) => listeners.get(message.subscriptionId)?.(message.payload));
  return {
    call: (service, method, args) => invoke({ type: 'call', service, method, args }),
    subscribe(service, event, listener): Unsubscribe {
      const subscriptionId = `s${++nextId}`;
      listeners.set(subscriptionId, listener);
      void invoke({ type: 'subscribe', service, event, subscriptionId }).then((result) => {
        if (!result.ok) {
          listeners.delete(subscriptionId);
          console.error(`Subscription to ${service}.${event} was refused: ${result.error.message}`);
        }
      });
      return () => {
        listeners.delete(subscriptionId);
        void invoke({ type: 'unsubscribe', subscriptionId });
      };
    },
  };
}
