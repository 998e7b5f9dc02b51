// Everything the matchers and CEL need about one request, computed once and
// shared by every policy evaluated against it.
import { authorizerValue, type CelActivation } from '../cel/cel-environment.js';
import { toCelValue } from '../cel/to-cel-value.js';
import type { AdmissionInput, KubeObject, UserInfo } from '../types.js';
import { splitApiVersion, type ResourceTable } from './resource-names.js';

/** The request as matchers and CEL see it. */
export interface AdmissionFacts {
  operation: AdmissionInput['operation'];
  /** The object, or the old object on DELETE. */
  subject: KubeObject;
  group: string;
  version: string;
  kind: string;
  resource: string;
  subResource: string;
  namespaced: boolean;
  /** The request namespace ('' for cluster-scoped). */
  namespace: string;
  name: string;
  labels: Record<string, string> | undefined;
  /** Labels of the old object on UPDATE (objectSelector matches either). */
  oldLabels: Record<string, string> | undefined;
  /** Labels of the namespace (for a Namespace object: its own), or undefined for other cluster-scoped objects. */
  namespaceLabels: Record<string, string> | undefined;
  isNamespace: boolean;
  /** True for a Pod Paver made from a workload's pod template (Gatekeeper's "Generated" source). */
  generated: boolean;
  /** The last policy set's plan for these facts (facts are reused for an identical request). */
  plan?: { set: object; bindings: readonly unknown[] };
  asOf: number;
  /** The reusable CEL activation; params and variables are set per binding. */
  activation: CelActivation;
  /** `request` as a CEL value. */
  celRequest: unknown;
  rawNamespaceObject: KubeObject | null;
  userInfo: { username: string; groups: string[] };
}

const noUser: UserInfo = {};
const emptyUser = Object.freeze({ username: '', uid: '', groups: Object.freeze([]), extra: Object.freeze({}) });
const emptyOptions = Object.freeze({});

/** Parses an as-of date (YYYY-MM-DD or RFC 3339) to epoch ms; undefined for invalid input. */
let lastAsOf: [string, number | undefined] = ['', undefined];

export function parseAsOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (lastAsOf[0] === text) return lastAsOf[1];
  const ms = parseDate(text);
  lastAsOf = [text, ms];
  return ms;
}

function parseDate(text: string): number | undefined {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? undefined : ms;
}

// The last facts built for each object: a warm simulation admits the same objects
// again (with the same namespace and date), and facts hold nothing a policy
// evaluation keeps (params and variables are set again for every binding).
const recent = new WeakMap<object, { input: AdmissionInput; table: ResourceTable; facts: AdmissionFacts }>();

/** Like buildAdmissionFacts, reusing the facts of an identical request for the same object. */
export function admissionFactsFor(input: AdmissionInput, table: ResourceTable, now: number): AdmissionFacts {
  const key = input.object ?? input.oldObject;
  if (!key || !input.asOf) return buildAdmissionFacts(input, table, now);
  const last = recent.get(key);
  if (last && last.table === table && sameRequest(last.input, input)) return last.facts;
  const facts = buildAdmissionFacts(input, table, now);
  recent.set(key, { input, table, facts });
  return facts;
}

function sameRequest(a: AdmissionInput, b: AdmissionInput): boolean {
  return a.operation === b.operation && a.object === b.object && a.oldObject === b.oldObject && a.namespaceObject === b.namespaceObject
    && a.userInfo === b.userInfo && a.asOf === b.asOf && a.subResource === b.subResource;
}

/** Builds the facts for an input; `now` is the host clock's reading for a missing asOf. */
export function buildAdmissionFacts(input: AdmissionInput, table: ResourceTable, now: number): AdmissionFacts {
  const object = input.operation === 'DELETE' ? null : (input.object ?? null);
  const oldObject = input.operation === 'CREATE' ? null : (input.oldObject ?? null);
  const subject = (object ?? oldObject ?? {}) as KubeObject;
  const { group, version } = splitApiVersion(subject.apiVersion);
  const kind = subject.kind ?? '';
  const info = table.lookup(group, kind);
  const isNamespace = group === '' && kind === 'Namespace';
  const nsObject = input.namespaceObject ?? null;
  const namespace = info.namespaced ? (subject.metadata?.namespace ?? nsObject?.metadata?.name ?? 'default') : '';
  // The API server sets request.namespace to the name when the object is a Namespace.
  const requestNamespace = isNamespace ? (subject.metadata?.name ?? '') : namespace;
  const namespaceLabels = isNamespace ? subject.metadata?.labels ?? {} : info.namespaced ? (nsObject?.metadata?.labels ?? {}) : undefined;
  const name = subject.metadata?.name ?? '';
  const user = input.userInfo ?? noUser;
  // Built directly as a CEL value: it holds no numbers, so no conversion walk is needed.
  const kindValue = { group, version, kind };
  const resourceValue = { group, version, resource: info.resource };
  const celRequest = {
    uid: '00000000-0000-0000-0000-000000000000',
    kind: kindValue,
    resource: resourceValue,
    subResource: input.subResource ?? '',
    requestKind: kindValue,
    requestResource: resourceValue,
    requestSubResource: input.subResource ?? '',
    name,
    namespace: requestNamespace,
    operation: input.operation,
    userInfo: user === noUser ? emptyUser : { username: user.username ?? '', uid: user.uid ?? '', groups: user.groups ?? [], extra: user.extra ?? {} },
    dryRun: true,
    options: emptyOptions,
  };
  const activation: CelActivation = {
    object: toCelValue(object, info.numberPaths),
    oldObject: toCelValue(oldObject, info.numberPaths),
    request: celRequest,
    params: null,
    namespaceObject: info.namespaced && nsObject ? toCelValue(nsObject) : null,
    variables: null,
    authorizer: authorizerValue,
  };
  return {
    operation: input.operation, subject, group, version, kind, resource: info.resource, subResource: input.subResource ?? '',
    namespaced: info.namespaced, namespace, name, labels: subject.metadata?.labels, oldLabels: object && oldObject ? oldObject.metadata?.labels : undefined, namespaceLabels, isNamespace, generated: false,
    asOf: parseAsOf(input.asOf) ?? now, activation, celRequest, rawNamespaceObject: nsObject,
    userInfo: { username: user.username ?? '', groups: user.groups ?? [] },
  };
}
