// Entry point of validation: metadata checks for every kind, then per-kind
// rules, then immutability on update. Failures become a 422 with causes.
import { jsonEqual, type KubeObject } from '../api/kube-object.js';
import { invalid, type StatusCause } from '../api/status-error.js';
import type { ResourceType } from '../api/resource-types.js';
import { checkDns1123Label, checkDns1123Subdomain, checkLabels } from './names.js';
import { validatePodSpec } from './pod-validation.js';
import { validateCronJob, validateJobSpec, validateWorkload } from './workload-validation.js';

const labelNamedKinds = new Set(['Namespace', 'Service']);

function validateService(service: any): StatusCause[] {
  const spec = service.spec ?? {};
  const causes: StatusCause[] = [];
  if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None' && (!Array.isArray(spec.ports) || spec.ports.length === 0)) {
    causes.push({ reason: 'FieldValueRequired', field: 'spec.ports', message: 'Required value' });
  }
  (Array.isArray(spec.ports) ? spec.ports : []).forEach((port: any, i: number) => {
    if (!Number.isInteger(port?.port) || port.port < 1 || port.port > 65535) {
      causes.push({ reason: 'FieldValueInvalid', field: `spec.ports[${i}].port`, message: `Invalid value: ${JSON.stringify(port?.port)}: must be between 1 and 65535, inclusive` });
    }
  });
  const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
  if (!types.includes(spec.type)) causes.push({ reason: 'FieldValueNotSupported', field: 'spec.type', message: `Unsupported value: "${spec.type}"` });
  return causes;
}

function kindCauses(object: any): StatusCause[] {
  switch (object.kind) {
    case 'Pod': return validatePodSpec(object.spec, 'spec');
    case 'Deployment': case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': return validateWorkload(object);
    case 'Job': return validateJobSpec(object.spec, 'spec');
    case 'CronJob': return validateCronJob(object);
    case 'Service': return validateService(object);
    case 'ConfigMap': case 'Secret': {
      const data = object.data;
      if (data !== undefined && (typeof data !== 'object' || Array.isArray(data))) return [{ reason: 'FieldValueInvalid', field: 'data', message: 'Invalid value: must be a map' }];
      return [];
    }
    default: return [];
  }
}

function immutableCauses(object: any, old: any): StatusCause[] {
  const causes: StatusCause[] = [];
  const same = (path: string, a: unknown, b: unknown) => {
    if (!jsonEqual(a, b)) causes.push({ reason: 'FieldValueInvalid', field: path, message: `Invalid value: ${JSON.stringify(a)}: field is immutable` });
  };
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(object.kind)) same('spec.selector', object.spec?.selector, old.spec?.selector);
  if (object.kind === 'Job') same('spec.template', object.spec?.template, old.spec?.template);
  if (object.kind === 'Pod') {
    const images = (pod: any) => (pod.spec?.containers ?? []).map((c: any) => ({ ...c, image: undefined }));
    if (!jsonEqual(images(object), images(old))) {
      causes.push({ reason: 'FieldValueForbidden', field: 'spec', message: 'Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)' });
    }
  }
  if (object.kind === 'ConfigMap' || object.kind === 'Secret') {
    if (old.immutable === true && (!jsonEqual(object.data, old.data) || !jsonEqual(object.binaryData, old.binaryData))) {
      causes.push({ reason: 'FieldValueForbidden', field: 'data', message: 'Forbidden: field is immutable when `immutable` is set' });
    }
  }
  return causes;
}

/** Throws a 422 StatusError listing every problem of `object` (and its change from `old`). */
export function validateObject(type: ResourceType, object: KubeObject, old?: KubeObject): void {
  const meta = object.metadata;
  const causes: StatusCause[] = [];
  causes.push(...(labelNamedKinds.has(object.kind) ? checkDns1123Label(meta.name, 'metadata.name') : checkDns1123Subdomain(meta.name, 'metadata.name')));
  causes.push(...checkLabels(meta.labels, 'metadata.labels'));
  if (meta.annotations !== undefined && (typeof meta.annotations !== 'object' || Object.values(meta.annotations).some((v) => typeof v !== 'string'))) {
    causes.push({ reason: 'FieldValueInvalid', field: 'metadata.annotations', message: 'Invalid value: annotations must be a map of strings' });
  }
  causes.push(...kindCauses(object));
  if (old) causes.push(...immutableCauses(object, old));
  if (causes.length > 0) throw invalid(type.group, type.kind, meta.name ?? '', causes);
}
