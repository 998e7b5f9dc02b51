import { createDecipheriv, createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import type { TemplateHost } from './host.js';
import { fixedHost, render } from './testing/render.js';

/** A host whose provider generates keys with Node (what app/template-host supplies); certificates still go through node-forge. */
const nodeHost: TemplateHost = {
  ...fixedHost(),
  crypto: {
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    generatePrivateKeyPem(type, bits) {
      if (type === 'rsa') return generateKeyPairSync('rsa', { modulusLength: bits ?? 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
      if (type === 'ecdsa') return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
      return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    },
  },
};

describe('Sprig crypto functions', () => {
  it('derives Master Password passwords', () => {
    expect(render('{{ derivePassword 1 "long" "password" "user" "example.com" }}|{{ derivePassword 1 "nope" "p" "u" "s" }}')).toBe('ZedaFaxcZaso9*|cannot find password template nope');
  });

  it('writes htpasswd lines with $2a$ bcrypt hashes', () => {
    const line = render('{{ htpasswd "admin" "s3cret" }}', {}, { host: nodeHost });
    const [user, hash] = line.split(':');
    expect(user).toBe('admin');
    expect(hash.startsWith('$2a$10$')).toBe(true);
    expect(bcrypt.compareSync('s3cret', hash)).toBe(true);
    expect(render('{{ htpasswd "a:b" "x" }}')).toBe('invalid username: a:b');
  });

  it('encrypts AES-256-CBC compatibly with Go (key zero-padded to 32 bytes, IV prefix)', () => {
    const secret = render('{{ encryptAES "k" "hello world" }}', {}, { host: nodeHost });
    const raw = Buffer.from(secret, 'base64');
    const key = Buffer.alloc(32);
    key.write('k');
    const decipher = createDecipheriv('aes-256-cbc', key, raw.subarray(0, 16));
    expect(Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString()).toBe('hello world');
    expect(render(`{{ decryptAES "k" "${secret}" }}|{{ encryptAES "k" "" }}`)).toBe('hello world|');
  });

  it('generates private keys in Sprig encodings', () => {
    const ed = render('{{ genPrivateKey "ed25519" }}', {}, { host: fixedHost() });
    expect(ed.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
    expect(createPrivateKey(ed).asymmetricKeyType).toBe('ed25519');
    expect(render('{{ genPrivateKey "ecdsa" }}', {}, { host: nodeHost })).toContain('-----BEGIN EC PRIVATE KEY-----');
    expect(render('{{ genPrivateKey "nope" }}')).toBe('Unknown type nope');
  });

  it('creates a CA and a certificate it signs', () => {
    const tpl = '{{ $ca := genCA "my-ca" 365 }}{{ $c := genSignedCert "svc" (list "10.0.0.1") (list "svc.local") 30 $ca }}{{ $ca.Cert }}@@{{ $c.Cert }}@@{{ $c.Key }}';
    const [caPem, certPem, keyPem] = render(tpl, {}, { host: nodeHost }).split('@@');
    const ca = new X509Certificate(caPem);
    const cert = new X509Certificate(certPem);
    expect(ca.subject).toBe('CN=my-ca');
    expect(ca.ca).toBe(true);
    expect(cert.subject).toBe('CN=svc');
    expect(cert.issuer).toBe('CN=my-ca');
    expect(cert.subjectAltName).toContain('DNS:svc.local');
    expect(cert.subjectAltName).toContain('IP Address:10.0.0.1');
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    expect(new Date(cert.validTo).getTime() - new Date(cert.validFrom).getTime()).toBe(30 * 86400000);
  });

  it('rebuilds a certificate from base64 PEM and rejects garbage', () => {
    const tpl = '{{ $c := genSelfSignedCert "x" nil nil 1 }}{{ $b := buildCustomCert ($c.Cert | b64enc) ($c.Key | b64enc) }}{{ eq $b.Cert $c.Cert }}';
    expect(render(tpl, {}, { host: nodeHost })).toBe('true');
    expect(render('{{ buildCustomCert "!!" "x" }}')).toContain('unable to decode base64 certificate');
  });

  it('generates P-256 keys and EC/Ed25519-signed certificates without a host provider', () => {
    const host = fixedHost();
    const ecPem = render('{{ genPrivateKey "ecdsa" }}', {}, { host });
    const key = createPrivateKey(ecPem);
    expect(key.asymmetricKeyType).toBe('ec');
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    for (const type of ['ecdsa', 'ed25519']) {
      const tpl = `{{ $k := genPrivateKey "${type}" }}{{ $ca := genCAWithKey "ca" 10 $k }}{{ $c := genSignedCertWithKey "leaf" nil (list "a.b") 10 $ca (genPrivateKey "${type}") }}{{ $ca.Cert }}@@{{ $c.Cert }}@@{{ $c.Key }}`;
      const [caPem, certPem, keyPem] = render(tpl, {}, { host }).split('@@');
      const ca = new X509Certificate(caPem);
      const cert = new X509Certificate(certPem);
      expect(ca.verify(ca.publicKey)).toBe(true);
      expect(cert.verify(ca.publicKey)).toBe(true);
      expect(cert.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
      expect(cert.issuer).toBe('CN=ca');
      expect(cert.subjectAltName).toBe('DNS:a.b');
    }
    expect(render('{{ genSelfSignedCertWithKey "x" nil nil 1 "junk" }}')).toContain('error calling genSelfSignedCertWithKey: parsing private key: no PEM data found');
  });
});
