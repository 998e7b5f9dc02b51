// Plain-scalar numbers as Helm reads YAML (sigs.k8s.io/yaml's copy of yaml.v2's
// resolve, then JSON, so every number is a float64): underscores are dropped,
// Go's strconv.ParseInt(s, 0, 64) and ParseUint decide integers (0x, 0o, 0b in
// either case, a leading 0 for octal), then yaml.v2's float pattern and Go's
// ParseFloat; anything else, or a float out of range, stays a string. A scalar
// starting with '.' goes straight to ParseFloat, underscores and all.
// The YAML 1.1 schema of the `yaml` library differs on the edges (`e3`, `.`,
// `0_`, `0b_` read as NaN there; `0o17` and `0X1F` as strings).

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// Go's ParseFloat on a scalar such as `.5e3`: underscores only between digits.
const DOT_FLOAT = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;
const PREFIXED: Record<string, RegExp> = { x: /^[0-9a-fA-F]+$/, o: /^[0-7]+$/, b: /^[01]+$/ };

/** Go's strconv.ParseInt(text, 0, 64) with ParseUint's fallback, as a BigInt; undefined when neither parses. */
function goInteger(text: string): bigint | undefined {
  const sign = text[0] === '-' || text[0] === '+' ? text[0] : '';
  const body = sign ? text.slice(1) : text;
  let value: bigint | undefined;
  const prefix = body.length > 2 && body[0] === '0' ? body[1]!.toLowerCase() : '';
  if (prefix in PREFIXED) {
    const digits = body.slice(2);
    if (PREFIXED[prefix]!.test(digits)) value = BigInt(`0${prefix}${digits}`);
  } else if (body.length > 1 && body[0] === '0') {
    if (/^[0-7]+$/.test(body)) value = BigInt(`0o${body.slice(1)}`);
  } else if (/^[0-9]+$/.test(body)) {
    value = BigInt(body);
  }
  if (value === undefined) return undefined;
  const signed = sign === '-' ? -value : value;
  if (signed >= INT64_MIN && signed <= INT64_MAX) return signed;
  // ParseUint takes no sign.
  return sign === '' && value <= UINT64_MAX ? value : undefined;
}

/**
 * The float64 Helm reads for a plain scalar that starts with a digit, a sign
 * or '.', or undefined when it stays a string. The special names (.inf, .nan)
 * are the caller's, as in yaml.v2's lookup table.
 */
export function yamlV2Number(text: string): number | undefined {
  if (text[0] === '.') {
    if (!DOT_FLOAT.test(text)) return undefined;
    const value = parseFloat(text.replace(/_/g, ''));
    return Number.isFinite(value) ? value : undefined;
  }
  const plain = text.replace(/_/g, '');
  const integer = goInteger(plain);
  if (integer !== undefined) return Number(integer);
  if (!YAML_STYLE_FLOAT.test(plain)) return undefined;
  const value = parseFloat(plain);
  return Number.isFinite(value) ? value : undefined;
}
