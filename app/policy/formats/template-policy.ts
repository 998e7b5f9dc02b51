// paver.dev/v1alpha1 TemplatePolicy: which template versions a service may
// resolve to, escalating by date (rollout), with exemptions that expire.
import { parseAsOf } from '../k8s/admission-facts.js';
import type { FieldProblem } from '../engine/resource-rules.js';
import { compileVersionRange, type VersionRange } from '../semver/semver-range.js';
import type { KubeObject, PolicyAction } from '../types.js';

const DAY = 86_400_000;

export interface CompiledTemplatePolicy {
  name: string;
  template: string;
  range: VersionRange;
  message?: string;
  environments?: Set<string>;
  /** Steps sorted by date: from `from` (epoch ms) on, a violation takes `action`. */
  rollout: Array<{ action: PolicyAction; from: number; date: string }>;
  /** Exempt through the end of `until` (UTC); `expires` is the first non-exempt instant. */
  exemptions: Array<{ service: string; environment?: string; until: string; expires: number; reason: string }>;
}

/** Compiles a TemplatePolicy. */
export function compileTemplatePolicy(object: KubeObject, problems: FieldProblem[]): CompiledTemplatePolicy | undefined {
  const spec = (object.spec ?? {}) as any;
  if (!spec.template) problems.push({ field: 'spec.template', message: 'a TemplatePolicy needs spec.template (a folder under templates/)' });
  let range: VersionRange | undefined;
  try {
    range = compileVersionRange(String(spec.allowedVersions ?? ''));
    if (!spec.allowedVersions) throw new Error('is empty');
  } catch (error) {
    problems.push({ field: 'spec.allowedVersions', message: `allowedVersions ${JSON.stringify(spec.allowedVersions ?? '')} is not a version range (${(error as Error).message}); write e.g. ">=2.0.0" or "^2.0.0 || ^3.0.0"` });
  }
  const rollout: CompiledTemplatePolicy['rollout'] = [];
  (Array.isArray(spec.rollout) ? spec.rollout : []).forEach((step: any, i: number) => {
    const from = parseAsOf(String(step?.from ?? ''));
    if (from === undefined) problems.push({ field: `spec.rollout[${i}].from`, message: `${JSON.stringify(step?.from)} is not a date; write YYYY-MM-DD` });
    if (!['Audit', 'Warn', 'Deny'].includes(step?.action)) problems.push({ field: `spec.rollout[${i}].action`, message: 'action must be Audit, Warn or Deny' });
    else if (from !== undefined) rollout.push({ action: step.action, from, date: String(step.from) });
  });
  if (rollout.length === 0) problems.push({ field: 'spec.rollout', message: 'rollout needs at least one step, e.g. {action: Warn, from: "2026-12-01"}' });
  rollout.sort((a, b) => a.from - b.from);
  const exemptions: CompiledTemplatePolicy['exemptions'] = [];
  (Array.isArray(spec.exemptions) ? spec.exemptions : []).forEach((e: any, i: number) => {
    const until = parseAsOf(String(e?.until ?? ''));
    if (until === undefined) { problems.push({ field: `spec.exemptions[${i}].until`, message: `${JSON.stringify(e?.until)} is not a date; write YYYY-MM-DD` }); return; }
    if (!e?.service) { problems.push({ field: `spec.exemptions[${i}].service`, message: 'an exemption names a service' }); return; }
    exemptions.push({ service: String(e.service), environment: e.environment ? String(e.environment) : undefined, until: String(e.until), expires: until + DAY, reason: String(e.reason ?? '') });
  });
  if (!range || !spec.template) return undefined;
  return {
    name: object.metadata?.name ?? '', template: String(spec.template), range, message: spec.message ? String(spec.message) : undefined,
    environments: Array.isArray(spec.environments) ? new Set(spec.environments.map(String)) : undefined, rollout, exemptions,
  };
}
