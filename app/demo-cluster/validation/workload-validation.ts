// Workload validation: selectors must be present and match the template's labels.
import type { StatusCause } from '../api/status-error.js';
import { matcherFor, requirementsOf } from '../store/label-selector.js';
import { checkLabels } from './names.js';
import { validatePodSpec } from './pod-validation.js';

function checkReplicas(value: unknown, field: string): StatusCause[] {
  if (value === undefined) return [];
  return Number.isInteger(value) && (value as number) >= 0 ? [] :
    [{ reason: 'FieldValueInvalid', field, message: `Invalid value: ${JSON.stringify(value)}: must be greater than or equal to 0` }];
}

/** Validates Deployments, ReplicaSets, StatefulSets and DaemonSets. */
export function validateWorkload(object: any): StatusCause[] {
  const spec = object.spec;
  if (!spec) return [{ reason: 'FieldValueRequired', field: 'spec', message: 'Required value' }];
  const causes = [...checkReplicas(spec.replicas, 'spec.replicas')];
  const selector = spec.selector;
  const requirements = requirementsOf(selector);
  if (!selector || requirements.length === 0) {
    causes.push({ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' });
  }
  const labels = spec.template?.metadata?.labels;
  causes.push(...checkLabels(labels, 'spec.template.metadata.labels'));
  if (requirements.length > 0 && !matcherFor(requirements)(labels)) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.template.metadata.labels', message: `Invalid value: ${JSON.stringify(labels ?? {})}: \`selector\` does not match template \`labels\`` });
  }
  causes.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  const restart = spec.template?.spec?.restartPolicy;
  if (restart && restart !== 'Always') {
    causes.push({ reason: 'FieldValueNotSupported', field: 'spec.template.spec.restartPolicy', message: `Unsupported value: "${restart}": supported values: "Always"` });
  }
  return causes;
}

/** Validates Jobs (restartPolicy must be OnFailure or Never). */
export function validateJobSpec(spec: any, field: string): StatusCause[] {
  if (!spec) return [{ reason: 'FieldValueRequired', field, message: 'Required value' }];
  const causes = validatePodSpec(spec.template?.spec, `${field}.template.spec`);
  const restart = spec.template?.spec?.restartPolicy;
  if (restart !== 'OnFailure' && restart !== 'Never') {
    causes.push({ reason: 'FieldValueNotSupported', field: `${field}.template.spec.restartPolicy`, message: `Unsupported value: "${restart ?? 'Always'}": supported values: "OnFailure", "Never"` });
  }
  return causes;
}

/** Validates CronJobs: a 5-field schedule and a valid job template. */
export function validateCronJob(object: any): StatusCause[] {
  const spec = object.spec;
  const causes: StatusCause[] = [];
  const schedule = spec?.schedule;
  if (typeof schedule !== 'string' || (!schedule.startsWith('@') && schedule.trim().split(/\s+/).length !== 5)) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.schedule', message: `Invalid value: ${JSON.stringify(schedule)}: a 5-field cron schedule is required` });
  }
  causes.push(...validateJobSpec(spec?.jobTemplate?.spec, 'spec.jobTemplate.spec'));
  return causes;
}
