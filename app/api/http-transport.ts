import type { CallResult, Transport } from './transport.js';
import type { Unsubscribe } from './events.js';

/** Opens the event stream; browsers use EventSource, tests and Node hosts may pass their own. */
export type EventStreamOpener = (url: string, handlers: { onHello: (streamId: string) => void; onMessage: (data: string) => void; onClosed: () => void }) => void;

const browserEventStream: EventStreamOpener = (url, handlers) => {
  const source = new EventSource(url);
  source.addEventListener('hello', (event) => handlers.onHello((JSON.parse((event as MessageEvent<string>).data) as { streamId: string }).streamId));
  source.addEventListener('message', (event) => handlers.onMessage((event as MessageEvent<string>).data));
  source.addEventListener('error', () => { if (source.readyState === EventSource.CLOSED) { source.close(); handlers.onClosed(); } });
};

/**
 * Browser mode's transport: calls are `POST /rpc/<service>/<method>` with the
 * launch token; events arrive on one Server-Sent Events stream, to which
 * subscriptions are attached by id. The stream reconnects by itself and
 * re-attaches every live subscription.
 */
export function createHttpTransport(token: string, baseUrl = '', openEventStream: EventStreamOpener = browserEventStream): Transport {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const listeners = new Map<string, { service: string; event: string; listener: (payload: unknown) => void }>();
  let nextId = 0;
  let streamId: Promise<string>;

  const post = async (path: string, body: unknown): Promise<CallResult> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    } catch {
      return { ok: false, error: { code: 'InternalError', message: 'Paver\'s local server is not answering. Is `npm run web` still running?' } };
    }
    const parsed = (await response.json().catch(() => null)) as CallResult | { error?: { code: string; message: string } } | null;
    if (response.ok && parsed && 'ok' in parsed) return parsed;
    const error = parsed && 'error' in parsed && parsed.error ? parsed.error : { code: 'InternalError', message: `HTTP ${response.status}` };
    return { ok: false, error };
  };

  const attach = async (subscriptionId: string) => {
    const entry = listeners.get(subscriptionId);
    if (!entry) return;
    const result = await post('/rpc/subscribe', { streamId: await streamId, subscriptionId, service: entry.service, event: entry.event });
    if (!result.ok) console.error(`Subscription to ${entry.service}.${entry.event} failed: ${result.error.message}`);
  };

  const connect = () => {
    streamId = new Promise<string>((resolve) => {
      openEventStream(`${baseUrl}/events?token=${encodeURIComponent(token)}`, {
        onHello: resolve,
        onMessage: (data) => {
          const message = JSON.parse(data) as { subscriptionId: string; payload: unknown };
          listeners.get(message.subscriptionId)?.listener(message.payload);
        },
        onClosed: () => {
          setTimeout(() => {
            connect();
            for (const id of listeners.keys()) void attach(id);
          }, 1000);
        },
      });
    });
  };
  connect();

  return {
    call: (service, method, args) => post(`/rpc/${encodeURIComponent(service)}/${encodeURIComponent(method)}`, { args }),
    subscribe(service, event, listener): Unsubscribe {
      const subscriptionId = `s${++nextId}`;
      listeners.set(subscriptionId, { service, event, listener });
      void attach(subscriptionId);
      return () => {
        listeners.delete(subscriptionId);
        void streamId.then((id) => post('/rpc/unsubscribe', { streamId: id, subscriptionId }));
      };
    },
  };
}
