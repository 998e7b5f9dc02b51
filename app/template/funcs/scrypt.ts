// scrypt (RFC 7914) in pure JS for Sprig's derivePassword (N=32768, r=8, p=2).
import forge from 'node-forge';
import { binaryString } from './hashing.js';

function pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, length: number): Uint8Array {
  const raw = forge.pkcs5.pbkdf2(binaryString(password), binaryString(salt), 1, length, forge.md.sha256.create());
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

function salsa20_8(b: Uint32Array, x: Uint32Array): void {
  x.set(b);
  const r = (a: number, n: number) => (a << n) | (a >>> (32 - n));
  for (let i = 0; i < 8; i += 2) {
    x[4] ^= r(x[0] + x[12], 7); x[8] ^= r(x[4] + x[0], 9); x[12] ^= r(x[8] + x[4], 13); x[0] ^= r(x[12] + x[8], 18);
    x[9] ^= r(x[5] + x[1], 7); x[13] ^= r(x[9] + x[5], 9); x[1] ^= r(x[13] + x[9], 13); x[5] ^= r(x[1] + x[13], 18);
    x[14] ^= r(x[10] + x[6], 7); x[2] ^= r(x[14] + x[10], 9); x[6] ^= r(x[2] + x[14], 13); x[10] ^= r(x[6] + x[2], 18);
    x[3] ^= r(x[15] + x[11], 7); x[7] ^= r(x[3] + x[15], 9); x[11] ^= r(x[7] + x[3], 13); x[15] ^= r(x[11] + x[7], 18);
    x[1] ^= r(x[0] + x[3], 7); x[2] ^= r(x[1] + x[0], 9); x[3] ^= r(x[2] + x[1], 13); x[0] ^= r(x[3] + x[2], 18);
    x[6] ^= r(x[5] + x[4], 7); x[7] ^= r(x[6] + x[5], 9); x[4] ^= r(x[7] + x[6], 13); x[5] ^= r(x[4] + x[7], 18);
    x[11] ^= r(x[10] + x[9], 7); x[8] ^= r(x[11] + x[10], 9); x[9] ^= r(x[8] + x[11], 13); x[10] ^= r(x[9] + x[8], 18);
    x[12] ^= r(x[15] + x[14], 7); x[13] ^= r(x[12] + x[15], 9); x[14] ^= r(x[13] + x[12], 13); x[15] ^= r(x[14] + x[13], 18);
  }
  for (let i = 0; i < 16; i++) b[i] = (b[i] + x[i]) >>> 0;
}

function blockMix(b: Uint32Array, y: Uint32Array, r: number, x: Uint32Array, t: Uint32Array): void {
  x.set(b.subarray((2 * r - 1) * 16, 2 * r * 16));
  for (let i = 0; i < 2 * r; i++) {
    for (let j = 0; j < 16; j++) x[j] ^= b[i * 16 + j];
    salsa20_8(x, t);
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
  const t = new Uint32Array(16);
  for (let i = 0; i < p; i++) {
    const block = words.subarray(i * blockWords, (i + 1) * blockWords);
    for (let j = 0; j < n; j++) {
      v.set(block, j * blockWords);
      blockMix(block, y, r, x, t);
    }
    for (let j = 0; j < n; j++) {
      const k = block[(2 * r - 1) * 16] & (n - 1);
      for (let m = 0; m < blockWords; m++) block[m] ^= v[k * blockWords + m];
      blockMix(block, y, r, x, t);
    }
  }
  const out = new Uint8Array(words.length * 4);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < words.length; i++) outView.setUint32(i * 4, words[i], true);
  return pbkdf2Sha256(password, out, keyLength);
}
