// Maps a request path to the resource it addresses:
// /api/v1[/namespaces/{ns}]/{plural}[/{name}[/{sub}]] and the /apis/{group}/{version} forms.
import { findResourceType, type ResourceType } from '../api/resource-types.js';

/** A request for a resource, collection or subresource. */
export interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Parses a resource path, or returns undefined when it is not one we serve. */
export function parseResourcePath(pathname: string): ResourcePath | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) { group = ''; version = parts[1]!; rest = parts.slice(2); }
  else if (parts[0] === 'apis' && parts.length >= 4) { group = parts[1]!; version = parts[2]!; rest = parts.slice(3); }
  else return undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && ['status', 'finalize'].includes(rest[2]!))) {
    const type = findResourceType(group, version, rest[2]!);
    if (!type?.namespaced || rest.length > 5) return undefined;
    return { type, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  const type = findResourceType(group, version, rest[0]!);
  if (!type || rest.length > 3) return undefined;
  return { type, name: rest[1], subresource: rest[2] };
}
