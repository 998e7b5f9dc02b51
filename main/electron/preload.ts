// The preload exposes exactly two functions to the sandboxed renderer: `call`
// and `subscribe`, the Transport interface. It is built as CommonJS because a
// sandboxed preload cannot be an ES module (STACK.md trap 7).
import { contextBridge, ipcRenderer } from 'electron';
import { createChannelTransport, type ChannelRequest, type ChannelResponse, type EventMessage } from '../../app/api/index.js';

const transport = createChannelTransport(
  (request: ChannelRequest) => ipcRenderer.invoke('paver:rpc', request) as Promise<ChannelResponse>,
  (handler) => { ipcRenderer.on('paver:event', (_event, message: EventMessage) => handler(message)); },
);

contextBridge.exposeInMainWorld('paver', {
  call: (service: string, method: string, args: unknown[]) => transport.call(service, method, args),
  subscribe: (service: string, event: string, listener: (payload: unknown) => void) => transport.subscribe(service, event, listener),
});
