import type { ClusterClient } from './cluster-client.js';
import type { KubeObject } from './cluster-types.js';

/** A core/v1 Event, as `kubectl describe` shows it. */
export interface ClusterEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
}

/** When an event last happened, across the old and new event fields. */
export function eventTime(event: ClusterEvent): string {
  return event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? (event.metadata.creationTimestamp as string | undefined) ?? '';
}

/** The events about one object, oldest first (the "Events:" of `kubectl describe`). */
export async function eventsFor(client: ClusterClient, object: { kind: string; metadata: { name?: string; namespace?: string; uid?: string } }): Promise<ClusterEvent[]> {
  const selectors = [`involvedObject.kind=${object.kind}`, `involvedObject.name=${object.metadata.name ?? ''}`];
  const { items } = await client.listAll<ClusterEvent>(
    { apiVersion: 'v1', kind: 'Event', namespace: object.metadata.namespace ?? client.namespace },
    { fieldSelector: selectors.join(',') },
  );
  // A recreated object with the same name keeps old events; the uid tells them apart.
  const uid = object.metadata.uid;
  const mine = uid ? items.filter((e) => !e.involvedObject?.uid || e.involvedObject.uid === uid) : items;
  return mine.sort(compareEvents);
}

// Timestamps have one-second precision, and Created/Started usually share a second;
// the resourceVersion (an etcd revision in practice) keeps their real order.
function compareEvents(a: ClusterEvent, b: ClusterEvent): number {
  const byTime = eventTime(a).localeCompare(eventTime(b));
  if (byTime !== 0) return byTime;
  const [x, y] = [a.metadata.resourceVersion ?? '', b.metadata.resourceVersion ?? ''];
  return /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : 0;
}
