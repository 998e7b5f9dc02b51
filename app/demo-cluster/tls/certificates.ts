// A private CA and a server certificate for 127.0.0.1/localhost. Keys come
// from node:crypto (native, fast); node-forge only builds and signs the X.509
// certificates. Generated material is cached in the data dir so a restart
// keeps the same CA (kubeconfigs stay valid) and tests do not pay for keygen.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';

/** PEM material the HTTPS server and kubeconfig need. */
export interface DemoCertificates {
  caPem: string;
  certPem: string;
  keyPem: string;
}

let processCache: Promise<DemoCertificates> | undefined;

function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem);
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function serialNumber(): string {
  // A positive serial: clear the top bit of the first byte.
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate, years: number): void {
  cert.validity.notBefore = new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(Date.now() + years * 365 * 24 * 60 * 60 * 1000);
}

/** Creates a fresh CA and a server certificate signed by it. */
export function generateCertificates(): DemoCertificates {
  const ca = newKeyPair();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = serialNumber();
  validity(caCert, 10);
  const caSubject = [{ name: 'commonName', value: 'paver-demo-ca' }, { name: 'organizationName', value: 'Paver' }];
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const server = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = server.publicKey;
  cert.serialNumber = serialNumber();
  validity(cert, 5);
  cert.setSubject([{ name: 'commonName', value: 'paver-demo-apiserver' }]);
  cert.setIssuer(caSubject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  return { caPem: forge.pki.certificateToPem(caCert), certPem: forge.pki.certificateToPem(cert), keyPem: server.pem };
}

async function readCached(dir: string): Promise<DemoCertificates | undefined> {
  try {
    const [caPem, certPem, keyPem] = await Promise.all(['ca.crt', 'server.crt', 'server.key']
      .map((file) => readFile(join(dir, file), 'utf8')));
    const cert = forge.pki.certificateFromPem(certPem!);
    if (cert.validity.notAfter.getTime() < Date.now() + 24 * 60 * 60 * 1000) return undefined;
    return { caPem: caPem!, certPem: certPem!, keyPem: keyPem! };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, path);
}

/**
 * Loads the certificates cached in `dataDir` (`tls/`), generating and saving
 * them when missing or near expiry. Without a data dir they are cached for the
 * life of the process.
 */
export async function loadOrCreateCertificates(dataDir?: string): Promise<DemoCertificates> {
  if (!dataDir) return processCache ??= Promise.resolve().then(generateCertificates);
  const dir = join(dataDir, 'tls');
  const cached = await readCached(dir);
  if (cached) return cached;
  const created = generateCertificates();
  await mkdir(dir, { recursive: true });
  await writeAtomic(join(dir, 'ca.crt'), created.caPem);
  await writeAtomic(join(dir, 'server.crt'), created.certPem);
  await writeAtomic(join(dir, 'server.key'), created.keyPem);
  return created;
}
