// IP address and prefix parsing with Go netip semantics, as Kubernetes' ip()
// and cidr() use them: no leading zeros in IPv4, no zones, and IPv4-mapped
// IPv6 addresses rejected.

/** An IPv4 or IPv6 address, the CEL type `net.IP`. */
export class IpAddress {
  constructor(readonly family: 4 | 6, readonly value: bigint) {}

  get bits(): number {
    return this.family === 4 ? 32 : 128;
  }

  toString(): string {
    return this.family === 4 ? formatIpv4(this.value) : formatIpv6(this.value);
  }

  equals(other: unknown): boolean {
    return other instanceof IpAddress && other.family === this.family && other.value === this.value;
  }
}

/** An address with a prefix length, the CEL type `net.CIDR`. */
export class CidrPrefix {
  constructor(readonly address: IpAddress, readonly prefixLength: number) {}

  masked(): CidrPrefix {
    const hostBits = BigInt(this.address.bits - this.prefixLength);
    const value = (this.address.value >> hostBits) << hostBits;
    return new CidrPrefix(new IpAddress(this.address.family, value), this.prefixLength);
  }

  containsIp(ip: IpAddress): boolean {
    if (ip.family !== this.address.family) return false;
    const hostBits = BigInt(this.address.bits - this.prefixLength);
    return ip.value >> hostBits === this.address.value >> hostBits;
  }

  containsCidr(other: CidrPrefix): boolean {
    return other.prefixLength >= this.prefixLength && this.containsIp(other.address);
  }

  toString(): string {
    return `${this.address.toString()}/${this.prefixLength}`;
  }

  equals(other: unknown): boolean {
    return other instanceof CidrPrefix && other.prefixLength === this.prefixLength && other.address.equals(this.address);
  }
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tail = '';
  const double = text.indexOf('::');
  if (double >= 0) {
    head = text.slice(0, double);
    tail = text.slice(double + 2);
    if (tail.includes('::')) return undefined;
  }
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
        out.push(parseInt(part, 16));
      }
    }
    return out;
  };
  const h = groups(head);
  const t = groups(tail);
  if (!h || !t) return undefined;
  const missing = 8 - h.length - t.length;
  if (double >= 0 ? missing < 1 : missing !== 0) return undefined;
  const all = [...h, ...new Array<number>(missing).fill(0), ...t];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Parses an IP address, or returns a reason it is not one. */
export function parseIp(text: string): IpAddress | string {
  if (text.includes('%')) return `IP address with zone value is not allowed: ${text}`;
  if (!text.includes(':')) {
    const v4 = parseIpv4(text);
    return v4 === undefined ? `IP Address ${JSON.stringify(text)} parse error` : new IpAddress(4, v4);
  }
  const v6 = parseIpv6(text);
  if (v6 === undefined) return `IP Address ${JSON.stringify(text)} parse error`;
  if (v6 >> 32n === 0xffffn) return `IPv4-mapped IPv6 address ${JSON.stringify(text)} is not allowed`;
  return new IpAddress(6, v6);
}

/** Parses an address/prefix, or returns a reason it is not one. */
export function parseCidr(text: string): CidrPrefix | string {
  const slash = text.indexOf('/');
  if (slash < 0) return `network address parse error: ${JSON.stringify(text)} has no prefix length`;
  const ip = parseIp(text.slice(0, slash));
  if (typeof ip === 'string') return `network address parse error: ${ip}`;
  const lengthText = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(lengthText) || Number(lengthText) > ip.bits) return `network address parse error: bad prefix length in ${JSON.stringify(text)}`;
  return new CidrPrefix(ip, Number(lengthText));
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
}

function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
