// Field sets in the FieldsV1 vocabulary (`f:name`, `k:{"name":"app"}`,
// `v:"x"`). A path is its segments joined by a newline; sets hold leaves and
// list items. Server-side apply and managedFields both build on this.
import { isPlainObject, jsonEqual } from '../api/kube-object.js';
import { mergeKeyOf, setListFields } from '../patch/list-keys.js';

/** A set of field paths. */
export type FieldSet = Set<string>;

const separator = '\n';
const trackedMetadata = new Set(['labels', 'annotations', 'finalizers', 'ownerReferences']);

function walk(value: unknown, path: string, field: string, into: FieldSet): void {
  if (Array.isArray(value)) {
    const key = mergeKeyOf(field, value);
    if (setListFields.has(field)) {
      for (const item of value) into.add(`${path}${separator}v:${JSON.stringify(item)}`);
    } else if (key && value.every(isPlainObject)) {
      for (const item of value as Record<string, unknown>[]) {
        const itemPath = `${path}${separator}k:${JSON.stringify({ [key]: item[key] })}`;
        into.add(itemPath);
        for (const [name, child] of Object.entries(item)) walk(child, `${itemPath}${separator}f:${name}`, name, into);
      }
    } else into.add(path);
    return;
  }
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [name, child] of Object.entries(value)) walk(child, `${path}${separator}f:${name}`, name, into);
    return;
  }
  into.add(path);
}

/** The fields an object sets, ignoring identity, status and server-owned metadata. */
export function fieldSetOf(object: Record<string, any>, includeStatus = false): FieldSet {
  const into: FieldSet = new Set();
  for (const [name, value] of Object.entries(object)) {
    if (name === 'apiVersion' || name === 'kind' || (name === 'status' && !includeStatus)) continue;
    if (name === 'metadata') {
      for (const [metaName, metaValue] of Object.entries(value ?? {})) {
        if (trackedMetadata.has(metaName)) walk(metaValue, `f:metadata${separator}f:${metaName}`, metaName, into);
      }
      continue;
    }
    walk(value, `f:${name}`, name, into);
  }
  return into;
}

/** The value at a path, or undefined when absent. */
export function valueAt(object: unknown, path: string): unknown {
  let node: any = object;
  for (const segment of path.split(separator)) {
    if (node === undefined || node === null) return undefined;
    if (segment.startsWith('f:')) node = isPlainObject(node) ? node[segment.slice(2)] : undefined;
    else if (segment.startsWith('k:')) {
      const key = JSON.parse(segment.slice(2)) as Record<string, unknown>;
      const [name, wanted] = Object.entries(key)[0]!;
      node = Array.isArray(node) ? node.find((item) => isPlainObject(item) && jsonEqual(item[name], wanted)) : undefined;
    } else if (segment.startsWith('v:')) {
      const wanted = JSON.parse(segment.slice(2));
      node = Array.isArray(node) && node.some((item) => jsonEqual(item, wanted)) ? wanted : undefined;
    }
  }
  return node;
}

/** Removes the field or list item at a path, pruning maps it leaves empty. */
export function removeAt(object: Record<string, any>, path: string): void {
  const segments = path.split(separator);
  const parents: any[] = [];
  let node: any = object;
  for (const segment of segments.slice(0, -1)) {
    parents.push(node);
    node = valueAt(node, segment);
    if (node === undefined) return;
  }
  const last = segments[segments.length - 1]!;
  if (last.startsWith('f:') && isPlainObject(node)) delete node[last.slice(2)];
  else if (Array.isArray(node)) {
    const at = node.findIndex((item) => jsonEqual(valueAt([item], last), item));
    if (at >= 0) node.splice(at, 1);
  }
  // Prune maps emptied by the removal, from the deepest up.
  for (let depth = segments.length - 2; depth >= 0; depth--) {
    const parent = parents[depth];
    const child = valueAt(parent, segments[depth]!);
    const empty = (isPlainObject(child) && Object.keys(child).length === 0) || (Array.isArray(child) && child.length === 0);
    if (!empty || !segments[depth]!.startsWith('f:')) break;
    delete parent[segments[depth]!.slice(2)];
  }
}

/** Renders a path as users read it: `.spec.template.spec.containers[name="app"].image`. */
export function describePath(path: string): string {
  return path.split(separator).map((segment) => {
    if (segment.startsWith('f:')) return `.${segment.slice(2)}`;
    if (segment.startsWith('k:')) {
      const key = JSON.parse(segment.slice(2)) as Record<string, unknown>;
      return `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    }
    return `[${segment.slice(2)}]`;
  }).join('');
}

/** Converts a set to the nested FieldsV1 JSON stored in managedFields. */
export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const root: Record<string, any> = {};
  for (const path of [...set].sort()) {
    let node = root;
    const segments = path.split(separator);
    segments.forEach((segment, index) => {
      node = node[segment] ??= {};
      if (index === segments.length - 1 && segment.startsWith('k:')) node['.'] = {};
    });
  }
  return root;
}

/** Parses FieldsV1 JSON back into a set. */
export function fromFieldsV1(fields: Record<string, unknown> | undefined): FieldSet {
  const into: FieldSet = new Set();
  const visit = (node: Record<string, any>, path: string) => {
    for (const [segment, child] of Object.entries(node)) {
      if (segment === '.') { into.add(path); continue; }
      const childPath = path ? `${path}${separator}${segment}` : segment;
      if (isPlainObject(child) && Object.keys(child).length > 0) visit(child, childPath);
      else into.add(childPath);
    }
  };
  visit(fields ?? {}, '');
  return into;
}
