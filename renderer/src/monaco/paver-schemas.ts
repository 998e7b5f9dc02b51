import type { SchemasSettings } from 'monaco-yaml';

// Paver's JSON Schemas ship in resources/schemas and are bundled at build time.
// index.json says which files each schema applies to.
const schemaFiles = import.meta.glob('../../../resources/schemas/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

interface SchemaIndexEntry {
  schema?: string;
  file?: string;
  fileMatch?: string[];
  files?: string[];
  globs?: string[];
}

/** Schema settings for monaco-yaml: completion, hover and validation in paver.yaml, services and policies. */
export function paverSchemas(): SchemasSettings[] {
  const byName = new Map(Object.entries(schemaFiles).map(([path, schema]) => [path.split('/').pop()!, schema]));
  const index = byName.get('index.json') as { schemas?: SchemaIndexEntry[] } | Record<string, SchemaIndexEntry> | SchemaIndexEntry[] | undefined;
  if (!index) return [];
  const entries: SchemaIndexEntry[] = Array.isArray(index)
    ? index
    : Array.isArray((index as { schemas?: unknown }).schemas)
      ? (index as { schemas: SchemaIndexEntry[] }).schemas
      : Object.values(index as Record<string, SchemaIndexEntry>).filter((e) => e && typeof e === 'object');
  const settings: SchemasSettings[] = [];
  for (const entry of entries) {
    const fileName = (entry.schema ?? entry.file ?? '').split('/').pop() ?? '';
    const schema = byName.get(fileName);
    const globs = entry.fileMatch ?? entry.files ?? entry.globs ?? [];
    if (!schema || globs.length === 0) continue;
    settings.push({ uri: `paver://schemas/${fileName}`, fileMatch: globs.map((g) => (g.startsWith('*') ? g : `**/${g}`)), schema: schema as SchemasSettings['schema'] });
  }
  return settings;
}
