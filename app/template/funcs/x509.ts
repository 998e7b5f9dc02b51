// Private-key parsing and X.509 certificate creation as Go's crypto/x509 does
// it for Sprig's genCA/genSelfSignedCert/genSignedCert: RSA (SHA-256 PKCS#1
// v1.5), ECDSA P-256 (SHA-256) and Ed25519 keys, with Go's extension set.
import forge from 'node-forge';
import { base64Decode, utf8Encode } from './encoding-base.js';
import * as ec from './ecdsa.js';
import { binaryString, digest } from './hashing.js';
import type { CertificateRequest } from './host.js';
import { pemEncode } from './pem.js';

const { asn1 } = forge;
const C = asn1.Class;
const T = asn1.Type;

const oids = {
  rsaEncryption: '1.2.840.113549.1.1.1', sha256WithRsa: '1.2.840.113549.1.1.11', ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7', ecdsaWithSha256: '1.2.840.10045.4.3.2', ed25519: '1.3.101.112', commonName: '2.5.4.3',
  keyUsage: '2.5.29.15', extKeyUsage: '2.5.29.37', basicConstraints: '2.5.29.19', subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35', subjectAltName: '2.5.29.17', serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2',
};

/** A private key in one of the types Sprig can generate or accept. */
export type ParsedKey =
  | { type: 'rsa'; key: forge.pki.rsa.PrivateKey }
  | { type: 'ecdsa'; d: bigint; publicPoint: Uint8Array }
  | { type: 'ed25519'; seed: Uint8Array; publicKey: Uint8Array };

