// Field selectors: the apiserver supports only a few fields per kind.
import type { KubeObject } from '../api/kube-object.js';
import { badRequest } from '../api/status-error.js';

/** A predicate over whole objects. */
export type ObjectMatcher = (object: KubeObject) => boolean;

const supported: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
    'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Namespace: ['status.phase'],
  Secret: ['type'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
  Node: ['spec.unschedulable'],
};

function fieldValue(object: KubeObject, path: string): string {
  let value: any = object;
  for (const part of path.split('.')) value = value?.[part];
  if (path === 'source' && object.kind === 'Event') value = object.source?.component;
  return value === undefined || value === null ? '' : String(value);
}

/** Parses `fieldSelector` for a kind; unsupported fields are a 400 as in the apiserver. */
export function parseFieldSelector(text: string, kind: string): ObjectMatcher {
  const terms = text.split(',').map((t) => t.trim()).filter(Boolean).map((term) => {
    const match = /^([^=!]+)(==|=|!=)(.*)$/.exec(term);
    if (!match) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const field = match[1]!.trim();
    if (field !== 'metadata.name' && field !== 'metadata.namespace' && !(supported[kind] ?? []).includes(field)) {
      throw badRequest(`field label not supported: ${field}`);
    }
    return { field, negate: match[2] === '!=', value: match[3]!.trim() };
  });
  return (object) => terms.every((t) => (fieldValue(object, t.field) === t.value) !== t.negate);
}
