import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultSampleDir, schemasDir } from './resources-dir.js';

interface SchemaIndexEntry {
  kind: string | null;
  schema: string;
  uri: string;
  fileMatch: string[];
}

const sampleDir = defaultSampleDir();
const schemaDir = schemasDir();
const index = JSON.parse(readFileSync(join(schemaDir, 'index.json'), 'utf8')) as { schemas: SchemaIndexEntry[] };

function compileIndex(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // ajv-formats ships CommonJS; under ESM its function sits on .default.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;
  addFormats(ajv);
  for (const entry of index.schemas) ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, entry.schema), 'utf8')));
  return new Map(index.schemas.map((entry) => [entry.schema, ajv.getSchema(entry.uri) as ValidateFunction]));
}

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
}

/** The schema that index.json assigns to a workspace-relative file. */
function schemaFor(relativePath: string): string | undefined {
  return index.schemas.find((entry) => entry.fileMatch.some((glob) => globToRegExp(glob).test(relativePath)))?.schema;
}

function documentsOf(path: string): unknown[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((document) => {
    expect(document.errors, path).toEqual([]);
    return document.toJS();
  });
}

function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}

const validators = compileIndex();
const workspaceFiles = [
  'paver.yaml',
  ...readdirSync(join(sampleDir, 'services')).map((file) => `services/${file}`),
  ...readdirSync(join(sampleDir, 'policies')).map((file) => `policies/${file}`),
];

describe('JSON Schemas of Paver kinds against the sample workspace', () => {
  it.each(workspaceFiles)('%s is valid against the schema index.json assigns to it', (file) => {
    const schema = schemaFor(file);
    expect(schema, `index.json maps ${file}`).toBeDefined();
    for (const document of documentsOf(join(sampleDir, file))) {
      expect(errorsOf(validators.get(schema!)!, document), file).toEqual([]);
    }
  });

  it('assigns the TemplatePolicy schema inside policy files, so a broken TemplatePolicy is reported', () => {
    const validate = validators.get('policy-file.schema.json')!;
    const [policy] = documentsOf(join(sampleDir, 'policies', 'web-service-v2.yaml')) as Array<{ spec: Record<string, unknown> }>;
    const broken = { ...policy, spec: { ...policy.spec, rollout: [{ action: 'Block', from: '2027-01-15' }] } };
    expect(errorsOf(validate, broken).join('\n')).toContain('/spec/rollout/0/action must be equal to one of the allowed values');
    const vap = { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', spec: { anything: true } };
    expect(errorsOf(validate, vap)).toEqual([]);
  });

  it('reports a service without a template and with an unknown field by field path', () => {
    const validate = validators.get('service.schema.json')!;
    const [checkout] = documentsOf(join(sampleDir, 'services', 'checkout.yaml')) as Array<{ spec: Record<string, unknown> }>;
    const { template: _template, ...specWithoutTemplate } = checkout.spec;
    const errors = errorsOf(validate, { ...checkout, spec: { ...specWithoutTemplate, replicas: 3 } });
    expect(errors).toContain("/spec must have required property 'template'");
    expect(errors).toContain('/spec must NOT have additional properties');
  });

  it('rejects an unquoted kubeVersion that YAML turned into a number', () => {
    const [workspace] = documentsOf(join(sampleDir, 'paver.yaml')) as Array<{ spec: Record<string, unknown> }>;
    const errors = errorsOf(validators.get('workspace.schema.json')!, { ...workspace, spec: { ...workspace.spec, kubeVersion: 1.3 } });
    expect(errors).toContain('/spec/kubeVersion must be string');
  });

  it('gives every property of Paver kinds a description, for editor hovers', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, child] of Object.entries(properties)) {
        if (!(child as { description?: string }).description) missing.push(`${path}.${name}`);
        visit(child, `${path}.${name}`);
      }
      visit((node as { items?: unknown }).items, `${path}[]`);
      const additional = (node as { additionalProperties?: unknown }).additionalProperties;
      if (typeof additional === 'object') visit(additional, `${path}.*`);
    };
    for (const entry of index.schemas) visit(JSON.parse(readFileSync(join(schemaDir, entry.schema), 'utf8')), entry.schema);
    expect(missing).toEqual([]);
  });

  it.each(['web-service', 'worker', 'cron-job'])('%s has a draft-07 values schema whose defaults are valid values', (template) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const schema = JSON.parse(readFileSync(join(sampleDir, 'templates', template, 'values.schema.json'), 'utf8'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const validate = ajv.compile(schema);
    const [values] = documentsOf(join(sampleDir, 'templates', template, 'values.yaml')) as Array<Record<string, unknown>>;
    // Required values (team, image.repository, schedule) are the service's job; everything else must pass.
    const errors = errorsOf(validate, values).filter((error) => !/required property|fewer than 1 characters/.test(error));
    expect(errors).toEqual([]);
  });
});
