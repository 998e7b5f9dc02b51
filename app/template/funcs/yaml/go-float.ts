// Go's strconv float formatting for the forms Sprig/Helm output relies on.
// JS `String(n)` differs from Go's %g (exponent from 1e21, not 1e6), so we
// rebuild Go's output from the shortest round-trip digits JS gives us.

/** Shortest round-trip digits and decimal point position of a finite float. */
function shortestDigits(value: number): { digits: string; pointPosition: number } {
  const text = Math.abs(value).toExponential();
  const [mantissa, exponent] = text.split('e');
  const digits = mantissa.replace('.', '');
  return { digits, pointPosition: Number(exponent) + 1 };
}

function specialFloat(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

function signOf(value: number): string {
  return value < 0 || Object.is(value, -0) ? '-' : '';
}

/** strconv.FormatFloat(f, 'e', -1, 64). */
export function formatFloatExponent(value: number): string {
  const special = specialFloat(value);
  if (special !== undefined) return special;
  if (value === 0) return `${signOf(value)}0e+00`;
  const { digits, pointPosition } = shortestDigits(value);
  const exponent = pointPosition - 1;
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const exponentText = Math.abs(exponent) < 10 ? `0${Math.abs(exponent)}` : String(Math.abs(exponent));
  return `${signOf(value)}${mantissa}e${exponent < 0 ? '-' : '+'}${exponentText}`;
}

/** strconv.FormatFloat(f, 'f', -1, 64). */
export function formatFloatFixed(value: number): string {
  const special = specialFloat(value);
  if (special !== undefined) return special;
  if (value === 0) return `${signOf(value)}0`;
  const { digits, pointPosition } = shortestDigits(value);
  let text: string;
  if (pointPosition <= 0) text = `0.${'0'.repeat(-pointPosition)}${digits}`;
  else if (pointPosition >= digits.length) text = digits + '0'.repeat(pointPosition - digits.length);
  else text = `${digits.slice(0, pointPosition)}.${digits.slice(pointPosition)}`;
  return signOf(value) + text;
}

/** strconv.FormatFloat(f, 'g', -1, 64): Go's %v for float64. */
export function formatFloatG(value: number): string {
  const special = specialFloat(value);
  if (special !== undefined) return special;
  if (value === 0) return `${signOf(value)}0`;
  const { pointPosition } = shortestDigits(value);
  const exponent = pointPosition - 1;
  // With shortest precision Go decides with eprec = 6.
  if (exponent < -4 || exponent >= 21 || exponent >= 6) return formatFloatExponent(value);
  return formatFloatFixed(value);
}

/** encoding/json's float64 text (also what JS prints, except for -0). */
export function formatFloatJson(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return String(value);
}
