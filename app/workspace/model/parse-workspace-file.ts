// Parses one workspace YAML file into documents and validates each against the
// schema of its kind. A file that fails to parse becomes problems, never a throw.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { ErrorObject } from 'ajv';
import type { WorkspaceSchemas } from './workspace-schemas.js';
import type { WorkspaceProblem } from './workspace-model-types.js';
import { locateYamlPath, splitInstancePath, type SourcePosition } from './yaml-locations.js';

/** One YAML document with what is needed to point at its fields. */
export interface ParsedDocument {
  value: Record<string, any> | undefined;
  document: Document;
  lineCounter: LineCounter;
  /** Position of a field path such as ['spec', 'version'] in this document. */
  locate(path: string[], preferKey?: boolean): SourcePosition;
}

/** A parsed file: its documents and the problems found in it. */
export interface ParsedFile {
  file: string;
  documents: ParsedDocument[];
  problems: WorkspaceProblem[];
}

function describeSchemaError(error: ErrorObject): { path: string[]; preferKey: boolean; message: string } {
  const path = splitInstancePath(error.instancePath);
  const where = path.length ? path.join('.') : 'document';
  switch (error.keyword) {
    case 'required':
      return { path, preferKey: false, message: `${where}: missing required field '${error.params.missingProperty}'` };
    case 'additionalProperties':
      return { path: [...path, error.params.additionalProperty], preferKey: true, message: `${where}: unknown field '${error.params.additionalProperty}'` };
    case 'enum':
      return { path, preferKey: false, message: `${where}: must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    default:
      return { path, preferKey: false, message: `${where}: ${error.message ?? 'is not valid'}` };
  }
}

/**
 * Parses `text` (the content of `file`, relative to the workspace) and validates each document by kind.
 * @example const parsed = parseWorkspaceFile('services/checkout.yaml', text, schemas); parsed.problems // [{file, line, column, message}]
 */
export function parseWorkspaceFile(file: string, text: string, schemas: WorkspaceSchemas, expectedKinds?: string[]): ParsedFile {
  const lineCounter = new LineCounter();
  const problems: WorkspaceProblem[] = [];
  const documents: ParsedDocument[] = [];
  for (const document of parseAllDocuments(text, { lineCounter, prettyErrors: false })) {
    if (document.errors.length) {
      for (const error of document.errors) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        problems.push({ file, line, column: col, message: `YAML syntax: ${error.message.split('\n')[0]}` });
      }
      continue;
    }
    const value = document.toJS({ maxAliasCount: 1000 }) as unknown;
    const locate = (path: string[], preferKey = false): SourcePosition => locateYamlPath(document, lineCounter, path, preferKey);
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ file, ...locate([]), message: 'expected a mapping with apiVersion, kind, metadata and spec' });
      documents.push({ value: undefined, document, lineCounter, locate });
      continue;
    }
    const record = value as Record<string, any>;
    documents.push({ value: record, document, lineCounter, locate });
    const kind = record.kind;
    if (typeof kind !== 'string') {
      problems.push({ file, ...locate([]), message: "missing 'kind'" });
      continue;
    }
    if (expectedKinds && !expectedKinds.includes(kind)) {
      problems.push({ file, ...locate(['kind']), message: `kind '${kind}' does not belong here; expected ${expectedKinds.join(' or ')}` });
      continue;
    }
    const validate = schemas.validatorFor(kind, file);
    if (validate && !validate(record)) {
      for (const error of validate.errors ?? []) {
        const described = describeSchemaError(error);
        problems.push({ file, ...locate(described.path, described.preferKey), message: described.message });
      }
    }
  }
  return { file, documents, problems };
}
