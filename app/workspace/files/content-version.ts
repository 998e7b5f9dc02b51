import { createHash } from 'node:crypto';

/** The opaque version of some bytes: editors send it back to detect concurrent changes. */
export function contentVersion(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}
