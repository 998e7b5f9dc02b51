// Seeds a new cluster: system objects always, then the named scenario and
// optionally the benchmark pods.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType, findResourceTypeByKind } from '../api/resource-types.js';
import { systemWrite, type Cluster } from '../cluster.js';
import { createObject } from '../operations/create-object.js';
import { seedBenchPods } from './bench-seed.js';
import { defaultNamespaces, demoNode } from './default-objects.js';

/** The scenarios `startDemoCluster` can load. */
export type SeedName = 'sample' | 'empty';

/** Where the sample scenario's manifests live in the repository. */
export const sampleScenarioDir = fileURLToPath(new URL('../../../resources/demo-cluster/', import.meta.url));

/** Reads every manifest of a scenario folder, in file-name order. */
export async function readScenario(dir: string): Promise<KubeObject[]> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const objects: KubeObject[] = [];
  for (const file of files) {
    for (const document of parseAllDocuments(await readFile(join(dir, file), 'utf8'))) {
      if (document.errors.length > 0) throw new Error(`${join(dir, file)}: ${document.errors[0]!.message}`);
      const object = document.toJS() as KubeObject | null;
      if (object) objects.push(object);
    }
  }
  return objects;
}

// Seeded running pods have been up "for a while": the clock starts at seeding.
function stampStartTimes(cluster: Cluster, object: KubeObject): KubeObject {
  if (object.kind !== 'Pod' || !object.status) return object;
  const now = cluster.now();
  const status = { ...object.status, startTime: object.status.startTime ?? now };
  status.containerStatuses = (status.containerStatuses ?? []).map((s: any) =>
    s.state?.running && !s.state.running.startedAt ? { ...s, state: { running: { startedAt: now } } } : s);
  return { ...object, status };
}

/** Creates manifests through the normal create path (defaulting and validation apply). */
export function createManifests(cluster: Cluster, manifests: KubeObject[], source: string): void {
  for (const object of manifests.map((m) => stampStartTimes(cluster, m))) {
    const type = findResourceTypeByKind(object.apiVersion, object.kind);
    if (!type) throw new Error(`${source}: ${object.apiVersion} ${object.kind} is not served by the demo cluster`);
    createObject(cluster, type, object.metadata?.namespace ?? (type.namespaced ? 'default' : undefined), object,
      { ...systemWrite('paver-demo-seed'), preserveStatus: true });
  }
}

/** Seeds system objects, the scenario and the benchmark pods. */
export async function seedCluster(cluster: Cluster, seed: SeedName, pods: number, scenarioDir = sampleScenarioDir): Promise<void> {
  const namespaces = findResourceType('', 'v1', 'namespaces')!;
  for (const name of defaultNamespaces) {
    createObject(cluster, namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, systemWrite('paver-demo-seed'));
  }
  createObject(cluster, findResourceType('', 'v1', 'nodes')!, undefined, demoNode(), { ...systemWrite('paver-demo-seed'), preserveStatus: true });
  if (seed === 'sample') createManifests(cluster, await readScenario(scenarioDir), scenarioDir);
  if (pods > 0) seedBenchPods(cluster, pods);
}
