// Kubernetes quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go).
// A quantity is held exactly as nano-units in a BigInt; Kubernetes itself
// rounds anything below 1n up, which we mirror.
import { CelLibraryError, type CelRegistrar } from './cel-registrar.js';

const NANO = 1_000_000_000n;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const binarySuffixes: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const pattern = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

/** A Kubernetes resource quantity, the CEL type `kubernetes.Quantity`. */
export class Quantity {
  constructor(readonly nanos: bigint, readonly text: string) {}

  compareTo(other: Quantity): bigint {
    return this.nanos < other.nanos ? -1n : this.nanos > other.nanos ? 1n : 0n;
  }

  equals(other: unknown): boolean {
    return other instanceof Quantity && other.nanos === this.nanos;
  }
}

function divideRoundUp(value: bigint, divisor: bigint): bigint {
  const q = value / divisor;
  return value % divisor !== 0n && value > 0n ? q + 1n : q;
}

// Quantities are immutable and the same strings ("500m", "128Mi") recur across
// a catalogue, so parsed values are cached.
const parsedQuantities = new Map<string, Quantity | undefined>();

/** Parses a quantity string, or returns undefined when it is not one. */
export function parseQuantity(text: string): Quantity | undefined {
  if (parsedQuantities.has(text)) return parsedQuantities.get(text);
  const parsed = parseQuantityText(text);
  if (parsedQuantities.size > 10_000) parsedQuantities.clear();
  parsedQuantities.set(text, parsed);
  return parsed;
}

function parseQuantityText(text: string): Quantity | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', suffix = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  if (text.includes('.') && fraction === '' && whole === '') return undefined;
  let digits = BigInt(`${whole}${fraction}` || '0');
  let scale = -fraction.length;
  let multiplier = 1n;
  if (suffix in binarySuffixes) multiplier = binarySuffixes[suffix]!;
  else if (suffix in decimalSuffixes) scale += decimalSuffixes[suffix]!;
  else scale += Number(suffix.slice(1));
  digits *= multiplier;
  let nanos: bigint;
  const shift = scale + 9;
  if (shift >= 0) {
    if (shift > 40) return undefined;
    nanos = digits * 10n ** BigInt(shift);
  } else {
    nanos = divideRoundUp(digits, 10n ** BigInt(-shift));
  }
  return new Quantity(sign === '-' ? -nanos : nanos, text);
}

function quantity(text: string): Quantity {
  const parsed = parseQuantity(text);
  if (!parsed) throw new CelLibraryError(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${JSON.stringify(text)}`);
  return parsed;
}

function fromInt(value: bigint): Quantity {
  return new Quantity(value * NANO, String(value));
}

function asInteger(q: Quantity): bigint {
  if (q.nanos % NANO !== 0n) throw new CelLibraryError(`cannot convert value to integer: ${q.text} is not a whole number`);
  const value = q.nanos / NANO;
  if (value > INT64_MAX || value < INT64_MIN) throw new CelLibraryError(`cannot convert value to integer: ${q.text} is out of range`);
  return value;
}

function add(a: Quantity, b: Quantity): Quantity {
  return new Quantity(a.nanos + b.nanos, `${a.text}+${b.text}`);
}

function sub(a: Quantity, b: Quantity): Quantity {
  return new Quantity(a.nanos - b.nanos, `${a.text}-${b.text}`);
}

/** Adds quantity(), isQuantity and the Quantity methods. */
export function registerQuantityLibrary(env: CelRegistrar): void {
  const T = 'kubernetes.Quantity';
  env.registerType(T, Quantity);
  env.registerFunction(`quantity(string): ${T}`, quantity);
  env.registerFunction('isQuantity(string): bool', (s: string) => parseQuantity(s) !== undefined);
  env.registerFunction(`${T}.compareTo(${T}): int`, (a: Quantity, b: Quantity) => a.compareTo(b));
  env.registerFunction(`${T}.isLessThan(${T}): bool`, (a: Quantity, b: Quantity) => a.nanos < b.nanos);
  env.registerFunction(`${T}.isGreaterThan(${T}): bool`, (a: Quantity, b: Quantity) => a.nanos > b.nanos);
  env.registerFunction(`${T}.add(${T}): ${T}`, add);
  env.registerFunction(`${T}.add(int): ${T}`, (a: Quantity, b: bigint) => add(a, fromInt(b)));
  env.registerFunction(`${T}.sub(${T}): ${T}`, sub);
  env.registerFunction(`${T}.sub(int): ${T}`, (a: Quantity, b: bigint) => sub(a, fromInt(b)));
  env.registerFunction(`${T}.asInteger(): int`, asInteger);
  env.registerFunction(`${T}.asApproximateFloat(): double`, (q: Quantity) => Number(q.nanos) / 1e9);
  env.registerFunction(`${T}.isInteger(): bool`, (q: Quantity) => q.nanos % NANO === 0n && q.nanos / NANO <= INT64_MAX && q.nanos / NANO >= INT64_MIN);
  env.registerFunction(`${T}.sign(): int`, (q: Quantity) => (q.nanos > 0n ? 1n : q.nanos < 0n ? -1n : 0n));
  env.registerOperator(`${T} == ${T}`, (a: Quantity, b: Quantity) => a.nanos === b.nanos);
}
