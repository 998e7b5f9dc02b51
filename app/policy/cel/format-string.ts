// `"...".format([args])` from cel-go's strings extension: the verbs %s %d %f
// %e %b %o %x %X and %%, with an optional precision such as %.2f.
import { CelLibraryError } from './cel-registrar.js';
import { formatGoDouble } from './string-conversion.js';

function isMap(value: unknown): value is Record<string, unknown> | Map<unknown, unknown> {
  return value instanceof Map || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype);
}

/** Renders a value the way cel-go's %s does (strings nested in lists and maps are quoted). */
export function stringifyCelValue(value: unknown, nested = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return nested ? JSON.stringify(value) : value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatDouble(value);
  if (Array.isArray(value)) return `[${value.map((v) => stringifyCelValue(v, true)).join(', ')}]`;
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (isMap(value)) {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    const rendered = entries.map(([k, v]) => `${stringifyCelValue(k, true)}: ${stringifyCelValue(v, true)}`).sort();
    return `{${rendered.join(', ')}}`;
  }
  return String(value);
}

// cel-go's %s converts a double as string() does: Go's %g.
function formatDouble(value: number): string {
  return formatGoDouble(value);
}

function toNumber(value: unknown, verb: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'object' && value !== null && 'valueOf' in value && typeof (value as { valueOf(): unknown }).valueOf() === 'bigint') {
    return Number((value as { valueOf(): bigint }).valueOf());
  }
  throw new CelLibraryError(`error during formatting: ${verb} expects a number, got ${typeof value}`);
}

function toInteger(value: unknown, verb: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { valueOf(): unknown }).valueOf() === 'bigint') return (value as { valueOf(): bigint }).valueOf();
  throw new CelLibraryError(`error during formatting: ${verb} expects an integer, got ${typeof value}`);
}

// The double's exact value as m * 2^e (m a non-negative integer).
function binaryParts(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

// JS toFixed breaks an exact tie away from zero (2.25 -> "2.3"); Go's %f,
// which cel-go uses, breaks it to even ("2.2"). Other values round the same.
function fixed(value: number, precision: number): string {
  if (!Number.isFinite(value)) return formatDouble(value);
  const { mantissa, exponent } = binaryParts(value);
  if (exponent < 0) {
    const scaled = mantissa * 10n ** BigInt(precision);
    const divisor = 1n << BigInt(-exponent);
    const quotient = scaled / divisor;
    if ((scaled % divisor) * 2n === divisor && quotient % 2n === 0n) {
      const digits = quotient.toString().padStart(precision + 1, '0');
      const text = precision > 0 ? `${digits.slice(0, -precision)}.${digits.slice(-precision)}` : digits;
      return value < 0 ? `-${text}` : text;
    }
  }
  return value.toFixed(precision);
}

function scientific(value: number, precision: number): string {
  if (!Number.isFinite(value)) return formatDouble(value);
  return value.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
}

function radix(value: unknown, verb: string, base: number, upper = false): string {
  if (typeof value === 'string' && base === 16) {
    const hex = [...new TextEncoder().encode(value)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return upper ? hex.toUpperCase() : hex;
  }
  if (value instanceof Uint8Array && base === 16) {
    const hex = [...value].map((b) => b.toString(16).padStart(2, '0')).join('');
    return upper ? hex.toUpperCase() : hex;
  }
  const n = toInteger(value, verb);
  const text = n < 0n ? `-${(-n).toString(base)}` : n.toString(base);
  return upper ? text.toUpperCase() : text;
}

/** Implements `string.format(list)`. */
export function formatString(template: string, args: unknown[]): string {
  let out = '';
  let argIndex = 0;
  for (let i = 0; i < template.length; i++) {
    const char = template[i]!;
    if (char !== '%') { out += char; continue; }
    let j = i + 1;
    if (template[j] === '%') { out += '%'; i = j; continue; }
    let precision: number | undefined;
    if (template[j] === '.') {
      let digits = '';
      j++;
      while (/[0-9]/.test(template[j] ?? '')) digits += template[j++];
      precision = Number(digits || '0');
    }
    const verb = template[j];
    if (verb === undefined) throw new CelLibraryError('error during formatting: unterminated format verb');
    if (argIndex >= args.length) throw new CelLibraryError(`index ${argIndex} out of range`);
    const arg = args[argIndex++];
    switch (verb) {
      case 's': out += stringifyCelValue(arg); break;
      case 'd': out += String(toInteger(arg, '%d')); break;
      case 'f': out += fixed(toNumber(arg, '%f'), precision ?? 6); break;
      case 'e': out += scientific(toNumber(arg, '%e'), precision ?? 6); break;
      case 'b': out += radix(typeof arg === 'boolean' ? (arg ? 1n : 0n) : arg, '%b', 2); break;
      case 'o': out += radix(arg, '%o', 8); break;
      case 'x': out += radix(arg, '%x', 16); break;
      case 'X': out += radix(arg, '%X', 16, true); break;
      default: throw new CelLibraryError(`error during formatting: unrecognized formatting clause "${verb}"`);
    }
    i = j;
  }
  if (argIndex < args.length) throw new CelLibraryError(`too many arguments supplied to string.format (expected ${argIndex}, got ${args.length})`);
  return out;
}
