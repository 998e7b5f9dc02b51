// How the API server answers a request a policy denied: the HTTP status
// built from the first Deny violation's reason and message, plus the warnings.
// For the demo cluster, which must reject like a real API server does.
import type { AdmissionResult } from './types.js';

/** The Status an API server returns for a denied request. */
export interface DenialStatus {
  kind: 'Status';
  apiVersion: 'v1';
  status: 'Failure';
  code: number;
  reason: string;
  message: string;
  details?: { causes: Array<{ message: string; field?: string }> };
}

const codes: Record<string, number> = { Invalid: 422, Forbidden: 403, Unauthorized: 401, RequestEntityTooLarge: 413, InternalError: 500 };

/**
 * Null when the request is allowed; otherwise the Status to return.
 * @example
 * const status = admissionDenialStatus(evaluateAdmission(set, input));
 * if (status) respond(status.code, status);
 */
export function admissionDenialStatus(result: AdmissionResult): DenialStatus | null {
  if (result.allowed) return null;
  const denials = result.violations.filter((v) => !v.podTemplate && v.actions.includes('Deny'));
  const first = denials[0];
  if (!first) return null;
  const who = first.source === 'Gatekeeper'
    ? `admission webhook "validation.gatekeeper.sh" denied the request: [${first.binding}]`
    : first.source === 'ValidatingAdmissionPolicy'
      ? `ValidatingAdmissionPolicy '${first.policy}' with binding '${first.binding}' denied request:`
      : `admission webhook "validate.kyverno.svc" denied the request: ${first.policy}/${first.binding}:`;
  const reason = first.error ? 'InternalError' : first.reason;
  return {
    kind: 'Status', apiVersion: 'v1', status: 'Failure',
    code: codes[reason] ?? 422,
    reason: reason === 'InternalError' ? 'InternalError' : reason,
    message: `${who} ${first.message}`,
    details: { causes: denials.map((v) => ({ message: v.message, ...(v.fieldPath ? { field: v.fieldPath } : {}) })) },
  };
}
