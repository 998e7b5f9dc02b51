// Base64/base32 and UTF-8 helpers without Node's Buffer (app/template is pure).

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as Go would hold them). */
export function utf8Encode(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** A string from UTF-8 bytes; invalid sequences become U+FFFD like Go's string conversion when printed. */
export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Standard base64 with padding (encoding/base64.StdEncoding). */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += base64Alphabet[b0 >> 2] + base64Alphabet[((b0 & 3) << 4) | (b1 >> 4)];
    out += i + 1 < bytes.length ? base64Alphabet[((b1 & 15) << 2) | (b2 >> 6)] : '=';
    out += i + 2 < bytes.length ? base64Alphabet[b2 & 63] : '=';
  }
  return out;
}

/** Go's illegal-data error text for a base64/base32 input. */
export class CorruptInputError extends Error {
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

/** StdEncoding.DecodeString: strict padding, newlines ignored; throws CorruptInputError. */
export function base64Decode(text: string): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  let seenPad = -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') continue;
    if (c === '=') {
      if (seenPad < 0) seenPad = count;
      count++;
      continue;
    }
    const v = base64Alphabet.indexOf(c);
    if (v < 0 || seenPad >= 0) throw new CorruptInputError(i);
    buffer = (buffer << 6) | v;
    bits += 6;
    count++;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  if (count % 4 !== 0) throw new CorruptInputError(text.length - (count % 4 === 1 ? 1 : 0));
  return Uint8Array.from(out);
}

/** base32.StdEncoding.EncodeToString. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += base32Alphabet[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += base32Alphabet[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/** base32.StdEncoding.DecodeString; throws with Go's wording. */
export function base32Decode(text: string): Uint8Array {
  const clean = text.replace(/[\r\n]/g, '');
  if (clean.length % 8 !== 0) throw new Error(`illegal base32 data at input byte ${clean.length - (clean.length % 8)}`);
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  const body = clean.replace(/=+$/, '');
  for (let i = 0; i < body.length; i++) {
    const v = base32Alphabet.indexOf(body[i]);
    if (v < 0) throw new Error(`illegal base32 data at input byte ${i}`);
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** Lower-case hex of bytes. */
export function hexEncode(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
