// Node providers for the template functions: a clock, crypto backed by
// node:crypto (fast RSA/ECDSA/Ed25519 key generation, digests), DNS off by default.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TemplateClock, TemplateCryptoProvider, TemplateHost, PrivateKeyType } from '../template/funcs/host.js';

/** The real clock (nanoseconds since the epoch; local zone from the process). */
export function nodeClock(): TemplateClock {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    nowNanos: () => BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n),
    localZone: zone || 'UTC',
  };
}

function privateKeyPem(type: PrivateKeyType, bits?: number): string {
  switch (type) {
    case 'rsa':
      return generateKeyPairSync('rsa', { modulusLength: bits ?? 4096 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    case 'ecdsa':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    case 'ed25519':
      return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    case 'dsa': {
      const der = generateKeyPairSync('dsa', { modulusLength: bits ?? 2048, divisorLength: 256 }).privateKey.export({ type: 'pkcs8', format: 'der' });
      // Sprig prints DSA keys as "DSA PRIVATE KEY"; PKCS#8 DER is the closest node offers.
      const body = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
      return `-----BEGIN DSA PRIVATE KEY-----\n${body}\n-----END DSA PRIVATE KEY-----\n`;
    }
    default:
      throw new Error(`unknown key type ${String(type)}`);
  }
}

/** Crypto for Sprig's functions using node:crypto where it is faster than pure JS. */
export function nodeCryptoProvider(): TemplateCryptoProvider {
  return {
    randomBytes: (length) => new Uint8Array(randomBytes(length)),
    digest: (algorithm, data) => new Uint8Array(createHash(algorithm).update(data).digest()),
    generatePrivateKeyPem: privateKeyPem,
  };
}

/** Everything the engine's functions need on Node, for `paver render` and the app. */
export function nodeTemplateHost(): TemplateHost {
  return { clock: nodeClock(), crypto: nodeCryptoProvider() };
}
