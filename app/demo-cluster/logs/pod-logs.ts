// GET /api/v1/namespaces/{ns}/pods/{name}/log: container, tailLines,
// sinceSeconds, timestamps, previous, limitBytes, and follow (streams new lines
// until the client disconnects or the pod goes away).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../api/kube-object.js';
import { findResourceType } from '../api/resource-types.js';
import { badRequest } from '../api/status-error.js';
import type { Cluster } from '../cluster.js';
import { firstRetainedLine, lineCount, lineIntervalMs, logLines, type LogLine } from './log-lines.js';

const pods = findResourceType('', 'v1', 'pods')!;

function pickContainer(pod: KubeObject, requested: string | null): any {
  const containers: any[] = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
  if (!requested) {
    if ((pod.spec.containers ?? []).length === 1) return pod.spec.containers[0];
    throw badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${(pod.spec.containers ?? []).map((c: any) => c.name).join(' ')}]`);
  }
  const found = containers.find((c) => c.name === requested);
  if (!found) throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
  return found;
}

function startedAtOf(pod: KubeObject, name: string, previous: boolean): number {
  const status = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === name);
  const waiting = status?.state?.waiting;
  if (previous) {
    const last = status?.lastState?.terminated;
    if (!last) throw badRequest(`previous terminated container "${name}" in pod "${pod.metadata.name}" not found`);
    return Date.parse(last.startedAt ?? pod.metadata.creationTimestamp);
  }
  // A container in back-off shows its last run's output, as the kubelet does.
  const started = status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt ??
    (waiting?.reason === 'CrashLoopBackOff' ? status?.lastState?.terminated?.startedAt : undefined);
  if (!started) {
    throw badRequest(`container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${waiting?.reason === 'ImagePullBackOff' || waiting?.reason === 'ErrImagePull' ? 'trying and failing to pull image' : waiting?.reason ?? 'ContainerCreating'}`);
  }
  return Date.parse(started);
}

function render(lines: LogLine[], timestamps: boolean): string {
  return lines.map((l) => `${timestamps ? `${new Date(l.time).toISOString().replace('Z', '000000Z')} ` : ''}${l.text}\n`).join('');
}

/** Serves a pod's generated logs. */
export function servePodLogs(cluster: Cluster, _req: IncomingMessage, res: ServerResponse, pod: KubeObject, query: URLSearchParams): void {
  const container = pickContainer(pod, query.get('container'));
  const previous = query.get('previous') === 'true';
  const startedAt = startedAtOf(pod, container.name, previous);
  const timestamps = query.get('timestamps') === 'true';
  const now = cluster.nowMs();
  const total = lineCount(container, startedAt, now);
  let from = firstRetainedLine(total);
  const since = query.get('sinceSeconds') ?? (query.get('sinceTime') ? String((now - Date.parse(query.get('sinceTime')!)) / 1000) : null);
  if (since !== null) from = Math.max(from, Math.ceil((now - Number(since) * 1000 - startedAt) / lineIntervalMs));
  const tail = query.get('tailLines');
  if (tail !== null && Number(tail) >= 0) from = Math.max(from, total - Number(tail));
  let text = render(logLines(pod.metadata.name!, container, startedAt, from, total), timestamps);
  const limit = query.get('limitBytes');
  if (limit) text = text.slice(0, Number(limit));
  const follow = query.get('follow') === 'true' && !previous;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', ...(follow ? { 'Transfer-Encoding': 'chunked' } : {}) });
  if (!follow) { res.end(text); return; }
  res.write(text);
  let sent = total;
  const timer = setInterval(() => {
    const current = cluster.store.get(pods, pod.metadata.namespace, pod.metadata.name!);
    if (!current || current.metadata.uid !== pod.metadata.uid) { stop(); return; }
    const available = lineCount(container, startedAt, cluster.nowMs());
    if (available > sent) {
      res.write(render(logLines(pod.metadata.name!, container, startedAt, sent, available), timestamps));
      sent = available;
    }
  }, lineIntervalMs / 2);
  const stop = () => {
    clearInterval(timer);
    if (!res.writableEnded) res.end();
  };
  res.on('close', stop);
}
