// What the functions need from the host (ctx.host / ExecOptions.host): a
// clock, a crypto provider, a cluster lookup and DNS. app/template is pure,
// so Node implementations live in app/template-host and are injected.
import type { Value } from '../lang/value.js';

/** The clock behind now/date/ago (Go's time.Now and time.Local). */
export interface TemplateClock {
  /** Nanoseconds since the Unix epoch. */
  nowNanos(): bigint;
  /** IANA name of the local zone for "Local" (default "UTC"), e.g. "Europe/Berlin". */
  readonly localZone?: string;
}

/** Key types genPrivateKey accepts (as Sprig names them). */
export type PrivateKeyType = 'rsa' | 'dsa' | 'ecdsa' | 'ed25519';

/** One X.509 certificate to create and sign (Sprig's genCA/genSelfSignedCert/genSignedCert). */
export interface CertificateRequest {
  commonName: string;
  /** Serial number (Sprig: random up to 2^128). */
  serialNumber: bigint;
  notBeforeMs: number;
  notAfterMs: number;
  isCA: boolean;
  ipAddresses: string[];
  dnsNames: string[];
  /** PEM of the key the certificate is for. */
  subjectKeyPem: string;
  /** PEM of the signing key (the subject key itself for self-signed certificates). */
  signerKeyPem: string;
  /** PEM of the signing CA certificate; absent for self-signed certificates. */
  signerCertPem?: string;
}

/**
 * Crypto the functions use. Only randomBytes is required; every optional
 * member falls back to pure-JS code (node-forge, bcryptjs), which is slow for
 * RSA key generation and cannot do ECDSA/DSA keys or ECDSA-signed certificates.
 */
export interface TemplateCryptoProvider {
  /** Cryptographically secure random bytes. */
  randomBytes(length: number): Uint8Array;
  /** A digest of data. */
  digest?(algorithm: 'sha1' | 'sha256' | 'sha512', data: Uint8Array): Uint8Array;
  /**
   * A new private key as PEM in Sprig's encoding: rsa (4096 bits for genPrivateKey,
   * 2048 for certificates) as "RSA PRIVATE KEY" (PKCS#1), ecdsa P-256 as "EC PRIVATE KEY"
   * (SEC1), ed25519 as "PRIVATE KEY" (PKCS#8), dsa as "DSA PRIVATE KEY".
   */
  generatePrivateKeyPem?(type: PrivateKeyType, bits?: number): string;
  /** Creates and signs a certificate; returns its PEM ("CERTIFICATE"). */
  createCertificatePem?(request: CertificateRequest): string;
  /** bcrypt hash ($2a$) of a password at a cost. */
  bcryptHash?(password: string, cost: number): string;
}

/** Helm's lookup: returns the object (or a list as {items: [...]}) or an empty map. */
export type ClusterLookup = (apiVersion: string, kind: string, namespace: string, name: string) => Value;

/** Everything the host may inject (all optional). */
export interface TemplateHost {
  clock?: TemplateClock;
  crypto?: TemplateCryptoProvider;
  /** Cluster lookup for Helm's lookup; absent = empty map (as in `helm template`). */
  lookup?: ClusterLookup;
  /** Name resolution for getHostByName when DNS is enabled; returns the first address or "". */
  resolveHost?(name: string): string;
}
