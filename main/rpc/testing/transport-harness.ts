// Both transports, set up the same way for every contract suite: the HTTP
// adapter on 127.0.0.1 (with the renderer's own client transport) and the IPC
// dispatcher through an in-memory channel pair.
import { createHttpTransport, type Transport } from '../../../app/api/index.js';
import type { Core } from '../../services/create-core.js';
import { startHttpServer } from '../../web/http-server.js';
import { createNodeEventStream } from '../../web/node-event-stream.js';
import { createInMemoryChannelPair } from '../in-memory-channel.js';

export interface TransportHarness {
  transport: Transport;
  dispose: () => Promise<void>;
}

/** The transports a contract suite runs over, by name. */
export const contractTransports: Record<string, (core: Core) => Promise<TransportHarness>> = {
  'HTTP transport': async (core) => {
    const server = await startHttpServer({ dispatcher: core.dispatcher });
    const events = createNodeEventStream();
    return {
      transport: createHttpTransport(server.token, server.url, events.open),
      dispose: async () => { events.closeAll(); await server.close(); },
    };
  },
  'IPC dispatcher (in-memory channel pair)': async (core) => {
    const pair = createInMemoryChannelPair(core.dispatcher);
    return { transport: pair.transport, dispose: async () => pair.dispose() };
  },
};

/** Waits until `check` passes, running `act` before each try; fails with the last error after the deadline. */
export async function eventually(check: () => void | Promise<void>, act?: () => Promise<void>, deadlineMs = 20_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (act) await act();
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
