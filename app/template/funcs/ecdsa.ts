// NIST P-256 ECDSA in BigInt arithmetic: key generation and SHA-256 signing,
// for genPrivateKey "ecdsa" and EC-keyed certificates when the host crypto
// provider does not supply them (app/template stays free of node:crypto).

const p = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const a = p - 3n;
const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const gx = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n;
const gy = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n;

type Point = { x: bigint; y: bigint } | null;

const mod = (v: bigint, m: bigint): bigint => ((v % m) + m) % m;

function inverse(v: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(v, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return mod(oldS, m);
}

function add(P: Point, Q: Point): Point {
  if (P === null) return Q;
  if (Q === null) return P;
  if (P.x === Q.x) {
    if (mod(P.y + Q.y, p) === 0n) return null;
    const l = mod((3n * P.x * P.x + a) * inverse(2n * P.y, p), p);
    const x = mod(l * l - 2n * P.x, p);
    return { x, y: mod(l * (P.x - x) - P.y, p) };
  }
  const l = mod((Q.y - P.y) * inverse(Q.x - P.x, p), p);
  const x = mod(l * l - P.x - Q.x, p);
  return { x, y: mod(l * (P.x - x) - P.y, p) };
}

function multiply(k: bigint, P: Point): Point {
  let result: Point = null;
  let addend = P;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
}

const toBytes = (v: bigint, length = 32): Uint8Array => {
  const out = new Uint8Array(length);
  for (let i = length - 1, x = v; i >= 0; i--, x >>= 8n) out[i] = Number(x & 0xffn);
  return out;
};

const fromBytes = (b: Uint8Array): bigint => b.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);

/** A random scalar in [1, n-1] from random bytes (rejection sampling). */
export function randomScalar(randomBytes: (length: number) => Uint8Array): bigint {
  for (;;) {
    const d = fromBytes(randomBytes(32));
    if (d > 0n && d < n) return d;
  }
}

/** The uncompressed public point 04||X||Y of a private scalar. */
export function publicPoint(d: bigint): Uint8Array {
  const Q = multiply(d, { x: gx, y: gy })!;
  return Uint8Array.from([4, ...toBytes(Q.x), ...toBytes(Q.y)]);
}

/** The private scalar as 32 bytes. */
export function scalarBytes(d: bigint): Uint8Array {
  return toBytes(d);
}

/** Parses a 32-byte private scalar. */
export function scalarFromBytes(bytes: Uint8Array): bigint {
  return fromBytes(bytes);
}

/** ECDSA signature (r, s) of a SHA-256 digest. */
export function sign(d: bigint, digest: Uint8Array, randomBytes: (length: number) => Uint8Array): { r: bigint; s: bigint } {
  const z = fromBytes(digest);
  for (;;) {
    const k = randomScalar(randomBytes);
    const R = multiply(k, { x: gx, y: gy })!;
    const r = mod(R.x, n);
    if (r === 0n) continue;
    const s = mod(inverse(k, n) * (z + r * d), n);
    if (s === 0n) continue;
    return { r, s };
  }
}
