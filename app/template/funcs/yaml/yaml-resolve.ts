// yaml.v2's implicit tag resolution (resolve.go), used to decide whether a
// string must be quoted so that it reads back as a string.

const boolWords = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const nullWords = new Set(['', '~', 'null', 'Null', 'NULL']);
const floatWords = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

export type ResolvedTag = 'str' | 'bool' | 'null' | 'int' | 'float' | 'timestamp' | 'merge';

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
const uint64Max = 2n ** 64n - 1n;

/** strconv.ParseInt/ParseUint(s, 0, 64) without underscores: the integer, or undefined. */
export function parseGoIntBase0(text: string): bigint | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (match === null) return undefined;
  const [, sign, body] = match;
  let magnitude: bigint;
  if (/^0[xXbBoO]/.test(body)) magnitude = BigInt(body.toLowerCase());
  else if (body.length > 1 && body.startsWith('0')) magnitude = BigInt(`0o${body.slice(1)}`);
  else magnitude = BigInt(body);
  return sign === '-' ? -magnitude : magnitude;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** yaml.v2 parseTimestamp: the layouts 2006-1-2, with optional time and zone. */
export function looksLikeTimestamp(s: string): boolean {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(s);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const hour = match[4] ?? match[7];
  if (hour !== undefined) {
    const minute = match[5] ?? match[8];
    const second = match[6] ?? match[9];
    if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  }
  return true;
}

/** The tag yaml.v2 gives an unquoted scalar. */
export function resolvePlain(s: string): ResolvedTag {
  if (s.length > 0 && !'+-.0123456789yYnNtTfFoO~<'.includes(s[0])) return 'str';
  if (boolWords.has(s)) return 'bool';
  if (nullWords.has(s)) return 'null';
  if (floatWords.has(s)) return 'float';
  if (s === '<<') return 'merge';
  const first = s[0];
  if (first === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) ? 'float' : 'str';
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (looksLikeTimestamp(s)) return 'timestamp';
    const plain = s.replace(/_/g, '');
    const n = parseGoIntBase0(plain);
    if (n !== undefined && n >= int64Min && n <= uint64Max) return 'int';
    if (yamlStyleFloat.test(plain)) return 'float';
    if (/^-?0b[01]+$/.test(plain)) return 'int';
  }
  return 'str';
}

/** yaml.v2 quotes base-60 float lookalikes such as 1:20 for old parsers. */
export function isBase60Float(s: string): boolean {
  return base60Float.test(s);
}

/** How yaml.v2 interprets an unquoted JSON number: int, uint or float. */
export function numberKind(text: string): { kind: 'int'; value: bigint } | { kind: 'float'; value: number } {
  const n = /^-?[0-9]+$/.test(text) ? BigInt(text) : undefined;
  if (n !== undefined && n >= int64Min && n <= int64Max) return { kind: 'int', value: n };
  if (n !== undefined && n >= 0n && n <= uint64Max) return { kind: 'int', value: n };
  return { kind: 'float', value: Number(text) };
}
