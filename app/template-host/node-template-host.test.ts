import { describe, expect, it } from 'vitest';
import { loadChart, renderChart } from '../template/index.js';
import { memoryReader } from '../template/chart/testing/memory-reader.js';
import { nodeClock, nodeCryptoProvider, nodeTemplateHost } from './node-template-host.js';

describe('Node providers for template functions', () => {
  it('gives keys, digests, randomness and time to charts through the host', async () => {
    const chart = await loadChart(memoryReader({
      'c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
      'c/templates/NOTES.txt': '{{ genPrivateKey "ecdsa" | trim | splitList "\\n" | first }}|{{ genPrivateKey "ed25519" | trim | splitList "\\n" | first }}|'
        + '{{ sha256sum "abc" }}|{{ randAlphaNum 12 | len }}|{{ now | date "2006" | len }}',
    }), 'c');
    const result = renderChart(chart, { host: nodeTemplateHost() });
    expect(result.notes).toBe('-----BEGIN EC PRIVATE KEY-----|-----BEGIN PRIVATE KEY-----|'
      + 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad|12|4');
  });

  it('generates RSA keys in PKCS#1 and reads the real clock', () => {
    const pem = nodeCryptoProvider().generatePrivateKeyPem!('rsa', 1024);
    expect(pem.startsWith('-----BEGIN RSA PRIVATE KEY-----\n')).toBe(true);
    const nanos = nodeClock().nowNanos();
    expect(Number(nanos / 1_000_000n)).toBeGreaterThan(Date.parse('2024-01-01'));
  });
});

describe('DSA keys', () => {
  it('prints DSA keys in OpenSSL\'s "DSA PRIVATE KEY" form that Node can read back', async () => {
    const { createPrivateKey } = await import('node:crypto');
    const pem = nodeCryptoProvider().generatePrivateKeyPem!('dsa');
    expect(pem.startsWith('-----BEGIN DSA PRIVATE KEY-----\n')).toBe(true);
    const key = createPrivateKey({ key: pem, format: 'pem' });
    expect(key.asymmetricKeyType).toBe('dsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(1024);
  });
});
