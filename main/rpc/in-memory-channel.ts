import { createChannelTransport, type ChannelRequest, type EventMessage, type Transport } from '../../app/api/index.js';
import { ChannelSession } from './channel-session.js';
import type { RpcDispatcher } from './dispatcher.js';

/**
 * A channel pair that behaves like Electron IPC without Electron: every
 * message is structured-cloned as IPC would, and delivered asynchronously.
 * The contract suite runs over it to prove the IPC path.
 */
export function createInMemoryChannelPair(dispatcher: RpcDispatcher): { transport: Transport; dispose: () => void } {
  let deliver: (message: EventMessage) => void = () => undefined;
  const session = new ChannelSession(dispatcher, (message) => {
    const copy = structuredClone(message);
    queueMicrotask(() => deliver(copy));
  });
  const transport = createChannelTransport(
    async (request: ChannelRequest) => structuredClone(await session.handle(structuredClone(request))),
    (handler) => { deliver = handler; },
  );
  return { transport, dispose: () => session.dispose() };
}
