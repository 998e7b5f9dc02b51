// Random values through the host's crypto provider (falling back to Web
// Crypto's getRandomValues, which exists in browsers and Node without imports).
import type { CallContext } from '../lang/value.js';
import type { TemplateCryptoProvider, TemplateHost } from './host.js';
import { hostOf } from './support.js';

/** The fallback provider: Web Crypto's getRandomValues, everything else pure JS. */
export const defaultCrypto: TemplateCryptoProvider = {
  randomBytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 65536) globalThis.crypto.getRandomValues(out.subarray(i, Math.min(length, i + 65536)));
    return out;
  },
};

/** The crypto provider of the running execution (host's, else Web Crypto). */
export function cryptoOf(ctx: CallContext): TemplateCryptoProvider {
  return hostOf<TemplateHost>(ctx).crypto ?? defaultCrypto;
}

/** A uniform random integer in [0, n). */
export function randomInt(ctx: CallContext, n: number): number {
  if (n <= 1) return 0;
  const limit = Math.floor(0x100000000 / n) * n;
  for (;;) {
    const b = cryptoOf(ctx).randomBytes(4);
    const v = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
    if (v < limit) return v % n;
  }
}

/** count characters drawn uniformly from an alphabet. */
export function randomFrom(ctx: CallContext, alphabet: string, count: number): string {
  const chars = Array.from(alphabet);
  let out = '';
  for (let i = 0; i < count; i++) out += chars[randomInt(ctx, chars.length)];
  return out;
}

/** uuid.New().String(): a random (version 4, RFC 4122 variant) UUID. */
export function uuidV4(ctx: CallContext): string {
  const b = cryptoOf(ctx).randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
