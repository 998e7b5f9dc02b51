// JSON Schemas of Paver's kinds (resources/schemas), compiled once per process.
// Each schema is keyed by the `kind` it accepts (`properties.kind.const` or
// `enum`), so the loader does not depend on how index.json is laid out.
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Validators by document kind. */
export interface WorkspaceSchemas {
  validatorFor(kind: string): ValidateFunction | undefined;
  kinds(): string[];
}

/** Where the bundled schemas live in the repository (and next to the bundle in a build). */
export const defaultSchemaDir = fileURLToPath(new URL('../../../resources/schemas/', import.meta.url));

function kindsOf(schema: Record<string, any>): string[] {
  const kind = schema.properties?.kind;
  if (typeof kind?.const === 'string') return [kind.const];
  if (Array.isArray(kind?.enum)) return kind.enum.filter((value: unknown) => typeof value === 'string');
  return [];
}

/**
 * Compiles schemas given as objects (tests, or a host that bundled them).
 * @example const schemas = compileWorkspaceSchemas([serviceSchema, workspaceSchema]); schemas.validatorFor('Service')
 */
export function compileWorkspaceSchemas(schemaList: Record<string, any>[]): WorkspaceSchemas {
  const options = { allErrors: true, strict: false };
  const draft7 = new Ajv(options);
  const draft2020 = new Ajv2020(options);
  addFormats(draft7);
  addFormats(draft2020);
  const validators = new Map<string, ValidateFunction>();
  const pick = (schema: Record<string, any>) => (String(schema.$schema ?? '').includes('2020-12') ? draft2020 : draft7);
  // Register every schema with an $id first, so cross-file $refs resolve.
  for (const schema of schemaList) {
    if (schema.$id) pick(schema).addSchema(schema);
  }
  for (const schema of schemaList) {
    const validate = schema.$id ? pick(schema).getSchema(schema.$id)! : pick(schema).compile(schema);
    for (const kind of kindsOf(schema)) validators.set(kind, validate);
  }
  return { validatorFor: (kind) => validators.get(kind), kinds: () => [...validators.keys()] };
}

const loaded = new Map<string, Promise<WorkspaceSchemas>>();

/** Loads and compiles every `*.json` schema in `schemaDir` once; returns an empty set when the folder is missing. */
export function loadWorkspaceSchemas(schemaDir: string = defaultSchemaDir): Promise<WorkspaceSchemas> {
  let schemas = loaded.get(schemaDir);
  if (!schemas) {
    schemas = (async () => {
      let names: string[];
      try {
        names = (await readdir(schemaDir)).filter((name) => name.endsWith('.json') && name !== 'index.json');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return compileWorkspaceSchemas([]);
        throw error;
      }
      const list = await Promise.all(names.map(async (name) => JSON.parse(await readFile(path.join(schemaDir, name), 'utf8'))));
      return compileWorkspaceSchemas(list);
    })();
    loaded.set(schemaDir, schemas);
  }
  return schemas;
}
