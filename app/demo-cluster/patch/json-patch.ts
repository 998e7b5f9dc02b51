// RFC 6902 JSON patch (`application/json-patch+json`), with RFC 6901 pointers.
import { cloneObject, isPlainObject, jsonEqual } from '../api/kube-object.js';
import { StatusError } from '../api/status-error.js';

interface Operation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

function fail(message: string): never {
  throw new StatusError(422, 'Invalid', `the server rejected our request due to an error in our request: ${message}`);
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) fail(`invalid JSON pointer "${pointer}"`);
  return pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(document: unknown, parts: string[], pointer: string): any {
  let node: any = document;
  for (const part of parts.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(part)] : isPlainObject(node) ? node[part] : undefined;
    if (node === undefined) fail(`doc is missing path: "${pointer}"`);
  }
  return node;
}

function read(document: unknown, pointer: string): unknown {
  let node: any = document;
  for (const part of parsePointer(pointer)) {
    node = Array.isArray(node) ? node[Number(part)] : isPlainObject(node) ? node[part] : undefined;
    if (node === undefined) fail(`doc is missing path: "${pointer}"`);
  }
  return node;
}

function add(document: unknown, pointer: string, value: unknown): unknown {
  const parts = parsePointer(pointer);
  if (parts.length === 0) return value;
  const parent = parentOf(document, parts, pointer);
  const last = parts[parts.length - 1]!;
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) fail(`add operation index out of bounds: "${pointer}"`);
    parent.splice(index, 0, value);
  } else if (isPlainObject(parent)) parent[last] = value;
  else fail(`doc is missing path: "${pointer}"`);
  return document;
}

function remove(document: unknown, pointer: string): unknown {
  const parts = parsePointer(pointer);
  const parent = parentOf(document, parts, pointer);
  const last = parts[parts.length - 1]!;
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (!(index >= 0 && index < parent.length)) fail(`remove operation does not apply: doc is missing path: "${pointer}"`);
    parent.splice(index, 1);
  } else if (isPlainObject(parent) && last in parent) delete parent[last];
  else fail(`remove operation does not apply: doc is missing path: "${pointer}"`);
  return document;
}

/** Applies a JSON patch to a copy of `target`; failures are 422 as in the apiserver. */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) fail('a JSON patch must be an array of operations');
  let document = cloneObject(target);
  for (const raw of operations as Operation[]) {
    switch (raw?.op) {
      case 'add': document = add(document, raw.path, cloneObject(raw.value)); break;
      case 'remove': document = remove(document, raw.path); break;
      case 'replace': read(document, raw.path); document = add(remove(document, raw.path), raw.path, cloneObject(raw.value)); break;
      case 'move': { const value = read(document, raw.from!); document = add(remove(document, raw.from!), raw.path, value); break; }
      case 'copy': document = add(document, raw.path, cloneObject(read(document, raw.from!))); break;
      case 'test': if (!jsonEqual(read(document, raw.path), raw.value)) fail(`testing value ${raw.path} failed`); break;
      default: fail(`Unexpected kind: ${String(raw?.op)}`);
    }
  }
  return document;
}
