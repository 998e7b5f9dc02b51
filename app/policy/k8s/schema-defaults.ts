// Structural defaulting as the API server applies it to custom resources
// (apiextensions-apiserver schema/defaulting): a property with a `default`
// that is missing, or null where the schema is not nullable, gets a copy of
// the default; defaulting descends only into objects and array items that
// are present. Gatekeeper constraints are custom resources whose
// spec.parameters schema is the template's openAPIV3Schema, so a cluster
// evaluates them with these defaults filled in.

/** True when the schema declares a default anywhere. */
export function hasSchemaDefaults(schema: unknown, depth = 0): boolean {
  if (!schema || typeof schema !== 'object' || depth > 32) return false;
  const s = schema as Record<string, any>;
  if (s.properties && typeof s.properties === 'object') {
    for (const child of Object.values(s.properties)) {
      if (child && typeof child === 'object' && ('default' in child || hasSchemaDefaults(child, depth + 1))) return true;
    }
  }
  if (s.items && typeof s.items === 'object' && hasSchemaDefaults(s.items, depth + 1)) return true;
  if (s.additionalProperties && typeof s.additionalProperties === 'object' && hasSchemaDefaults(s.additionalProperties, depth + 1)) return true;
  return false;
}

/** Returns the value with the schema's defaults applied (a new value where anything changed; the input is not modified). */
export function applySchemaDefaults(value: unknown, schema: unknown, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > 32) return value;
  const s = schema as Record<string, any>;
  if (Array.isArray(value)) {
    if (!s.items || typeof s.items !== 'object') return value;
    return value.map((item) => applySchemaDefaults(item, s.items, depth + 1));
  }
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (s.properties && typeof s.properties === 'object') {
    for (const [key, child] of Object.entries(s.properties as Record<string, any>)) {
      if (!child || typeof child !== 'object') continue;
      const missing = !(key in out) || (out[key] === null && child.nullable !== true);
      if (missing && 'default' in child) out[key] = structuredClone(child.default);
      if (key in out) out[key] = applySchemaDefaults(out[key], child, depth + 1);
    }
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    const known = new Set(Object.keys(s.properties ?? {}));
    for (const key of Object.keys(out)) if (!known.has(key)) out[key] = applySchemaDefaults(out[key], s.additionalProperties, depth + 1);
  }
  return out;
}
