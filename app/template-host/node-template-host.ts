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
    case 'dsa':
      return dsaPrivateKeyPem(bits ?? 1024);
    default:
      throw new Error(`unknown key type ${String(type)}`);
  }
}

// Minimal DER reading/writing for DSA keys: Node exports DSA only as PKCS#8,
// Sprig prints OpenSSL's "DSA PRIVATE KEY" (SEQUENCE of version, p, q, g, y, x).
function readDer(bytes: Uint8Array, offset: number): { tag: number; start: number; end: number } {
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  return { tag, start, end: start + length };
}

function derChildren(bytes: Uint8Array, start: number, end: number): { tag: number; start: number; end: number }[] {
  const out = [];
  for (let at = start; at < end;) {
    const node = readDer(bytes, at);
    out.push(node);
    at = node.end;
  }
  return out;
}

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n % 256);
  return [0x80 | out.length, ...out];
}

function derInteger(n: bigint): number[] {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return [0x02, ...derLength(bytes.length), ...bytes];
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function dsaPrivateKeyPem(bits: number): string {
  const der = new Uint8Array(generateKeyPairSync('dsa', { modulusLength: bits, divisorLength: bits >= 2048 ? 256 : 160 })
    .privateKey.export({ type: 'pkcs8', format: 'der' }));
  const info = readDer(der, 0);
  const [, algorithm, privateKey] = derChildren(der, info.start, info.end);
  const params = derChildren(der, algorithm!.start, algorithm!.end)[1]!;
  const [p, q, g] = derChildren(der, params.start, params.end).map((n) => toBigInt(der.subarray(n.start, n.end)));
  const xNode = readDer(der, privateKey!.start);
  const x = toBigInt(der.subarray(xNode.start, xNode.end));
  const y = modPow(g!, x, p!);
  const body = [0n, p!, q!, g!, y, x].flatMap(derInteger);
  const sequence = Buffer.from([0x30, ...derLength(body.length), ...body]);
  const base64 = sequence.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN DSA PRIVATE KEY-----\n${base64}\n-----END DSA PRIVATE KEY-----\n`;
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
