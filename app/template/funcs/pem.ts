// encoding/pem block encoding (64-column base64, trailing newline).
import { base64Encode } from './encoding-base.js';

/** pem.EncodeToMemory of one block. */
export function pemEncode(type: string, der: Uint8Array): string {
  const lines = base64Encode(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}
