// Benchmark mode: many Running pods across 500 namespaces, written straight
// into the store (no controllers involved) so seeding 50,000 takes seconds.
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType } from '../api/resource-types.js';
import type { Cluster } from '../cluster.js';
import { demoNodeName } from './default-objects.js';

/** Namespaces the benchmark pods are spread across. */
export const benchNamespaceCount = 500;

/** The name of benchmark namespace `index`. */
export function benchNamespace(index: number): string {
  return `bench-${String(index).padStart(3, '0')}`;
}

/** Seeds `count` Running pods across 500 namespaces. */
export function seedBenchPods(cluster: Cluster, count: number): void {
  const namespaces = findResourceType('', 'v1', 'namespaces')!;
  const pods = findResourceType('', 'v1', 'pods')!;
  const now = cluster.now();
  for (let n = 0; n < benchNamespaceCount; n++) {
    const name = benchNamespace(n);
    cluster.store.put(namespaces, {
      apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: cluster.newUid(), creationTimestamp: now, labels: { 'kubernetes.io/metadata.name': name, 'paver.dev/bench': 'true' } },
      spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' },
    });
  }
  // Namespace-major order appends keys in sorted order, so seeding never shifts the key index.
  const perNamespace = Math.ceil(count / benchNamespaceCount);
  for (let i = 0; i < count; i++) {
    const namespace = benchNamespace(Math.floor(i / perNamespace));
    const app = `app-${i % 50}`;
    const pod: KubeObject = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `pod-${String(i).padStart(6, '0')}`, namespace, uid: cluster.newUid(), creationTimestamp: now, labels: { app, 'paver.dev/bench': 'true' } },
      spec: {
        containers: [{ name: 'app', image: `registry.example.com/${app}:1.0.${i % 7}`, imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 8080, protocol: 'TCP' }],
          terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} }],
        restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', securityContext: {}, nodeName: demoNodeName,
      },
      status: {
        phase: 'Running', podIP: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, startTime: now, qosClass: 'BestEffort',
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }],
        containerStatuses: [{ name: 'app', ready: true, started: true, restartCount: 0, image: `registry.example.com/${app}:1.0.${i % 7}`, imageID: '', state: { running: { startedAt: now } } }],
      },
    };
    // Serialise now, as any later write would, so the first list pays no warm-up.
    cluster.store.json(cluster.store.put(pods, pod));
  }
}
