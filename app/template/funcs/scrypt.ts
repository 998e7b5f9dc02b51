// scrypt (RFC 7914) in pure JS for Sprig's derivePassword (N=32768, r=8, p=2).
import forge from 'node-forge';
import { binaryString } from './hashing.js';

function pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, length: number): Uint8Array {
  const raw = forge.pkcs5.pbkdf2(binaryString(password), binaryString(salt), 1, length, forge.md.sha256.create());
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

function salsa20_8(b: Uint32Array): void {
  let x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
  let x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
  let u: number;
  for (let i = 0; i < 8; i += 2) {
    u = (x0 + x12) | 0; x4 ^= (u << 7) | (u >>> 25); u = (x4 + x0) | 0; x8 ^= (u << 9) | (u >>> 23);
    u = (x8 + x4) | 0; x12 ^= (u << 13) | (u >>> 19); u = (x12 + x8) | 0; x0 ^= (u << 18) | (u >>> 14);
    u = (x5 + x1) | 0; x9 ^= (u << 7) | (u >>> 25); u = (x9 + x5) | 0; x13 ^= (u << 9) | (u >>> 23);
    u = (x13 + x9) | 0; x1 ^= (u << 13) | (u >>> 19); u = (x1 + x13) | 0; x5 ^= (u << 18) | (u >>> 14);
    u = (x10 + x6) | 0; x14 ^= (u << 7) | (u >>> 25); u = (x14 + x10) | 0; x2 ^= (u << 9) | (u >>> 23);
    u = (x2 + x14) | 0; x6 ^= (u << 13) | (u >>> 19); u = (x6 + x2) | 0; x10 ^= (u << 18) | (u >>> 14);
    u = (x15 + x11) | 0; x3 ^= (u << 7) | (u >>> 25); u = (x3 + x15) | 0; x7 ^= (u << 9) | (u >>> 23);
    u = (x7 + x3) | 0; x11 ^= (u << 13) | (u >>> 19); u = (x11 + x7) | 0; x15 ^= (u << 18) | (u >>> 14);
    u = (x0 + x3) | 0; x1 ^= (u << 7) | (u >>> 25); u = (x1 + x0) | 0; x2 ^= (u << 9) | (u >>> 23);
    u = (x2 + x1) | 0; x3 ^= (u << 13) | (u >>> 19); u = (x3 + x2) | 0; x0 ^= (u << 18) | (u >>> 14);
    u = (x5 + x4) | 0; x6 ^= (u << 7) | (u >>> 25); u = (x6 + x5) | 0; x7 ^= (u << 9) | (u >>> 23);
    u = (x7 + x6) | 0; x4 ^= (u << 13) | (u >>> 19); u = (x4 + x7) | 0; x5 ^= (u << 18) | (u >>> 14);
    u = (x10 + x9) | 0; x11 ^= (u << 7) | (u >>> 25); u = (x11 + x10) | 0; x8 ^= (u << 9) | (u >>> 23);
    u = (x8 + x11) | 0; x9 ^= (u << 13) | (u >>> 19); u = (x9 + x8) | 0; x10 ^= (u << 18) | (u >>> 14);
    u = (x15 + x14) | 0; x12 ^= (u << 7) | (u >>> 25); u = (x12 + x15) | 0; x13 ^= (u << 9) | (u >>> 23);
    u = (x13 + x12) | 0; x14 ^= (u << 13) | (u >>> 19); u = (x14 + x13) | 0; x15 ^= (u << 18) | (u >>> 14);
  }
  b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
  b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
}

function blockMix(b: Uint32Array, y: Uint32Array, r: number, x: Uint32Array): void {
  x.set(b.subarray((2 * r - 1) * 16, 2 * r * 16));
  for (let i = 0; i < 2 * r; i++) {
    for (let j = 0; j < 16; j++) x[j] ^= b[i * 16 + j];
    salsa20_8(x);
    y.set(x, i * 16);
  }
  for (let i = 0; i < r; i++) b.set(y.subarray(i * 2 * 16, i * 2 * 16 + 16), i * 16);
  for (let i = 0; i < r; i++) b.set(y.subarray((i * 2 + 1) * 16, (i * 2 + 1) * 16 + 16), (i + r) * 16);
}

/** scrypt.Key(password, salt, N, r, p, keyLen). */
export function scrypt(password: Uint8Array, salt: Uint8Array, n: number, r: number, p: number, keyLength: number): Uint8Array {
  const blockWords = 32 * r;
  const b = pbkdf2Sha256(password, salt, p * 128 * r);
  const words = new Uint32Array(p * blockWords);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  const v = new Uint32Array(n * blockWords);
  const y = new Uint32Array(blockWords);
  const x = new Uint32Array(16);
  for (let i = 0; i < p; i++) {
    const block = words.subarray(i * blockWords, (i + 1) * blockWords);
    for (let j = 0; j < n; j++) {
      v.set(block, j * blockWords);
      blockMix(block, y, r, x);
    }
    for (let j = 0; j < n; j++) {
      const k = block[(2 * r - 1) * 16] & (n - 1);
      for (let m = 0; m < blockWords; m++) block[m] ^= v[k * blockWords + m];
      blockMix(block, y, r, x);
    }
  }
  const out = new Uint8Array(words.length * 4);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < words.length; i++) outView.setUint32(i * 4, words[i], true);
  return pbkdf2Sha256(password, out, keyLength);
}
