// Suggests the semver bump from how values.schema.json changed (issue 4):
// major when a property is removed or renamed, a type narrows or a property
// becomes required; minor when a property is added; patch otherwise.

/** The level of a version bump. */
export type BumpLevel = 'major' | 'minor' | 'patch';

/** A suggested bump with the schema changes that motivate it. */
export interface BumpSuggestion { level: BumpLevel; reasons: string[] }

type Schema = Record<string, any>;

function typesOf(schema: Schema | undefined): Set<string> | undefined {
  if (!schema || schema.type === undefined) return undefined;
  const types = new Set<string>(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (types.has('number')) types.add('integer');
  return types;
}

function compare(oldSchema: Schema | undefined, newSchema: Schema | undefined, at: string, major: string[], minor: string[]): void {
  if (!oldSchema || !newSchema || typeof oldSchema !== 'object' || typeof newSchema !== 'object') return;
  const name = at || '(root)';
  const oldTypes = typesOf(oldSchema);
  const newTypes = typesOf(newSchema);
  if (newTypes && (!oldTypes || [...oldTypes].some((type) => !newTypes.has(type)))) {
    major.push(`${name}: type narrowed from ${oldTypes ? [...oldTypes].filter((t) => t !== 'integer' || !oldTypes.has('number')).join('|') : 'any'} to ${[...newTypes].filter((t) => t !== 'integer' || !newTypes.has('number')).join('|')}`);
  }
  if (Array.isArray(newSchema.enum) && (!Array.isArray(oldSchema.enum) || oldSchema.enum.some((value: unknown) => !newSchema.enum.some((n: unknown) => JSON.stringify(n) === JSON.stringify(value))))) {
    major.push(`${name}: allowed values narrowed to ${newSchema.enum.map((v: unknown) => JSON.stringify(v)).join(', ')}`);
  }
  const oldRequired = new Set<string>(oldSchema.required ?? []);
  for (const required of newSchema.required ?? []) if (!oldRequired.has(required)) major.push(`${at ? `${at}.` : ''}${required}: now required`);
  if (oldSchema.additionalProperties !== false && newSchema.additionalProperties === false) major.push(`${name}: no longer accepts unknown properties`);
  const oldProperties: Schema = oldSchema.properties ?? {};
  const newProperties: Schema = newSchema.properties ?? {};
  for (const key of Object.keys(oldProperties)) {
    const child = at ? `${at}.${key}` : key;
    if (!(key in newProperties)) major.push(`${child}: removed or renamed`);
    else compare(oldProperties[key], newProperties[key], child, major, minor);
  }
  for (const key of Object.keys(newProperties)) if (!(key in oldProperties)) minor.push(`${at ? `${at}.` : ''}${key}: added`);
  if (oldSchema.items && newSchema.items) compare(oldSchema.items, newSchema.items, `${at}[]`, major, minor);
}

/**
 * Compares the published and draft values.schema.json (either may be missing).
 * @example suggestVersionBump(oldSchema, newSchema) // { level: 'major', reasons: ['image.tag: removed or renamed'] }
 */
export function suggestVersionBump(oldSchema: Schema | undefined, newSchema: Schema | undefined): BumpSuggestion {
  const major: string[] = [];
  const minor: string[] = [];
  // A template that gains its first schema documents what it already read: not a breaking change.
  if (!oldSchema) {
    const added = Object.keys(newSchema?.properties ?? {}).map((key) => `${key}: added`);
    return added.length ? { level: 'minor', reasons: added } : { level: 'patch', reasons: [] };
  }
  compare(oldSchema, newSchema ?? {}, '', major, minor);
  if (major.length) return { level: 'major', reasons: major };
  if (minor.length) return { level: 'minor', reasons: minor };
  return { level: 'patch', reasons: [] };
}
