// Server-side printing (`Accept: ...;as=Table;g=meta.k8s.io`), which
// `kubectl get` asks for. Columns follow the apiserver's printers.
import type { KubeObject } from '../api/kube-object.js';
import { formatSelector } from '../store/label-selector.js';

interface Column { name: string; type: string; format?: string; priority?: number }
interface Printer { columns: Column[]; cells(object: KubeObject, now: number): unknown[] }

/** Age as kubectl prints it: 45s, 12m, 5h, 3d, 2d4h. */
export function humanDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return `${minutes}m${seconds % 60 ? `${seconds % 60}s` : ''}`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return `${hours}h${minutes % 60 ? `${minutes % 60}m` : ''}`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 8) return `${days}d${hours % 24 ? `${hours % 24}h` : ''}`;
  return days < 365 * 2 ? `${days}d` : `${Math.floor(days / 365)}y`;
}

function age(object: KubeObject, now: number): string {
  const created = object.metadata.creationTimestamp;
  return created ? humanDuration(now - Date.parse(created)) : '<unknown>';
}

/** The STATUS kubectl shows for a pod (waiting/terminated reason, else phase). */
export function podDisplayStatus(pod: KubeObject): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  for (const status of pod.status?.containerStatuses ?? []) {
    if (status.state?.waiting?.reason && status.state.waiting.reason !== 'ContainerCreating') return status.state.waiting.reason;
    if (status.state?.terminated?.reason) return status.state.terminated.reason;
  }
  if (pod.status?.phase === 'Pending' && pod.spec?.nodeName) return 'ContainerCreating';
  return pod.status?.reason ?? pod.status?.phase ?? 'Unknown';
}

