// A minimal OpenAPI v3 surface. kubectl (apply/create with --validate=strict)
// reads /openapi/v3 to learn whether PATCH accepts `fieldValidation`; when it
// does, kubectl leaves validation to the server instead of downloading full
// schemas. The documents therefore list each kind's operations and
// parameters with x-kubernetes-group-version-kind, and no schemas.
import { apiVersionOf, resourceTypes, type ResourceType } from './resource-types.js';

function discoveryPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const queryParameters = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'].map((name) => ({
  name, in: 'query', schema: { type: name === 'force' ? 'boolean' : 'string' }, uniqueItems: true,
}));

function operations(type: ResourceType): Record<string, object> {
  const gvk = { group: type.group, version: type.version, kind: type.kind };
  const base = `/${discoveryPath(type.group, type.version)}${type.namespaced ? '/namespaces/{namespace}' : ''}/${type.plural}`;
  const operation = (action: string, verb: string, parameters: object[]) => ({
    tags: [`${type.group || 'core'}_${type.version}`],
    operationId: `${verb}${type.namespaced ? 'Namespaced' : ''}${type.kind}`,
    parameters,
    responses: { '200': { description: 'OK' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
  });
  return {
    [base]: { get: operation('list', 'list', []), post: operation('post', 'create', queryParameters) },
    [`${base}/{name}`]: {
      get: operation('get', 'read', []),
      put: operation('put', 'replace', queryParameters),
      patch: operation('patch', 'patch', queryParameters),
      delete: operation('delete', 'delete', [{ name: 'dryRun', in: 'query', schema: { type: 'string' } }]),
    },
  };
}

/** The OpenAPI v3 document for one path under /openapi/v3, or undefined. */
export function openApiDocument(pathname: string): object | undefined {
  const groupVersions = [...new Set(resourceTypes.map((t) => discoveryPath(t.group, t.version)))];
  if (pathname === '/openapi/v3') {
    return { paths: Object.fromEntries(groupVersions.map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=paver-demo-1` }])) };
  }
  const gv = pathname.replace(/^\/openapi\/v3\//, '');
  if (!groupVersions.includes(gv)) return undefined;
  const types = resourceTypes.filter((t) => discoveryPath(t.group, t.version) === gv);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0-paver-demo' },
    paths: Object.assign({}, ...types.map(operations)),
    components: { schemas: {} },
    'x-paver-note': `operations only; served for ${types.map(apiVersionOf)[0]}`,
  };
}
