// Go's time.Duration printing and parsing (Duration.String, time.ParseDuration).

/** time.Duration.String(). */
export function formatDuration(nanos: bigint): string {
  if (nanos === 0n) return '0s';
  const negative = nanos < 0n;
  let u = negative ? -nanos : nanos;
  let out: string;
  if (u < 1000000000n) {
    if (u < 1000n) out = `${u}ns`;
    else if (u < 1000000n) out = `${trimFraction(u, 1000n)}µs`;
    else out = `${trimFraction(u, 1000000n)}ms`;
  } else {
    const hours = u / 3600000000000n;
    u -= hours * 3600000000000n;
    const minutes = u / 60000000000n;
    u -= minutes * 60000000000n;
    out = `${trimFraction(u, 1000000000n)}s`;
    if (hours > 0n) out = `${hours}h${minutes}m${out}`;
    else if (minutes > 0n) out = `${minutes}m${out}`;
  }
  return negative ? `-${out}` : out;
}

function trimFraction(value: bigint, unit: bigint): string {
  const whole = value / unit;
  const fraction = value % unit;
  if (fraction === 0n) return String(whole);
  const digits = String(unit).length - 1;
  return `${whole}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}

const unitNanos: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.ParseDuration; throws with Go's wording. */
export function parseDuration(text: string): bigint {
  const orig = text;
  if (text === '0' || text === '+0' || text === '-0') return 0n;
  const m = /^([+-]?)((?:\d*\.?\d*(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(text);
  if (m === null || text === '' || /^[+-]?$/.test(text)) throw new Error(`time: invalid duration ${JSON.stringify(orig)}`);
  let total = 0;
  for (const part of m[2].matchAll(/(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/g)) {
    if (part[1] === '' || part[1] === '.') throw new Error(`time: invalid duration ${JSON.stringify(orig)}`);
    total += Number(part[1]) * unitNanos[part[2]];
  }
  const nanos = BigInt(Math.round(total));
  return m[1] === '-' ? -nanos : nanos;
}
