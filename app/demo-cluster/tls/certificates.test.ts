// The CA and server certificate are generated once per data dir and reused.
import { mkdtemp, rm } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateCertificates } from './certificates.js';

describe('demo cluster certificates', () => {
  it('creates a CA-signed certificate for 127.0.0.1 and localhost, and reuses it from the data dir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paver-tls-'));
    try {
      const first = await loadOrCreateCertificates(dir);
      const again = await loadOrCreateCertificates(dir);
      expect(again).toEqual(first);
      const cert = new X509Certificate(first.certPem);
      const ca = new X509Certificate(first.caPem);
      expect(cert.verify(ca.publicKey)).toBe(true);
      expect(cert.subjectAltName).toContain('DNS:localhost');
      expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
      expect(ca.ca).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
