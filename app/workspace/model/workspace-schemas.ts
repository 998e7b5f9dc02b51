// JSON Schemas of Paver's kinds (resources/schemas), compiled once per process.
// Each schema is keyed by the `kind` it accepts (`properties.kind.const` or
// `enum`), so the loader does not depend on how index.json is laid out.
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { schemasDir } from '../sample/resources-dir.js';

/** Validators by document kind, plus kind-agnostic ones by file (index.json entries with `kind: null`). */
export interface WorkspaceSchemas {
  validatorFor(kind: string, file?: string): ValidateFunction | undefined;
  kinds(): string[];
}

/** An index.json entry (resources/schemas/index.json). */
interface SchemaIndexEntry { kind: string | null; schema: string; fileMatch?: string[] }

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
export function compileWorkspaceSchemas(schemaList: Record<string, any>[], index: SchemaIndexEntry[] = []): WorkspaceSchemas {
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
  const compiled = new Map<Record<string, any>, ValidateFunction>();
  const compile = (schema: Record<string, any>): ValidateFunction => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = schema.$id ? pick(schema).getSchema(schema.$id)! : pick(schema).compile(schema);
      compiled.set(schema, validate);
    }
    return validate;
  };
  const byFile: { pattern: RegExp; validate: ValidateFunction }[] = [];
  if (index.length) {
    for (const entry of index) {
      const schema = schemaList.find((candidate) => candidate.$id?.endsWith(`/${entry.schema}`) || candidate.__file === entry.schema);
      if (!schema) continue;
      if (entry.kind) validators.set(entry.kind, compile(schema));
      else for (const glob of entry.fileMatch ?? []) byFile.push({ pattern: globPattern(glob), validate: compile(schema) });
    }
  } else {
    for (const schema of schemaList) for (const kind of kindsOf(schema)) validators.set(kind, compile(schema));
  }
  return {
    validatorFor: (kind, file) => validators.get(kind) ?? (file === undefined ? undefined : byFile.find((entry) => entry.pattern.test(file))?.validate),
    kinds: () => [...validators.keys()],
  };
}

function globPattern(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
}

const loaded = new Map<string, Promise<WorkspaceSchemas>>();

/** Loads and compiles every `*.json` schema in `schemaDir` once; returns an empty set when the folder is missing. */
export function loadWorkspaceSchemas(schemaDir: string = schemasDir(import.meta.url)): Promise<WorkspaceSchemas> {
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
      const list = await Promise.all(names.map(async (name) => ({ ...JSON.parse(await readFile(path.join(schemaDir, name), 'utf8')), __file: name })));
      let index: SchemaIndexEntry[] = [];
      try {
        index = (JSON.parse(await readFile(path.join(schemaDir, 'index.json'), 'utf8')) as { schemas?: SchemaIndexEntry[] }).schemas ?? [];
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      return compileWorkspaceSchemas(list.map(({ __file, ...schema }) => Object.defineProperty(schema, '__file', { value: __file, enumerable: false })), index);
    })();
    loaded.set(schemaDir, schemas);
  }
  return schemas;
}
