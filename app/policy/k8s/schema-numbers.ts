// Fields an OpenAPI schema types as `number` must reach CEL as double even
// when YAML wrote them as integers (`weight: 1`); everything else integral is
// an int. This collects those paths from a CRD or ConstraintTemplate schema,
// in the form toCelValue expects: ".spec.weight", ".spec.items[].ratio".

/** Paths (rooted at the object) whose schema type is number. */
export function numberPaths(schema: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  walk(schema, prefix, out, 0);
  return out;
}

function walk(schema: any, path: string, out: Set<string>, depth: number): void {
  if (!schema || typeof schema !== 'object' || depth > 32) return;
  if (schema.type === 'number') out.add(path);
  if (schema.properties && typeof schema.properties === 'object') {
    for (const [key, child] of Object.entries(schema.properties)) walk(child, `${path}.${key}`, out, depth + 1);
  }
  if (schema.items) walk(schema.items, `${path}[]`, out, depth + 1);
}
