// Kyverno adds CEL libraries that reach outside the request (cluster lookups,
// HTTP, image registries, its global context). Offline they have no value, so
// a policy using them is reported as not evaluated.
const kyvernoOnly: Array<[RegExp, string]> = [
  [/\bresource\s*\.\s*(Get|List|Post)\s*\(/, 'resource.Get/List (looks up objects in the cluster)'],
  [/\bhttp\s*\.\s*(Get|Post|Client)\s*\(/, 'http.Get/Post (calls an external service)'],
  [/\bglobalContext\s*\.\s*Get\s*\(/, 'globalContext.Get (reads Kyverno global context entries)'],
  [/\bimage(data|Data)\s*\.\s*Get\s*\(/, 'imagedata.Get (reads image metadata from a registry)'],
  [/\bimage\s*\(/, 'image() (Kyverno image library)'],
  [/\b(x509|jwt)\s*\.\s*\w+\s*\(/, 'x509/jwt decoding (Kyverno library)'],
  [/\b(json|yaml)\s*\.\s*(Unmarshal|unmarshal|Parse|parse)\s*\(/, 'json/yaml parsing (Kyverno library)'],
  [/\bgenerator\s*\.\s*\w+\s*\(/, 'generator (Kyverno library)'],
];

/** Names the Kyverno-only library an expression uses, if any. */
export function kyvernoOnlyLibrary(expressions: string[]): string | undefined {
  for (const expression of expressions) {
    for (const [pattern, name] of kyvernoOnly) if (pattern.test(expression)) return name;
  }
  return undefined;
}

/** Every string under keys named expression/messageExpression/valueExpression. */
export function collectExpressions(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectExpressions(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'expression' || key === 'messageExpression' || key === 'valueExpression') && typeof item === 'string') out.push(item);
      else collectExpressions(item, out);
    }
  }
  return out;
}
