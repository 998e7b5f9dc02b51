// Sprig's crypto functions: htpasswd (bcrypt), derivePassword (scrypt +
// HMAC), keys and certificates (through the host crypto provider, else
// node-forge), and AES-CBC encryptAES/decryptAES.
import bcrypt from 'bcryptjs';
import forge from 'node-forge';
import { GoStruct, type CallContext, type FuncMap, type Value } from '../lang/value.js';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from './encoding-base.js';
import type { CertificateRequest, PrivateKeyType, TemplateCryptoProvider } from './host.js';
import { binaryString } from './hashing.js';
import { cryptoOf, defaultCrypto } from './random.js';
import { scrypt } from './scrypt.js';
import { define, fail, strval } from './support.js';
import { now } from './dates.js';
import { randomScalar } from './ecdsa.js';
import { pemEncode } from './pem.js';
import { createCertificate, ecPrivateKeyPem, parsePrivateKeyPem } from './x509.js';

const templateCharacters: Record<string, string> = {
  V: 'AEIOU', C: 'BCDFGHJKLMNPQRSTVWXYZ', v: 'aeiou', c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ', a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz', n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.", x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};
const passwordTemplates: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: ['CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv', 'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno',
    'CvccnoCvccCvcv', 'CvccCvccnoCvcv', 'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno',
    'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno'],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};
const masterPasswordSeed = 'com.lyndir.masterpassword';

function uint32BigEndian(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

/** Sprig's derivePassword (Master Password algorithm). */
export function derivePassword(counter: number, passwordType: string, password: string, user: string, site: string): string {
  const templates = passwordTemplates[passwordType];
  if (templates === undefined) return `cannot find password template ${passwordType}`;
  const seed = utf8Encode(masterPasswordSeed);
  const userBytes = utf8Encode(user);
  const salt = Uint8Array.from([...seed, ...uint32BigEndian(userBytes.length), ...userBytes]);
  const key = scrypt(utf8Encode(password), salt, 32768, 8, 2, 64);
  const siteBytes = utf8Encode(site);
  const message = Uint8Array.from([...seed, ...uint32BigEndian(siteBytes.length), ...siteBytes, ...uint32BigEndian(counter >>> 0)]);
  const hmac = forge.hmac.create();
  hmac.start('sha256', binaryString(key));
  hmac.update(binaryString(message));
  const mac = Uint8Array.from(hmac.digest().getBytes(), (c) => c.charCodeAt(0));
  const template = templates[mac[0] % templates.length];
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const chars = templateCharacters[template[i]];
    out += chars[mac[i + 1] % chars.length];
  }
  return out;
}

function bcryptHash(provider: TemplateCryptoProvider, password: string): string {
  if (provider.bcryptHash !== undefined) return provider.bcryptHash(password, 10);
  const salt = `$2a$10$${bcrypt.encodeBase64(Array.from(provider.randomBytes(16)), 16)}`;
  return bcrypt.hashSync(password, salt).replace(/^\$2b\$/, '$2a$');
}

function normalizePem(pem: string): string {
  return pem.replace(/\r\n/g, '\n');
}

function forgePrng(provider: TemplateCryptoProvider): { getBytesSync(count: number): string } {
  return { getBytesSync: (count: number) => binaryString(provider.randomBytes(count)) };
}

/** A new private key PEM (Sprig's genPrivateKey encodings). */
function generateKeyPem(provider: TemplateCryptoProvider, type: PrivateKeyType, bits: number | undefined): string {
  if (provider.generatePrivateKeyPem !== undefined) return provider.generatePrivateKeyPem(type, bits);
  if (type === 'rsa') {
    // Without a host provider, node-forge may use the platform's native keygen (much faster than pure JS).
    const size = bits ?? 2048;
    const options = provider === defaultCrypto ? { bits: size, e: 0x10001 } : { bits: size, e: 0x10001, prng: forgePrng(provider) };
    const pair = forge.pki.rsa.generateKeyPair(options as forge.pki.rsa.GenerateKeyPairOptions);
    return normalizePem(forge.pki.privateKeyToPem(pair.privateKey));
  }
  if (type === 'ecdsa') return ecPrivateKeyPem(randomScalar((n) => provider.randomBytes(n)));
  if (type === 'ed25519') {
    const pkcs8 = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, ...provider.randomBytes(32)]);
    return pemEncode('PRIVATE KEY', pkcs8);
  }
  return fail(`generating ${type} keys needs the host crypto provider (generatePrivateKeyPem)`);
}

