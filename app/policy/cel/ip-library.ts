// Kubernetes IP and CIDR libraries (k8s.io/apiserver/pkg/cel/library/ip.go, cidr.go).
import { CelLibraryError, registerNamespace, type CelRegistrar } from './cel-registrar.js';
import { CidrPrefix, IpAddress, parseCidr, parseIp } from './ip-address.js';

function ip(text: string): IpAddress {
  const parsed = parseIp(text);
  if (typeof parsed === 'string') throw new CelLibraryError(parsed);
  return parsed;
}

function cidr(text: string): CidrPrefix {
  const parsed = parseCidr(text);
  if (typeof parsed === 'string') throw new CelLibraryError(parsed);
  return parsed;
}

function isLinkLocalMulticast(a: IpAddress): boolean {
  return a.family === 4 ? a.value >> 8n === 0xe00000n : a.value >> 112n === 0xff02n || (a.value >> 120n === 0xffn && ((a.value >> 112n) & 0x0fn) === 2n);
}

function isLinkLocalUnicast(a: IpAddress): boolean {
  return a.family === 4 ? a.value >> 16n === 0xa9fen : a.value >> 118n === 0x3fan;
}

function isLoopback(a: IpAddress): boolean {
  return a.family === 4 ? a.value >> 24n === 127n : a.value === 1n;
}

function isMulticast(a: IpAddress): boolean {
  return a.family === 4 ? a.value >> 28n === 0xen : a.value >> 120n === 0xffn;
}

function isGlobalUnicast(a: IpAddress): boolean {
  if (a.value === 0n || isLoopback(a) || isMulticast(a) || isLinkLocalUnicast(a)) return false;
  return !(a.family === 4 && a.value === 0xffffffffn);
}

/** `ip.isCanonical(s)`: s is already the form string(ip(s)) prints (RFC 5952 for IPv6); an invalid address is an error. */
function isCanonical(text: string): boolean {
  return ip(text).toString() === text;
}

/** Adds ip(), isIP, ip.isCanonical, cidr(), isCIDR and their methods. */
export function registerIpLibrary(env: CelRegistrar): void {
  const IP = 'net.IP';
  const CIDR = 'net.CIDR';
  env.registerType(IP, IpAddress);
  env.registerType(CIDR, CidrPrefix);
  env.registerFunction(`ip(string): ${IP}`, ip);
  env.registerFunction('isIP(string): bool', (s: string) => typeof parseIp(s) !== 'string');
  registerNamespace(env, 'ip', 'kubernetes.IpNamespace');
  env.registerFunction('kubernetes.IpNamespace.isCanonical(string): bool', (_: unknown, s: string) => isCanonical(s));
  env.registerFunction(`string(${IP}): string`, (a: IpAddress) => a.toString());
  env.registerFunction(`${IP}.family(): int`, (a: IpAddress) => BigInt(a.family));
  env.registerFunction(`${IP}.isUnspecified(): bool`, (a: IpAddress) => a.value === 0n);
  env.registerFunction(`${IP}.isLoopback(): bool`, isLoopback);
  env.registerFunction(`${IP}.isLinkLocalMulticast(): bool`, isLinkLocalMulticast);
  env.registerFunction(`${IP}.isLinkLocalUnicast(): bool`, isLinkLocalUnicast);
  env.registerFunction(`${IP}.isGlobalUnicast(): bool`, isGlobalUnicast);
  env.registerOperator(`${IP} == ${IP}`, (a: IpAddress, b: IpAddress) => a.equals(b));
  env.registerFunction(`cidr(string): ${CIDR}`, cidr);
  env.registerFunction('isCIDR(string): bool', (s: string) => typeof parseCidr(s) !== 'string');
  env.registerFunction(`string(${CIDR}): string`, (c: CidrPrefix) => c.toString());
  env.registerFunction(`${CIDR}.containsIP(${IP}): bool`, (c: CidrPrefix, a: IpAddress) => c.containsIp(a));
  env.registerFunction(`${CIDR}.containsIP(string): bool`, (c: CidrPrefix, a: string) => c.containsIp(ip(a)));
  env.registerFunction(`${CIDR}.containsCIDR(${CIDR}): bool`, (c: CidrPrefix, o: CidrPrefix) => c.containsCidr(o));
  env.registerFunction(`${CIDR}.containsCIDR(string): bool`, (c: CidrPrefix, o: string) => c.containsCidr(cidr(o)));
  env.registerFunction(`${CIDR}.ip(): ${IP}`, (c: CidrPrefix) => c.address);
  env.registerFunction(`${CIDR}.prefixLength(): int`, (c: CidrPrefix) => BigInt(c.prefixLength));
  env.registerFunction(`${CIDR}.masked(): ${CIDR}`, (c: CidrPrefix) => c.masked());
  env.registerOperator(`${CIDR} == ${CIDR}`, (a: CidrPrefix, b: CidrPrefix) => a.equals(b));
}
