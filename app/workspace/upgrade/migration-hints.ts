// Migration hints for an upgrade: values the target version's schema rejects,
// and values the service sets that the target no longer reads (the old version
// declared or defaulted them; the new one neither declares nor defaults them).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** One thing a service must change (or check) when moving to the target version. */
export interface MigrationHint {
  kind: 'rejected' | 'unread';
  /** Dotted path of the value, e.g. `image.tag`. */
  path: string;
  environments: string[];
  message: string;
}

type Schema = Record<string, any>;
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** Knowledge of one template version: its values.schema.json and values.yaml defaults. */
export interface TemplateValuesShape { schema: Schema | undefined; defaults: Record<string, unknown> }

interface Shape { schema: Schema | undefined; defaults: unknown }

function knows(shape: Shape, key: string): { known: boolean; declared: boolean; child: Shape } {
  const properties = shape.schema?.properties as Schema | undefined;
  const defaults = isObject(shape.defaults) ? shape.defaults : undefined;
  const open = isObject(shape.schema?.additionalProperties) || shape.schema?.additionalProperties === true;
  const declared = !!(properties && key in properties) || !!(defaults && key in defaults);
  // With neither a schema nor defaults at this level, nothing can be said: treat as read.
  const shapeless = !properties && !defaults;
  return { known: declared || open || shapeless, declared, child: { schema: properties?.[key], defaults: defaults?.[key] } };
}

function unreadPaths(values: Record<string, unknown>, before: Shape, after: Shape, at: string, out: string[]): void {
  for (const [key, value] of Object.entries(values)) {
    const path = at ? `${at}.${key}` : key;
    const old = knows(before, key);
    const now = knows(after, key);
    if (old.known && !now.known) { out.push(path); continue; }
    if (now.declared && isObject(value)) unreadPaths(value, old.child, now.child, path, out);
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new WeakMap<Schema, ReturnType<typeof ajv.compile>>();

/**
 * Hints for one service moving from `before` to `after`, given its merged values per environment.
 * @example migrationHints({ prod: values }, v1Shape, v2Shape) // [{kind: 'unread', path: 'image.tag', environments: ['prod'], ...}]
 */
export function migrationHints(valuesByEnvironment: Record<string, Record<string, unknown>>, before: TemplateValuesShape, after: TemplateValuesShape, targetVersion: string): MigrationHint[] {
  const hints = new Map<string, MigrationHint>();
  const add = (kind: MigrationHint['kind'], path: string, environment: string, message: string) => {
    const key = `${kind}\0${path}\0${message}`;
    const hint = hints.get(key) ?? { kind, path, environments: [], message };
    hint.environments.push(environment);
    hints.set(key, hint);
  };
  let validate = after.schema ? compiled.get(after.schema) : undefined;
  if (after.schema && !validate) {
    const { $schema: _ignored, ...schema } = after.schema;
    validate = ajv.compile(schema);
    compiled.set(after.schema, validate);
  }
  for (const [environment, values] of Object.entries(valuesByEnvironment)) {
    if (validate && !validate(values)) {
      for (const error of validate.errors ?? []) {
        const base = error.instancePath.split('/').slice(1).join('.');
        const path = error.keyword === 'required' ? [base, error.params.missingProperty].filter(Boolean).join('.')
          : error.keyword === 'additionalProperties' ? [base, error.params.additionalProperty].filter(Boolean).join('.') : base;
        const detail = error.keyword === 'required' ? 'is required by' : error.keyword === 'additionalProperties' ? 'is not accepted by' : `${error.message ?? 'is invalid'} in`;
        add('rejected', path || '(values)', environment, `${path || 'values'} ${detail} version ${targetVersion}`);
      }
    }
    const unread: string[] = [];
    unreadPaths(values, before, after, '', unread);
    for (const path of unread) add('unread', path, environment, `${path} is set but version ${targetVersion} no longer reads it (renamed or removed)`);
  }
  const rejected = new Set([...hints.values()].filter((hint) => hint.kind === 'rejected').map((hint) => hint.path));
  return [...hints.values()].filter((hint) => hint.kind === 'rejected' || !rejected.has(hint.path)).sort((a, b) => a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind));
}
