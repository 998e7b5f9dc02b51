import { createHash } from 'node:crypto';

/** Git's object id of a blob with this content (sha1 of `blob <size>\0<content>`). */
export function hashBlob(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