function checkedKeyPem(pem: string): string {
  try {
    parsePrivateKeyPem(pem);
  } catch (error) {
    return fail(`parsing private key: ${(error as Error).message}`);
  }
  return pem;
}

function randomSerial(provider: TemplateCryptoProvider): bigint {
  const bytes = provider.randomBytes(16);
  return BigInt('0x' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
}

function createCertificatePem(provider: TemplateCryptoProvider, request: CertificateRequest): string {
  if (provider.createCertificatePem !== undefined) return provider.createCertificatePem(request);
  try {
    return createCertificate(request, (n) => provider.randomBytes(n));
  } catch (error) {
    return fail(`error creating certificate: ${(error as Error).message}`);
  }
}

function stringList(v: Value, what: string): string[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) return fail(`error parsing ${what}: expected a list, got ${strval(v)}`);
  return v.map((item) => {
    if (typeof item !== 'string') fail(`error processing ${what}: ${strval(item)} is not a string`);
    return item as string;
  });
}

function validIp(ip: string): boolean {
  return /^(\d{1,3})(\.\d{1,3}){3}$/.test(ip) || /^[0-9a-fA-F:]+$/.test(ip);
}

function certificateValue(cert: string, key: string): GoStruct {
  return new GoStruct('sprig.certificate', { Cert: cert, Key: key });
}

interface CertOptions {
  cn: string;
  ips: Value;
  dns: Value;
  days: bigint;
  isCA: boolean;
  keyPem?: string;
  ca?: Value;
}

function generateCertificate(ctx: CallContext, options: CertOptions): GoStruct {
  const provider = cryptoOf(ctx);
  const ips = stringList(options.ips, 'IP addresses');
  for (const ip of ips) if (!validIp(ip)) fail(`error parsing ip: ${ip}`);
  const dnsNames = stringList(options.dns, 'alternate DNS names');
  const keyPem = options.keyPem === undefined ? generateKeyPem(provider, 'rsa', 2048) : checkedKeyPem(options.keyPem);
  const nowMs = now(ctx).epochMs;
  let signerKeyPem = keyPem;
  let signerCertPem: string | undefined;
  if (options.ca !== undefined) {
    const ca = options.ca instanceof GoStruct ? options.ca : undefined;
    const caCert = ca?.goField('Cert');
    const caKey = ca?.goField('Key');
    if (typeof caCert !== 'string' || typeof caKey !== 'string') return fail('error parsing CA: expected a certificate from genCA');
    signerKeyPem = caKey;
    signerCertPem = caCert;
  }
  const cert = createCertificatePem(provider, {
    commonName: options.cn, serialNumber: randomSerial(provider), notBeforeMs: nowMs,
    notAfterMs: nowMs + Number(options.days) * 86400000, isCA: options.isCA, ipAddresses: ips, dnsNames,
    subjectKeyPem: keyPem, signerKeyPem, signerCertPem,
  });
  return certificateValue(cert, keyPem);
}

function aesKey(password: string): string {
  const key = new Uint8Array(32);
  key.set(utf8Encode(password).subarray(0, 32));
  return binaryString(key);
}

/** Sprig's encryptAES: AES-256-CBC, PKCS#7 padding, random IV prefix, base64. */
export function encryptAes(provider: TemplateCryptoProvider, password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const iv = provider.randomBytes(16);
  const cipher = forge.cipher.createCipher('AES-CBC', aesKey(password));
  cipher.start({ iv: binaryString(iv) });
  cipher.update(forge.util.createBuffer(binaryString(utf8Encode(plaintext))));
  cipher.finish();
  const body = Uint8Array.from(cipher.output.getBytes(), (c) => c.charCodeAt(0));
  return base64Encode(Uint8Array.from([...iv, ...body]));
}

/** Sprig's decryptAES. */
export function decryptAes(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const crypt = base64Decode(crypt64);
  if (crypt.length < 16 || crypt.length % 16 !== 0) fail('crypto/cipher: input not full blocks');
  const decipher = forge.cipher.createDecipher('AES-CBC', aesKey(password));
  decipher.start({ iv: binaryString(crypt.subarray(0, 16)) });
  decipher.update(forge.util.createBuffer(binaryString(crypt.subarray(16))));
  decipher.finish();
  const raw = Uint8Array.from(decipher.output.getBytes(), (c) => c.charCodeAt(0));
  return utf8Decode(raw);
}

