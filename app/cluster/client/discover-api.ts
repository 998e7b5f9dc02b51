import type { ClusterClient } from './cluster-client.js';
import type { ApiGroupInfo, ApiResourceInfo, ServerVersion } from './cluster-types.js';

/** The API server's version (`GET /version`). */
export async function serverVersion(client: ClusterClient): Promise<ServerVersion> {
  return client.request<ServerVersion>({ verb: 'get', resource: 'version' }, { method: 'GET', path: '/version' });
}

/** Every API group the server offers, the core group first (name ''). */
export async function apiGroups(client: ClusterClient): Promise<ApiGroupInfo[]> {
  const operation = { verb: 'get', resource: 'API discovery' };
  const [core, named] = await Promise.all([
    client.request<any>(operation, { method: 'GET', path: '/api' }),
    client.request<any>(operation, { method: 'GET', path: '/apis' }),
  ]);
  const coreVersions: string[] = core.versions ?? [];
  const groups: ApiGroupInfo[] = [{ name: '', versions: coreVersions, preferredVersion: coreVersions.includes('v1') ? 'v1' : coreVersions[0] ?? 'v1' }];
  for (const group of named.groups ?? []) {
    const versions: string[] = (group.versions ?? []).map((v: any) => v.version);
    groups.push({ name: group.name, versions, preferredVersion: group.preferredVersion?.version ?? versions[0] });
  }
  return groups;
}

/**
 * The resource types of every group's preferred version. A group whose
 * discovery fails (a broken aggregated API such as metrics.k8s.io) is
 * reported in `failed` instead of failing everything, as kubectl does.
 */
export async function apiResources(client: ClusterClient): Promise<{ resources: ApiResourceInfo[]; failed: { groupVersion: string; message: string }[] }> {
  const groups = await apiGroups(client);
  const resources: ApiResourceInfo[] = [];
  const failed: { groupVersion: string; message: string }[] = [];
  await Promise.all(groups.map(async (group) => {
    const apiVersion = group.name ? `${group.name}/${group.preferredVersion}` : group.preferredVersion;
    try {
      const list = await client.request<any>({ verb: 'get', resource: `API discovery of ${apiVersion}` }, { method: 'GET', path: group.name ? `/apis/${apiVersion}` : `/api/${apiVersion}` });
      for (const r of list.resources ?? []) {
        if (typeof r.name !== 'string' || r.name.includes('/')) continue;
        resources.push({
          group: group.name, version: group.preferredVersion, apiVersion, kind: r.kind, name: r.name,
          namespaced: r.namespaced === true, verbs: r.verbs ?? [], shortNames: r.shortNames ?? [],
        });
      }
    } catch (error) {
      failed.push({ groupVersion: apiVersion, message: error instanceof Error ? error.message : String(error) });
    }
  }));
  resources.sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
  return { resources, failed };
}
