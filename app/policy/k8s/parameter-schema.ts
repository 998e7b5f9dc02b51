// Validation of a custom resource field against its CRD's openAPIV3Schema, as
// the API server does when the object is created: Gatekeeper constraints are
// custom resources whose spec.parameters schema is the template's
// openAPIV3Schema, so a constraint that violates it never reaches the cluster.
// Formats are not checked (Kubernetes' formats differ from JSON Schema's), and
// x-kubernetes-* keywords are ignored.
import { Ajv, type ValidateFunction } from 'ajv';

let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction | string>();

function validatorFor(schema: object): ValidateFunction | string {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: false, strict: false, validateFormats: false, validateSchema: false });
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      validate = `the schema cannot be used: ${(error as Error).message}`;
    }
    compiled.set(schema, validate);
  }
  return validate;
}

/** The first schema violation of value as `{ path, message }` (path like `.ranges[0].min`), or undefined when it is valid. */
export function schemaViolation(value: unknown, schema: unknown): { path: string; message: string } | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const validate = validatorFor(schema);
  if (typeof validate === 'string') return { path: '', message: validate };
  if (validate(value)) return undefined;
  const error = validate.errors?.[0];
  if (!error) return { path: '', message: 'does not match the schema' };
  const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`)).join('');
  const allowed = error.keyword === 'enum' && Array.isArray((error.params as { allowedValues?: unknown[] }).allowedValues)
    ? `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { path, message: `${error.message ?? 'does not match the schema'}${allowed}` };
}
