// Kubernetes format library (k8s.io/apiserver/pkg/cel/library/format.go, 1.31):
// `format.dns1123Label().validate(s)` yields optional.none() when valid, or
// optional.of(list of error messages).
import { Optional } from '@marcbachmann/cel-js';
import { registerNamespace, type CelRegistrar } from './cel-registrar.js';

type Validator = (value: string) => string[];

/** A named format, the CEL type `kubernetes.NamedFormat`. */
export class NamedFormat {
  constructor(readonly name: string, readonly validate: Validator) {}
}

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function check(value: string, max: number, pattern: RegExp, what: string, example: string): string[] {
  const errors: string[] = [];
  if (value.length > max) errors.push(`must be no more than ${max} characters`);
  if (!pattern.test(value)) errors.push(`a ${what} must consist of ${example}`);
  return errors;
}

function qualifiedName(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'"];
  const name = parts[parts.length - 1]!;
  const errors = check(name, 63, qualifiedNamePart, 'qualified name', "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  if (parts.length === 2) errors.push(...check(parts[0]!, 253, dns1123Subdomain, 'prefix', "lower case alphanumeric characters, '-' or '.'"));
  return errors;
}

const formats: Record<string, Validator> = {
  dns1123Label: (v) => check(v, 63, dns1123Label, 'lowercase RFC 1123 label', "lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"),
  dns1123Subdomain: (v) => check(v, 253, dns1123Subdomain, 'lowercase RFC 1123 subdomain', "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"),
  dns1035Label: (v) => check(v, 63, dns1035Label, 'DNS-1035 label', "lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"),
  qualifiedName,
  labelValue: (v) => check(v, 63, labelValue, 'valid label', "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"),
  dns1123LabelPrefix: (v) => formats.dns1123Label!(v.replace(/-$/, '') || 'a'),
  dns1123SubdomainPrefix: (v) => formats.dns1123Subdomain!(v.replace(/[-.]$/, '') || 'a'),
  dns1035LabelPrefix: (v) => formats.dns1035Label!(v.replace(/-$/, '') || 'a'),
  uuid: (v) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ? [] : ['does not match the UUID format']),
  byte: (v) => (/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v) ? [] : ['invalid base64']),
  date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? [] : ['invalid date']),
  datetime: (v) => (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v) ? [] : ['invalid datetime']),
  uri: (v) => (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(v) ? [] : ['invalid URI']),
};

/** Adds `format.<name>()`, `format.named(name)` and `NamedFormat.validate(string)`. */
export function registerFormatLibrary(env: CelRegistrar): void {
  const T = 'kubernetes.NamedFormat';
  const N = 'kubernetes.FormatNamespace';
  env.registerType(T, NamedFormat);
  registerNamespace(env, 'format', N);
  for (const [name, validate] of Object.entries(formats)) {
    const instance = new NamedFormat(name, validate);
    env.registerFunction(`${N}.${name}(): ${T}`, () => instance);
  }
  env.registerFunction(`${N}.named(string): optional<${T}>`, (_: unknown, name: string) => {
    const validate = formats[name];
    return validate ? Optional.of(new NamedFormat(name, validate)) : Optional.none();
  });
  env.registerFunction(`${T}.validate(string): optional<list<string>>`, (f: NamedFormat, value: string) => {
    const errors = f.validate(value);
    return errors.length ? Optional.of(errors) : Optional.none();
  });
}
