import { isAllowedEvent, isAllowedMethod, type PaverApi, type Unsubscribe } from '../../app/api/index.js';
import { InvalidRequestError, serializeError } from '../../app/errors/index.js';
import type { CallResult } from '../../app/api/index.js';

/**
 * The one dispatcher both transports call. It admits only allow-listed
 * methods and events, checks the argument shape, and turns every failure into
 * the serialized error form so the client can rebuild the same class.
 */
export class RpcDispatcher {
  constructor(private readonly services: PaverApi) {}

  async call(service: string, method: string, args: unknown): Promise<CallResult> {
    try {
      if (!isAllowedMethod(service, method)) {
        throw new InvalidRequestError(`Unknown method ${service}.${method}.`, { service, method });
      }
      if (!Array.isArray(args) || args.length > 1 || (args.length === 1 && !isPlainObjectOrUndefined(args[0]))) {
        throw new InvalidRequestError(`${service}.${method} takes at most one request object.`, { service, method });
      }
      const target = this.services[service] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const value = await target[method]!.apply(target, args);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      return { ok: false, error: serializeError(error) };
    }
  }

  subscribe(service: string, event: string, listener: (payload: unknown) => void): Unsubscribe {
    if (!isAllowedEvent(service, event)) {
      throw new InvalidRequestError(`Unknown event ${service}.${event}.`, { service, method: event });
    }
    const target = this.services[service] as unknown as Record<string, (l: (p: unknown) => void) => Unsubscribe>;
    return target[event]!.call(target, listener);
  }
}

function isPlainObjectOrUndefined(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));
}
