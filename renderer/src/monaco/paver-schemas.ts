import type { SchemasSettings } from 'monaco-yaml';

// Paver's JSON Schemas ship in resources/schemas and are bundled at build time.
// index.json says which files each schema applies to.
const schemaFiles = import.meta.glob('../../../resources/schemas/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

interface SchemaIndexEntry {
  schema?: string;
  uri?: string;
  fileMatch?: string[];
}

/** Schema settings for monaco-yaml: completion, hover and validation in paver.yaml, services and policies. */
export function paverSchemas(): SchemasSettings[] {
  const byName = new Map(Object.entries(schemaFiles).map(([path, schema]) => [path.split('/').pop()!, schema]));
  const entries = (byName.get('index.json') as { schemas?: SchemaIndexEntry[] } | undefined)?.schemas ?? [];
  const settings: SchemasSettings[] = [];
  for (const entry of entries) {
    const fileName = (entry.schema ?? '').split('/').pop() ?? '';
    const schema = byName.get(fileName);
    if (!schema) continue;
    // Schemas without files of their own are still registered, so `$ref`s to their `$id` resolve.
    const globs = entry.fileMatch ?? [];
    settings.push({ uri: entry.uri ?? `paver://schemas/${fileName}`, fileMatch: globs.map((g) => `**/${g}`), schema: schema as SchemasSettings['schema'] });
  }
  return settings;
}