const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const oid = (value: string) => asn1.create(C.UNIVERSAL, T.OID, false, asn1.oidToDer(value).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(C.UNIVERSAL, T.SEQUENCE, true, items);
const octets = (b: Uint8Array) => asn1.create(C.UNIVERSAL, T.OCTETSTRING, false, binaryString(b));
const bits = (b: Uint8Array, unused = 0) => asn1.create(C.UNIVERSAL, T.BITSTRING, false, String.fromCharCode(unused) + binaryString(b));

function integer(v: bigint): forge.asn1.Asn1 {
  let hex = v.toString(16);
  if (hex.length % 2 === 1) hex = '0' + hex;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = '00' + hex;
  return asn1.create(C.UNIVERSAL, T.INTEGER, false, forge.util.hexToBytes(hex));
}

function ecFromSec1(der: forge.asn1.Asn1): ParsedKey {
  const parts = der.value as forge.asn1.Asn1[];
  const d = ec.scalarFromBytes(bytesOf(parts[1].value as string));
  const curve = parts.find((p) => p.tagClass === C.CONTEXT_SPECIFIC && p.type === 0);
  if (curve !== undefined && asn1.derToOid((curve.value as forge.asn1.Asn1[])[0].value as string) !== oids.prime256v1) {
    throw new Error('only P-256 ECDSA keys are supported without a host crypto provider');
  }
  return { type: 'ecdsa', d, publicPoint: ec.publicPoint(d) };
}

function ed25519FromSeed(seed: Uint8Array): ParsedKey {
  const pair = forge.pki.ed25519.generateKeyPair({ seed: binaryString(seed) });
  return { type: 'ed25519', seed, publicKey: new Uint8Array(pair.publicKey) };
}

/** Parses a PEM private key (PKCS#1, SEC1 or PKCS#8) like Sprig's parsePrivateKeyPEM. */
export function parsePrivateKeyPem(pem: string): ParsedKey {
  const block = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (block === null) throw new Error('no PEM data found');
  const der = asn1.fromDer(binaryString(base64Decode(block[2].replace(/\s+/g, ''))));
  if (block[1] === 'RSA PRIVATE KEY') return { type: 'rsa', key: forge.pki.privateKeyFromAsn1(der) as forge.pki.rsa.PrivateKey };
  if (block[1] === 'EC PRIVATE KEY') return ecFromSec1(der);
  if (block[1] === 'PRIVATE KEY') {
    const parts = der.value as forge.asn1.Asn1[];
    const algorithm = asn1.derToOid(((parts[1].value as forge.asn1.Asn1[])[0]).value as string);
    if (algorithm === oids.rsaEncryption) return { type: 'rsa', key: forge.pki.privateKeyFromAsn1(der) as forge.pki.rsa.PrivateKey };
    if (algorithm === oids.ecPublicKey) return ecFromSec1(asn1.fromDer(parts[2].value as string));
    if (algorithm === oids.ed25519) return ed25519FromSeed(bytesOf(asn1.fromDer(parts[2].value as string).value as string));
    throw new Error(`unsupported private key algorithm ${algorithm}`);
  }
  throw new Error(`unsupported key type "${block[1]}"`);
}

/** SEC1 "EC PRIVATE KEY" PEM of a P-256 scalar (x509.MarshalECPrivateKey). */
export function ecPrivateKeyPem(d: bigint): string {
  const key = seq([
    integer(1n), octets(ec.scalarBytes(d)),
    asn1.create(C.CONTEXT_SPECIFIC, 0, true, [oid(oids.prime256v1)]),
    asn1.create(C.CONTEXT_SPECIFIC, 1, true, [bits(ec.publicPoint(d))]),
  ]);
  return pemEncode('EC PRIVATE KEY', bytesOf(asn1.toDer(key).getBytes()));
}

function publicKeyInfo(key: ParsedKey): forge.asn1.Asn1 {
  if (key.type === 'rsa') return forge.pki.publicKeyToAsn1(forge.pki.setRsaPublicKey(key.key.n, key.key.e));
  if (key.type === 'ecdsa') return seq([seq([oid(oids.ecPublicKey), oid(oids.prime256v1)]), bits(key.publicPoint)]);
  return seq([seq([oid(oids.ed25519)]), bits(key.publicKey)]);
}

function signatureAlgorithm(key: ParsedKey): forge.asn1.Asn1 {
  if (key.type === 'rsa') return seq([oid(oids.sha256WithRsa), asn1.create(C.UNIVERSAL, T.NULL, false, '')]);
  return seq([oid(key.type === 'ecdsa' ? oids.ecdsaWithSha256 : oids.ed25519)]);
}

function sign(key: ParsedKey, message: Uint8Array, randomBytes: (length: number) => Uint8Array): Uint8Array {
  if (key.type === 'rsa') {
    const md = forge.md.sha256.create();
    md.update(binaryString(message));
    return bytesOf(key.key.sign(md));
  }
  if (key.type === 'ecdsa') {
    const { r, s } = ec.sign(key.d, digest(undefined, 'sha256', message), randomBytes);
    return bytesOf(asn1.toDer(seq([integer(r), integer(s)])).getBytes());
  }
  const full = forge.pki.ed25519.generateKeyPair({ seed: binaryString(key.seed) }).privateKey;
  return new Uint8Array(forge.pki.ed25519.sign({ message: binaryString(message), encoding: 'binary', privateKey: full } as never));
}

function commonNameName(cn: string): forge.asn1.Asn1 {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(cn);
  const value = asn1.create(C.UNIVERSAL, printable ? T.PRINTABLESTRING : T.UTF8, false, printable ? cn : binaryString(utf8Encode(cn)));
  return seq([asn1.create(C.UNIVERSAL, T.SET, true, [seq([oid(oids.commonName), value])])]);
}

function time(ms: number): forge.asn1.Asn1 {
  const date = new Date(Math.floor(ms / 1000) * 1000);
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) return asn1.create(C.UNIVERSAL, T.UTCTIME, false, asn1.dateToUtcTime(date));
  return asn1.create(C.UNIVERSAL, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

function extension(id: string, critical: boolean, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  const parts = [oid(id)];
  if (critical) parts.push(asn1.create(C.UNIVERSAL, T.BOOLEAN, false, String.fromCharCode(0xff)));
  parts.push(octets(bytesOf(asn1.toDer(value).getBytes())));
  return seq(parts);
}

function ipBytes(ip: string): Uint8Array {
  if (ip.includes('.') && !ip.includes(':')) return Uint8Array.from(ip.split('.').map(Number));
  const [head, tail] = ip.split('::');
  const groups = (s: string | undefined) => (s === undefined || s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
  return Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
}

interface SignerInfo {
  subjectName: forge.asn1.Asn1;
  subjectKeyId?: Uint8Array;
}

function certificateSigner(pem: string): SignerInfo {
  const block = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (block === null) throw new Error('unable to decode CA certificate');
  const cert = asn1.fromDer(binaryString(base64Decode(block[1].replace(/\s+/g, ''))));
  const tbs = (cert.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
  const offset = tbs[0].tagClass === C.CONTEXT_SPECIFIC ? 1 : 0;
  const subjectName = tbs[offset + 4];
  let subjectKeyId: Uint8Array | undefined;
  const extensions = tbs.find((p) => p.tagClass === C.CONTEXT_SPECIFIC && p.type === 3);
  for (const ext of ((extensions?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value ?? []) as forge.asn1.Asn1[]) {
    const parts = ext.value as forge.asn1.Asn1[];
    if (asn1.derToOid(parts[0].value as string) === oids.subjectKeyId) {
      subjectKeyId = bytesOf(asn1.fromDer(parts[parts.length - 1].value as string).value as string);
    }
  }
  return { subjectName, subjectKeyId };
}

/** x509.CreateCertificate for Sprig's templates; returns the certificate PEM. */
export function createCertificate(request: CertificateRequest, randomBytes: (length: number) => Uint8Array): string {
  const subjectKey = parsePrivateKeyPem(request.subjectKeyPem);
  const signerKey = parsePrivateKeyPem(request.signerKeyPem);
  const signer = request.signerCertPem === undefined ? undefined : certificateSigner(request.signerCertPem);
  const spki = publicKeyInfo(subjectKey);
  const extensions: forge.asn1.Asn1[] = [];
  const usage = request.isCA ? 0xa4 : 0xa0;
  extensions.push(extension(oids.keyUsage, true, bits(Uint8Array.of(usage), request.isCA ? 2 : 5)));
  extensions.push(extension(oids.extKeyUsage, false, seq([oid(oids.serverAuth), oid(oids.clientAuth)])));
  extensions.push(extension(oids.basicConstraints, true, seq(request.isCA ? [asn1.create(C.UNIVERSAL, T.BOOLEAN, false, String.fromCharCode(0xff))] : [])));
  if (request.isCA) {
    const publicBits = bytesOf(((spki.value as forge.asn1.Asn1[])[1].value as string).slice(1));
    extensions.push(extension(oids.subjectKeyId, false, octets(digest(undefined, 'sha1', publicBits))));
  }
  if (signer?.subjectKeyId !== undefined) {
    extensions.push(extension(oids.authorityKeyId, false, seq([asn1.create(C.CONTEXT_SPECIFIC, 0, false, binaryString(signer.subjectKeyId))])));
  }
  const altNames = [
    ...request.dnsNames.map((name) => asn1.create(C.CONTEXT_SPECIFIC, 2, false, name)),
    ...request.ipAddresses.map((ip) => asn1.create(C.CONTEXT_SPECIFIC, 7, false, binaryString(ipBytes(ip)))),
  ];
  if (altNames.length > 0) extensions.push(extension(oids.subjectAltName, false, seq(altNames)));
  const subject = commonNameName(request.commonName);
  const tbs = seq([
    asn1.create(C.CONTEXT_SPECIFIC, 0, true, [integer(2n)]),
    integer(request.serialNumber),
    signatureAlgorithm(signerKey),
    signer?.subjectName ?? subject,
    seq([time(request.notBeforeMs), time(request.notAfterMs)]),
    subject,
    spki,
    asn1.create(C.CONTEXT_SPECIFIC, 3, true, [seq(extensions)]),
  ]);
  const tbsDer = bytesOf(asn1.toDer(tbs).getBytes());
  const signature = sign(signerKey, tbsDer, randomBytes);
  const cert = seq([tbs, signatureAlgorithm(signerKey), bits(signature)]);
  return pemEncode('CERTIFICATE', bytesOf(asn1.toDer(cert).getBytes()));
}
