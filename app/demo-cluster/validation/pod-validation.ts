// Pod spec validation: the checks users hit most (names, images, ports, duplicates).
import type { StatusCause } from '../api/status-error.js';
import { checkDns1123Label } from './names.js';

function checkContainers(list: unknown, field: string, required: boolean): StatusCause[] {
  if (list === undefined && !required) return [];
  if (!Array.isArray(list) || list.length === 0) {
    return required ? [{ reason: 'FieldValueRequired', field, message: 'Required value' }] : [];
  }
  const causes: StatusCause[] = [];
  const seen = new Set<string>();
  list.forEach((container: any, index) => {
    const at = `${field}[${index}]`;
    causes.push(...checkDns1123Label(container?.name, `${at}.name`));
    if (typeof container?.name === 'string') {
      if (seen.has(container.name)) causes.push({ reason: 'FieldValueDuplicate', field: `${at}.name`, message: `Duplicate value: "${container.name}"` });
      seen.add(container.name);
    }
    if (typeof container?.image !== 'string' || !container.image.trim()) {
      causes.push({ reason: 'FieldValueRequired', field: `${at}.image`, message: 'Required value' });
    }
    (Array.isArray(container?.ports) ? container.ports : []).forEach((port: any, p: number) => {
      const n = port?.containerPort;
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        causes.push({ reason: 'FieldValueInvalid', field: `${at}.ports[${p}].containerPort`, message: `Invalid value: ${JSON.stringify(n)}: must be between 1 and 65535, inclusive` });
      }
    });
    (Array.isArray(container?.env) ? container.env : []).forEach((env: any, e: number) => {
      if (typeof env?.name !== 'string' || !env.name) causes.push({ reason: 'FieldValueRequired', field: `${at}.env[${e}].name`, message: 'Required value' });
    });
  });
  return causes;
}

/** Validates a pod spec found at `field` (e.g. `spec.template.spec`). */
export function validatePodSpec(spec: any, field: string): StatusCause[] {
  if (!spec || typeof spec !== 'object') return [{ reason: 'FieldValueRequired', field, message: 'Required value' }];
  const causes = [
    ...checkContainers(spec.containers, `${field}.containers`, true),
    ...checkContainers(spec.initContainers, `${field}.initContainers`, false),
  ];
  const restart = spec.restartPolicy;
  if (restart !== undefined && !['Always', 'OnFailure', 'Never'].includes(restart)) {
    causes.push({ reason: 'FieldValueNotSupported', field: `${field}.restartPolicy`, message: `Unsupported value: "${restart}": supported values: "Always", "OnFailure", "Never"` });
  }
  return causes;
}
