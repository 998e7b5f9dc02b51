// JSON/YAML values become CEL values once per object: YAML loses the int/double
// distinction, so integral numbers become CEL int (BigInt) and others double.
// Where a schema types a field as `number`, pass its path in `doublePaths`
// and it stays a double even when integral (Kubernetes would see 1.0).

const cache = new WeakMap<object, unknown>();
const typedCache = new WeakMap<object, unknown>();

/** Converts a JSON value to a CEL value (integral numbers to BigInt); memoised per object. */
export function toCelValue(value: unknown, doublePaths?: ReadonlySet<string>): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return convertScalar(value, doublePaths, '');
  if (doublePaths) {
    const typed = typedCache.get(value);
    if (typed !== undefined) return typed;
    const converted = convert(value, doublePaths, '');
    typedCache.set(value, converted);
    return converted;
  }
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const converted = convertFast(value);
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

// The common path (no schema-typed doubles), kept small so V8 inlines it.
function convertFast(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (value === null || typeof value !== 'object') return value === undefined ? null : value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = convertFast(value[i]);
    return out;
  }
  if (value instanceof Date || value instanceof Uint8Array || value instanceof Map) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = convertFast((value as Record<string, unknown>)[key]);
  return out;
}
