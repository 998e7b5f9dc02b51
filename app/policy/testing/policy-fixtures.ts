// Test helpers: build policy sets and requests from YAML text.
import { parseAllDocuments } from 'yaml';
import { createPolicySet, type PolicySet, type PolicySetOptions } from '../policy-set.js';
import { evaluateAdmission } from '../evaluate-admission.js';
import type { AdmissionInput, AdmissionResult, KubeObject } from '../types.js';

/** Parses a multi-document YAML string into objects. */
export function yamlObjects(text: string): KubeObject[] {
  return parseAllDocuments(text).map((d) => d.toJS() as KubeObject).filter(Boolean);
}

/** Compiles a policy set from YAML text. */
export function policySet(text: string, options?: PolicySetOptions): PolicySet {
  return createPolicySet(yamlObjects(text), options);
}

/** A namespace with labels. */
export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** A Deployment with one container per image. */
export function deployment(name: string, options: { namespace?: string; replicas?: number; labels?: Record<string, string>; images?: string[]; apiVersion?: string; podSpec?: Record<string, unknown> } = {}): KubeObject {
  return {
    apiVersion: options.apiVersion ?? 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: options.namespace ?? 'shop', labels: options.labels ?? {} },
    spec: {
      replicas: options.replicas ?? 1,
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: (options.images ?? ['registry.acme.dev/app:1.0']).map((image, i) => ({ name: `c${i}`, image })), ...options.podSpec },
      },
    },
  };
}

/** Evaluates a CREATE of the object in its namespace (labelled as given). */
export function create(set: PolicySet, object: KubeObject, extra: Partial<AdmissionInput> = {}): AdmissionResult {
  const ns = object.metadata?.namespace;
  return evaluateAdmission(set, { operation: 'CREATE', object, namespaceObject: ns ? namespace(ns, { env: 'prod' }) : null, podTemplates: false, asOf: '2026-06-01', ...extra });
}
