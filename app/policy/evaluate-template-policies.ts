// Evaluates TemplatePolicies for one (service, environment, resolved template
// version) at a date, and lists the dates on which the outcome will change.
import { parseAsOf } from './k8s/admission-facts.js';
import type { CompiledTemplatePolicy } from './formats/template-policy.js';
import type { PolicySet } from './policy-set.js';
import type { PolicyAction } from './types.js';

/** What to evaluate TemplatePolicies for. */
export interface TemplateUse {
  service: string;
  environment: string;
  template: string;
  /** The resolved version (e.g. "1.4.2"). */
  version: string;
  /** YYYY-MM-DD or RFC 3339. */
  asOf: string;
}

/** The outcome of one TemplatePolicy for one template use. */
export interface TemplatePolicyOutcome {
  policy: string;
  /** pass: version allowed; violation: not allowed and an action applies; exempt; inactive: not allowed but before the first rollout date. */
  status: 'pass' | 'violation' | 'exempt' | 'inactive';
  action?: PolicyAction;
  message: string;
  allowedVersions: string;
  /** For exempt: until when, and why. */
  exemption?: { until: string; reason: string };
  /** Future dates (YYYY-MM-DD) on which this outcome changes, with the action from then on. */
  changes: Array<{ date: string; action: PolicyAction | 'none' }>;
}

function actionAt(policy: CompiledTemplatePolicy, at: number): PolicyAction | undefined {
  let action: PolicyAction | undefined;
  for (const step of policy.rollout) if (step.from <= at) action = step.action;
  return action;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Evaluates every TemplatePolicy for the template this service uses. */
export function evaluateTemplatePolicies(set: PolicySet, use: TemplateUse): TemplatePolicyOutcome[] {
  const at = parseAsOf(use.asOf);
  if (at === undefined) throw new Error(`asOf ${JSON.stringify(use.asOf)} is not a date; write YYYY-MM-DD`);
  const outcomes: TemplatePolicyOutcome[] = [];
  for (const policy of set.templatePolicies) {
    if (policy.template !== use.template) continue;
    if (policy.environments && !policy.environments.has(use.environment)) continue;
    const base = { policy: policy.name, allowedVersions: policy.range.text };
    if (policy.range.test(use.version)) { outcomes.push({ ...base, status: 'pass', message: `${use.template} ${use.version} satisfies ${policy.range.text}`, changes: [] }); continue; }
    const exemption = policy.exemptions.find((e) => e.service === use.service && (!e.environment || e.environment === use.environment));
    const exempt = exemption !== undefined && at < exemption.expires;
    const message = `${use.service} (${use.environment}) uses ${use.template} ${use.version}, outside ${policy.range.text}${policy.message ? `: ${policy.message}` : ''}`;
    const effective = (t: number): PolicyAction | undefined => (exemption && t < exemption.expires ? undefined : actionAt(policy, t));
    const moments = [...policy.rollout.map((s) => s.from), ...(exemption ? [exemption.expires] : [])].filter((t) => t > at).sort((a, b) => a - b);
    const changes: TemplatePolicyOutcome['changes'] = [];
    let previous = effective(at);
    for (const t of moments) {
      const next = effective(t);
      if (next !== previous) changes.push({ date: day(t), action: next ?? 'none' });
      previous = next;
    }
    if (exempt) { outcomes.push({ ...base, status: 'exempt', message: `${message} (exempt until ${exemption.until}: ${exemption.reason})`, exemption: { until: exemption.until, reason: exemption.reason }, changes }); continue; }
    const action = actionAt(policy, at);
    outcomes.push(action ? { ...base, status: 'violation', action, message, changes } : { ...base, status: 'inactive', message: `${message} (rollout starts ${policy.rollout[0]?.date})`, changes });
  }
  return outcomes;
}
