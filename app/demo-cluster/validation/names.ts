// Name and label syntax checks with the apiserver's wording.
import type { StatusCause } from '../api/status-error.js';

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Causes for a value that must be a DNS-1123 label (namespaces, services, containers). */
export function checkDns1123Label(value: unknown, field: string): StatusCause[] {
  if (typeof value !== 'string' || !value) return [{ reason: 'FieldValueRequired', field, message: 'Required value' }];
  if (value.length > 63 || !dns1123Label.test(value)) {
    return [{
      reason: 'FieldValueInvalid', field,
      message: `Invalid value: "${value}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    }];
  }
  return [];
}

/** Causes for a value that must be a DNS-1123 subdomain (most object names). */
export function checkDns1123Subdomain(value: unknown, field: string): StatusCause[] {
  if (typeof value !== 'string' || !value) return [{ reason: 'FieldValueRequired', field, message: 'Required value' }];
  if (value.length > 253 || !dns1123Subdomain.test(value)) {
    return [{
      reason: 'FieldValueInvalid', field,
      message: `Invalid value: "${value}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    }];
  }
  return [];
}

function checkQualifiedName(key: string, field: string): StatusCause[] {
  const parts = key.split('/');
  const name = parts.pop()!;
  const prefix = parts.join('/');
  const bad = parts.length > 1 || (prefix && checkDns1123Subdomain(prefix, field).length > 0) || name.length > 63 || !qualifiedNamePart.test(name);
  return bad ? [{ reason: 'FieldValueInvalid', field, message: `Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character` }] : [];
}

/** Causes for invalid label keys or values. */
export function checkLabels(labels: unknown, field: string): StatusCause[] {
  if (labels === undefined || labels === null) return [];
  if (typeof labels !== 'object' || Array.isArray(labels)) return [{ reason: 'FieldValueInvalid', field, message: 'Invalid value: must be a map of strings' }];
  const causes: StatusCause[] = [];
  for (const [key, value] of Object.entries(labels)) {
    causes.push(...checkQualifiedName(key, field));
    if (typeof value !== 'string' || value.length > 63 || !labelValue.test(value)) {
      causes.push({ reason: 'FieldValueInvalid', field: `${field}`, message: `Invalid value: "${String(value)}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character` });
    }
  }
  return causes;
}
