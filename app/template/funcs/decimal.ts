// The slice of shopspring/decimal that Sprig's float math (addf, subf, mulf,
// divf) uses: exact decimal arithmetic on the shortest decimal form of each
// float64, division rounded half away from zero to 16 places.

/** value * 10^exponent. */
export interface Decimal {
  value: bigint;
  exponent: number;
}

/** decimal.NewFromFloat: the shortest decimal that round-trips to f. */
export function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) throw new Error(`Cannot create a Decimal from ${f}`);
  if (f === 0) return { value: 0n, exponent: 0 };
  const [mantissa, exp] = f.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exp) - (digits.length - 1);
  const value = BigInt(digits);
  return { value: negative ? -value : value, exponent };
}

function rescale(d: Decimal, exponent: number): bigint {
  return d.value * 10n ** BigInt(d.exponent - exponent);
}

/** a + b. */
export function decimalAdd(a: Decimal, b: Decimal): Decimal {
  const exponent = Math.min(a.exponent, b.exponent);
  return { value: rescale(a, exponent) + rescale(b, exponent), exponent };
}

/** a - b. */
export function decimalSub(a: Decimal, b: Decimal): Decimal {
  return decimalAdd(a, { value: -b.value, exponent: b.exponent });
}

/** a * b. */
export function decimalMul(a: Decimal, b: Decimal): Decimal {
  return { value: a.value * b.value, exponent: a.exponent + b.exponent };
}

/** a / b rounded half away from zero to 16 decimal places (decimal.DivisionPrecision). */
export function decimalDiv(a: Decimal, b: Decimal, precision = 16): Decimal {
  if (b.value === 0n) throw new Error('decimal division by 0');
  // a/b = (a.value / b.value) * 10^(a.exp - b.exp); want an integer q with q * 10^-precision.
  const shift = a.exponent - b.exponent + precision;
  let numerator = a.value;
  let denominator = b.value;
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  let q = numerator / denominator;
  const r = numerator % denominator;
  const twiceR = (r < 0n ? -r : r) * 2n;
  const absDen = denominator < 0n ? -denominator : denominator;
  if (twiceR >= absDen) q += (numerator < 0n) !== (denominator < 0n) ? -1n : 1n;
  return { value: q, exponent: -precision };
}

/** The float64 nearest to the decimal. */
export function decimalToFloat(d: Decimal): number {
  return Number(`${d.value}e${d.exponent}`);
}
