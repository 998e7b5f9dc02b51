// `string(x)` as cel-go converts: a double prints as Go's %g (1e+06, not
// 1000000), a duration as seconds ("5400s"), a timestamp as RFC 3339 with
// trailing fractional zeros dropped, and bytes that are not UTF-8 are an error.
// cel-js's own string(double) differs and cannot be replaced, and it has no
// string(duration) or string(timestamp), so calls to `string(` are renamed to
// `k8sString(` before parsing (rewrite-methods.ts) and answered here.
import { CelLibraryError, type CelRegistrar } from './cel-registrar.js';

/** Go's fmt %g for a float64 (the shortest digits that round-trip; exponent form below 1e-4 and from 1e6). */
export function formatGoDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return String(value);
}

const billion = 1_000_000_000n;

function formatDuration(duration: { seconds: bigint; nanos: number }): string {
  const total = BigInt(duration.seconds) * billion + BigInt(duration.nanos);
  const magnitude = total < 0n ? -total : total;
  const fraction = (magnitude % billion).toString().padStart(9, '0').replace(/0+$/, '');
  return `${total < 0n ? '-' : ''}${magnitude / billion}${fraction ? `.${fraction}` : ''}s`;
}

function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d*?)0*Z$/, (_, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bytesToString(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CelLibraryError('invalid UTF-8 in bytes, cannot convert to string');
  }
}

/** Adds k8sString(...) for every type string() accepts, plus the net.IP and net.CIDR conversions. */
export function registerStringConversion(env: CelRegistrar): void {
  const render = String as (value: unknown) => string;
  env.registerFunction('k8sString(string): string', (v: string) => v);
  env.registerFunction('k8sString(bool): string', render);
  env.registerFunction('k8sString(int): string', render);
  env.registerFunction('k8sString(uint): string', render);
  env.registerFunction('k8sString(double): string', formatGoDouble);
  env.registerFunction('k8sString(bytes): string', bytesToString);
  env.registerFunction('k8sString(google.protobuf.Duration): string', formatDuration);
  env.registerFunction('k8sString(google.protobuf.Timestamp): string', formatTimestamp);
  env.registerFunction('k8sString(net.IP): string', render);
  env.registerFunction('k8sString(net.CIDR): string', render);
}