function jobDisplayStatus(job: KubeObject): string {
  const holds = (type: string) => (job.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
  if (holds('Complete')) return 'Complete';
  if (holds('Failed')) return 'Failed';
  if (job.spec?.suspend) return 'Suspended';
  return 'Running';
}

const name: Column = { name: 'Name', type: 'string', format: 'name' };
const ageColumn: Column = { name: 'Age', type: 'string' };

const printers: Record<string, Printer> = {
  Pod: {
    columns: [name, { name: 'Ready', type: 'string' }, { name: 'Status', type: 'string' }, { name: 'Restarts', type: 'string' }, ageColumn,
      { name: 'IP', type: 'string', priority: 1 }, { name: 'Node', type: 'string', priority: 1 }],
    cells: (pod, now) => {
      const statuses = pod.status?.containerStatuses ?? [];
      const ready = statuses.filter((s: any) => s.ready).length;
      const restarts = statuses.reduce((sum: number, s: any) => sum + (s.restartCount ?? 0), 0);
      return [pod.metadata.name, `${ready}/${pod.spec?.containers?.length ?? 0}`, podDisplayStatus(pod), String(restarts), age(pod, now),
        pod.status?.podIP ?? '<none>', pod.spec?.nodeName ?? '<none>'];
    },
  },
  Deployment: {
    columns: [name, { name: 'Ready', type: 'string' }, { name: 'Up-to-date', type: 'integer' }, { name: 'Available', type: 'integer' }, ageColumn,
      { name: 'Containers', type: 'string', priority: 1 }, { name: 'Images', type: 'string', priority: 1 }, { name: 'Selector', type: 'string', priority: 1 }],
    cells: (d, now) => [d.metadata.name, `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`, d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0, age(d, now), (d.spec?.template?.spec?.containers ?? []).map((c: any) => c.name).join(','),
      (d.spec?.template?.spec?.containers ?? []).map((c: any) => c.image).join(','), formatSelector(d.spec?.selector)],
  },
  ReplicaSet: {
    columns: [name, { name: 'Desired', type: 'integer' }, { name: 'Current', type: 'integer' }, { name: 'Ready', type: 'integer' }, ageColumn],
    cells: (r, now) => [r.metadata.name, r.spec?.replicas ?? 0, r.status?.replicas ?? 0, r.status?.readyReplicas ?? 0, age(r, now)],
  },
  Service: {
    columns: [name, { name: 'Type', type: 'string' }, { name: 'Cluster-IP', type: 'string' }, { name: 'External-IP', type: 'string' }, { name: 'Port(s)', type: 'string' }, ageColumn],
    cells: (s, now) => [s.metadata.name, s.spec?.type, s.spec?.clusterIP ?? '<none>', '<none>',
      (s.spec?.ports ?? []).map((p: any) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',') || '<none>', age(s, now)],
  },
  Namespace: {
    columns: [name, { name: 'Status', type: 'string' }, ageColumn],
    cells: (n, now) => [n.metadata.name, n.status?.phase ?? 'Active', age(n, now)],
  },
  Job: {
    columns: [name, { name: 'Status', type: 'string' }, { name: 'Completions', type: 'string' }, ageColumn],
    cells: (j, now) => [j.metadata.name, jobDisplayStatus(j),
      `${j.status?.succeeded ?? 0}/${j.spec?.completions ?? 1}`, age(j, now)],
  },
  CronJob: {
    columns: [name, { name: 'Schedule', type: 'string' }, { name: 'Suspend', type: 'boolean' }, { name: 'Active', type: 'integer' }, { name: 'Last Schedule', type: 'string' }, ageColumn],
    cells: (c, now) => [c.metadata.name, c.spec?.schedule, c.spec?.suspend ?? false, (c.status?.active ?? []).length,
      c.status?.lastScheduleTime ? humanDuration(now - Date.parse(c.status.lastScheduleTime)) : '<none>', age(c, now)],
  },
  Event: {
    columns: [{ name: 'Last Seen', type: 'string' }, { name: 'Type', type: 'string' }, { name: 'Reason', type: 'string' }, { name: 'Object', type: 'string' }, { name: 'Message', type: 'string' }, { ...name, priority: 1 }],
    cells: (e, now) => [e.lastTimestamp ? humanDuration(now - Date.parse(e.lastTimestamp)) : '<unknown>', e.type, e.reason,
      `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name}`, e.message, e.metadata.name],
  },
  ConfigMap: {
    columns: [name, { name: 'Data', type: 'integer' }, ageColumn],
    cells: (c, now) => [c.metadata.name, Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length, age(c, now)],
  },
  Application: {
    columns: [name, { name: 'Sync Status', type: 'string' }, { name: 'Health Status', type: 'string' }, { name: 'Revision', type: 'string', priority: 10 }],
    cells: (a) => [a.metadata.name, a.status?.sync?.status ?? '', a.status?.health?.status ?? '', a.status?.sync?.revision ?? ''],
  },
};

const fallback: Printer = { columns: [name, { name: 'Created At', type: 'date' }], cells: (o) => [o.metadata.name, o.metadata.creationTimestamp] };

function columnDefinitions(columns: Column[]): object[] {
  return columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: '', priority: c.priority ?? 0 }));
}

function metadataOnly(object: KubeObject): object {
  const { managedFields: _managedFields, ...metadata } = object.metadata;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
}

/** What each Table row carries (`includeObject`): kubectl asks for Object when sorting. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** Parses the includeObject query parameter (default Metadata). */
export function includeObjectOf(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

/** Renders objects of one kind as a meta.k8s.io/v1 Table. */
export function toTable(kind: string, objects: KubeObject[], now: number, listMeta: Record<string, unknown> = {}, include: IncludeObject = 'Metadata'): object {
  const printer = printers[kind] ?? fallback;
  const rowObject = (o: KubeObject) => include === 'None' ? {} : { object: include === 'Object' ? o : metadataOnly(o) };
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: listMeta,
    columnDefinitions: columnDefinitions(printer.columns),
    rows: objects.map((o) => ({ cells: printer.cells(o, now), ...rowObject(o) })),
  };
}

/** Whether the client asked for a Table (kubectl get does). */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}
