// Digests for sha1sum/sha256sum/sha512sum/adler32sum, through the host's
// crypto provider when it has one, else node-forge (pure JS).
import forge from 'node-forge';
import type { CallContext } from '../lang/value.js';
import { hexEncode, utf8Encode } from './encoding-base.js';
import { cryptoOf } from './random.js';

function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** Raw digest bytes of data. */
export function digest(ctx: CallContext | undefined, algorithm: 'sha1' | 'sha256' | 'sha512', data: Uint8Array): Uint8Array {
  const provider = ctx === undefined ? undefined : cryptoOf(ctx);
  if (provider?.digest !== undefined) return provider.digest(algorithm, data);
  const md = algorithm === 'sha1' ? forge.md.sha1.create() : algorithm === 'sha256' ? forge.md.sha256.create() : forge.md.sha512.create();
  md.update(binaryString(data));
  const raw = md.digest().getBytes();
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

/** Hex digest of a string's UTF-8 bytes. */
export function hexDigest(ctx: CallContext | undefined, algorithm: 'sha1' | 'sha256' | 'sha512', text: string): string {
  return hexEncode(digest(ctx, algorithm, utf8Encode(text)));
}

/** hash/adler32 Checksum. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Bytes as a forge binary string. */
export { binaryString };
