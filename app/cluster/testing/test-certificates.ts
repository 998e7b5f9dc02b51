// Test-only PKI: a CA, a server certificate for 127.0.0.1 and client
// certificates, built with node-forge (keys from node:crypto, which is faster).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A PEM certificate with its key. */
export interface TestCertificate {
  certPem: string;
  keyPem: string;
}

function keyPair() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem);
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function sign(subject: string, issuer: { cert?: forge.pki.Certificate; key?: forge.pki.rsa.PrivateKey }, extensions: any[]): { cert: forge.pki.Certificate } & TestCertificate & { key: forge.pki.rsa.PrivateKey } {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  const serial = randomBytes(12);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 3_600_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer(issuer.cert ? issuer.cert.subject.attributes : [{ name: 'commonName', value: subject }]);
  cert.setExtensions(extensions);
  cert.sign(issuer.key ?? keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey, certPem: forge.pki.certificateToPem(cert), keyPem: keys.pem };
}

/** A CA that can issue server and client certificates. */
export function createTestCa(name = 'paver-test-ca') {
  const ca = sign(name, {}, [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, digitalSignature: true, critical: true }]);
  return {
    certPem: ca.certPem,
    /** A server certificate valid for 127.0.0.1 and localhost. */
    server(): TestCertificate {
      return sign('paver-test-server', ca, [
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
      ]);
    },
    /** A client certificate whose common name is the user name. */
    client(user: string): TestCertificate {
      return sign(user, ca, [{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true }, { name: 'extKeyUsage', clientAuth: true }]);
    },
  };
}