function parsePemBase64(b64: string, what: string): string {
  try {
    return utf8Decode(base64Decode(b64));
  } catch {
    return fail(`unable to decode base64 ${what}`);
  }
}

const keyTypes: Record<string, PrivateKeyType> = { '': 'rsa', rsa: 'rsa', dsa: 'dsa', ecdsa: 'ecdsa', ed25519: 'ed25519' };

/** Sprig's crypto functions. */
export const cryptoFunctions: FuncMap = {
  htpasswd: define(['string', 'string'], ([user, password], ctx) => {
    if ((user as string).includes(':')) return `invalid username: ${user as string}`;
    return `${user as string}:${bcryptHash(cryptoOf(ctx), password as string)}`;
  }),
  bcrypt: define(['string'], ([password], ctx) => bcryptHash(cryptoOf(ctx), password as string)),
  derivePassword: define(['interface {}', 'string', 'string', 'string', 'string'], ([counter, type, password, user, site]) => {
    const n = typeof counter === 'bigint' ? Number(BigInt.asUintN(32, counter)) : Number(strval(counter));
    return derivePassword(n, type as string, password as string, user as string, site as string);
  }),
  genPrivateKey: define(['string'], ([type], ctx) => {
    const keyType = keyTypes[type as string];
    if (keyType === undefined) return `Unknown type ${type as string}`;
    // Sprig: RSA 4096, DSA L2048N256, P-256, Ed25519.
    return generateKeyPem(cryptoOf(ctx), keyType, keyType === 'rsa' ? 4096 : keyType === 'dsa' ? 2048 : undefined);
  }),
  buildCustomCert: define(['string', 'string'], ([cert, key]) => {
    const certPem = parsePemBase64(cert as string, 'certificate');
    const keyPem = parsePemBase64(key as string, 'private key');
    if (!certPem.includes('-----BEGIN')) fail('unable to decode certificate');
    try {
      forge.pki.certificateFromPem(certPem);
    } catch (error) {
      fail(`error parsing certificate: decodedCert.Bytes: ${(error as Error).message}`);
    }
    try {
      parsePrivateKeyPem(keyPem);
    } catch (error) {
      fail(`error parsing private key: ${(error as Error).message}`);
    }
    return certificateValue(certPem, keyPem);
  }),
  genCA: define(['string', 'int'], ([cn, days], ctx) => generateCertificate(ctx, { cn: cn as string, ips: null, dns: null, days: days as bigint, isCA: true })),
  genCAWithKey: define(['string', 'int', 'string'], ([cn, days, key], ctx) => generateCertificate(ctx, { cn: cn as string, ips: null, dns: null, days: days as bigint, isCA: true, keyPem: key as string })),
  genSelfSignedCert: define(['string', '[]interface {}', '[]interface {}', 'int'], ([cn, ips, dns, days], ctx) => generateCertificate(ctx, { cn: cn as string, ips, dns, days: days as bigint, isCA: false })),
  genSelfSignedCertWithKey: define(['string', '[]interface {}', '[]interface {}', 'int', 'string'], ([cn, ips, dns, days, key], ctx) => generateCertificate(ctx, { cn: cn as string, ips, dns, days: days as bigint, isCA: false, keyPem: key as string })),
  genSignedCert: define(['string', '[]interface {}', '[]interface {}', 'int', 'interface {}'], ([cn, ips, dns, days, ca], ctx) => generateCertificate(ctx, { cn: cn as string, ips, dns, days: days as bigint, isCA: false, ca })),
  genSignedCertWithKey: define(['string', '[]interface {}', '[]interface {}', 'int', 'interface {}', 'string'], ([cn, ips, dns, days, ca, key], ctx) => generateCertificate(ctx, { cn: cn as string, ips, dns, days: days as bigint, isCA: false, ca, keyPem: key as string })),
  encryptAES: define(['string', 'string'], ([password, text], ctx) => encryptAes(cryptoOf(ctx), password as string, text as string)),
  decryptAES: define(['string', 'string'], ([password, text]) => {
    try {
      return decryptAes(password as string, text as string);
    } catch (error) {
      return fail((error as Error).message);
    }
  }),
};
