// JSON/YAML values become CEL values once per object: YAML loses the int/double
// distinction, so integral numbers become CEL int (BigInt) and others double.
// Where a schema types a field as `number`, pass its path in `doublePaths`
// and it stays a double even when integral (Kubernetes would see 1.0).

const cache = new WeakMap<object, unknown>();

/** Converts a JSON value to a CEL value (integral numbers to BigInt); memoised per object. */
export function toCelValue(value: unknown, doublePaths?: ReadonlySet<string>): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return convertScalar(value, doublePaths, '');
  if (doublePaths) return convert(value, doublePaths, '');
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const converted = convert(value, undefined, '');
  cache.set(value, converted);
  return converted;
}

function convertScalar(value: unknown, doublePaths: ReadonlySet<string> | undefined, path: string): unknown {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !doublePaths?.has(path) && Number.isSafeInteger(value)) return BigInt(value);
    return value;
  }
  return value === undefined ? null : value;
}

function convert(value: unknown, doublePaths: ReadonlySet<string> | undefined, path: string): unknown {
  if (value === null || typeof value !== 'object') return convertScalar(value, doublePaths, path);
  if (Array.isArray(value)) {
    const itemPath = doublePaths ? `${path}[]` : '';
    return value.map((item) => convert(item, doublePaths, itemPath));
  }
  if (value instanceof Date || value instanceof Uint8Array || value instanceof Map) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    out[key] = convert((value as Record<string, unknown>)[key], doublePaths, doublePaths ? `${path}.${key}` : '');
  }
  return out;
}
