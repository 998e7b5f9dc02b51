import { deserializeError } from '../errors/index.js';
import { apiContract, type PaverApi, type ServiceName } from './contract.js';
import type { Transport } from './transport.js';

/**
 * Builds the typed client the renderer uses, one member per allow-listed
 * method and event, over whichever transport was chosen at start-up.
 * Errors come back as instances of their own class.
 *
 * @example
 *   const api = createApiClient(httpTransport);
 *   const files = await api.workspace.listFiles();
 */
export function createApiClient(transport: Transport): PaverApi {
  const client: Record<string, Record<string, unknown>> = {};
  for (const service of Object.keys(apiContract) as ServiceName[]) {
    const members: Record<string, unknown> = {};
    for (const method of apiContract[service].methods) {
      members[method] = async (...args: unknown[]) => {
        const result = await transport.call(service, method, args);
        if (!result.ok) throw deserializeError(result.error);
        return result.value;
      };
    }
    for (const event of apiContract[service].events as readonly string[]) {
      members[event] = (listener: (payload: unknown) => void) => transport.subscribe(service, event, listener);
    }
    client[service] = members;
  }
  return client as unknown as PaverApi;
}
