// Kubernetes reports failures as a `Status` object; every handler throws this
// class and the router turns it into the response.

/** One cause in Status.details.causes (field, reason, message). */
export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

/** An API failure that becomes a metav1.Status response. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number },
  ) {
    super(message);
  }

  /** The JSON body a real API server would send. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: this.message, reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

function resourceName(group: string, plural: string): string {
  return group ? `${plural}.${group}` : plural;
}

/** 404 for a named object, worded as the apiserver words it. */
export function notFound(group: string, plural: string, name: string): StatusError {
  return new StatusError(404, 'NotFound', `${resourceName(group, plural)} "${name}" not found`, { name, group, kind: plural });
}

/** 409 when a create names an object that exists. */
export function alreadyExists(group: string, plural: string, name: string): StatusError {
  return new StatusError(409, 'AlreadyExists', `${resourceName(group, plural)} "${name}" already exists`, { name, group, kind: plural });
}

/** 409 when an update carries a stale resourceVersion. */
export function conflict(group: string, plural: string, name: string): StatusError {
  return new StatusError(409, 'Conflict',
    `Operation cannot be fulfilled on ${resourceName(group, plural)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group, kind: plural });
}

/** 422 with field causes, as validation failures are reported. */
export function invalid(group: string, kind: string, name: string, causes: StatusCause[]): StatusError {
  const summary = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
  const prefix = group ? `${kind}.${group}` : kind;
  return new StatusError(422, 'Invalid', `${prefix} "${name}" is invalid: ${summary}`, { name, group, kind, causes });
}

/** 400 for a malformed request. */
export function badRequest(message: string): StatusError {
  return new StatusError(400, 'BadRequest', message);
}
