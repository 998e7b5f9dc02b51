// Discovery documents: the legacy per-group lists and the aggregated
// (apidiscovery.k8s.io/v2) form kubectl 1.32 asks for first.
import { apiVersionOf, resourceTypes, verbsOf, type ResourceType } from './resource-types.js';

/** Kubernetes version the demo cluster reports. */
export const serverVersion = {
  major: '1', minor: '32', gitVersion: 'v1.32.0-paver-demo', gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean', buildDate: '2026-01-01T00:00:00Z', goVersion: 'go1.23.0', compiler: 'gc', platform: 'linux/amd64',
};

const subresourceVerbs: Record<string, string[]> = {
  status: ['get', 'patch', 'update'], scale: ['get', 'patch', 'update'], log: ['get'], finalize: ['update'],
};

function groupsInOrder(): string[] {
  return [...new Set(resourceTypes.filter((r) => r.group).map((r) => r.group))];
}

function versionsOf(group: string): string[] {
  return [...new Set(resourceTypes.filter((r) => r.group === group).map((r) => r.version))];
}

/** `/api`: the core group's versions. */
export function coreVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groupDocument(group: string): object {
  const versions = versionsOf(group).map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

/** `/apis`: every named group. */
export function groupList(): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groupsInOrder().map(groupDocument) };
}

/** `/apis/<group>`, or undefined for an unknown group. */
export function groupInfo(group: string): object | undefined {
  return groupsInOrder().includes(group) ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(group) } : undefined;
}

function resourceEntries(type: ResourceType): object[] {
  const entry = {
    name: type.plural, singularName: type.singular, namespaced: type.namespaced, kind: type.kind, verbs: verbsOf(type),
    ...(type.shortNames ? { shortNames: type.shortNames } : {}),
    ...(type.categories ? { categories: type.categories } : {}),
  };
  const subs = (type.subresources ?? []).map((sub) => ({
    name: `${type.plural}/${sub}`, singularName: '', namespaced: type.namespaced,
    ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : { kind: type.kind }),
    verbs: subresourceVerbs[sub] ?? ['get'],
  }));
  return [entry, ...subs];
}

/** `/api/v1` or `/apis/<group>/<version>`, or undefined when not served. */
export function resourceList(group: string, version: string): object | undefined {
  const types = resourceTypes.filter((r) => r.group === group && r.version === version);
  if (types.length === 0) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources: types.flatMap(resourceEntries) };
}

function aggregatedResource(type: ResourceType): object {
  return {
    resource: type.plural,
    responseKind: { group: type.group, version: type.version, kind: type.kind },
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: verbsOf(type),
    ...(type.shortNames ? { shortNames: type.shortNames } : {}),
    ...(type.categories ? { categories: type.categories } : {}),
    subresources: (type.subresources ?? []).map((sub) => ({
      subresource: sub,
      responseKind: sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : { group: type.group, version: type.version, kind: type.kind },
      verbs: subresourceVerbs[sub] ?? ['get'],
    })),
  };
}

function aggregatedGroup(group: string): object {
  return {
    metadata: { name: group, creationTimestamp: null },
    versions: versionsOf(group).map((version) => ({
      version,
      resources: resourceTypes.filter((r) => r.group === group && r.version === version).map(aggregatedResource),
      freshness: 'Current',
    })),
  };
}

/** Aggregated discovery for `/api` (core) or `/apis` (named groups). */
export function aggregatedDiscovery(core: boolean): object {
  const groups = core ? [''] : groupsInOrder();
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items: groups.map(aggregatedGroup) };
}

/** The content type a client gets aggregated discovery under, when it asked for it. */
export function wantsAggregatedDiscovery(accept: string | undefined): string | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(',')) {
    if (part.includes('as=APIGroupDiscoveryList') && part.includes('g=apidiscovery.k8s.io')) {
      const version = /v=(v2beta1|v2)\b/.exec(part)?.[1];
      if (version === 'v2') return 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
    }
  }
  return undefined;
}
