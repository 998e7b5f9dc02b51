import { describe, expect, it } from 'vitest';
import { evaluateTemplatePolicies } from './evaluate-template-policies.js';
import { policySet } from './testing/policy-fixtures.js';

const policy = `
apiVersion: paver.dev/v1alpha1
kind: TemplatePolicy
metadata: { name: web-service-v2 }
spec:
  template: web-service
  allowedVersions: ">=2.0.0"
  message: upgrade to 2.x
  rollout:
    - { action: Deny, from: "2027-01-15" }
    - { action: Warn, from: "2026-12-01" }
  exemptions:
    - { service: legacy-billing, until: "2027-03-01", reason: migration in progress }
    - { service: search, environment: dev, until: "2027-06-01", reason: dev only }
`;

const use = (service: string, version: string, asOf: string, environment = 'prod') =>
  evaluateTemplatePolicies(policySet(policy), { service, environment, template: 'web-service', version, asOf });

describe('TemplatePolicy', () => {
  it('an allowed version passes', () => {
    expect(use('checkout', '2.1.0', '2027-02-01')[0]).toMatchObject({ status: 'pass' });
  });

  it('before the first rollout date the rule is inactive, then warns, then denies', () => {
    expect(use('checkout', '1.4.0', '2026-11-30')[0]).toMatchObject({ status: 'inactive' });
    expect(use('checkout', '1.4.0', '2026-12-01')[0]).toMatchObject({ status: 'violation', action: 'Warn', message: expect.stringContaining('upgrade to 2.x') });
    expect(use('checkout', '1.4.0', '2027-01-15')[0]).toMatchObject({ status: 'violation', action: 'Deny' });
  });

  it('lists the future dates on which the outcome changes', () => {
    expect(use('checkout', '1.4.0', '2026-11-01')[0]!.changes).toEqual([{ date: '2026-12-01', action: 'Warn' }, { date: '2027-01-15', action: 'Deny' }]);
  });

  it('an exemption holds through its last day, then expires', () => {
    expect(use('legacy-billing', '1.4.0', '2027-03-01')[0]).toMatchObject({ status: 'exempt', exemption: { until: '2027-03-01' } });
    expect(use('legacy-billing', '1.4.0', '2027-03-02')[0]).toMatchObject({ status: 'violation', action: 'Deny' });
    expect(use('legacy-billing', '1.4.0', '2027-02-01')[0]!.changes).toEqual([{ date: '2027-03-02', action: 'Deny' }]);
  });

  it('an exemption limited to an environment applies only there', () => {
    expect(use('search', '1.0.0', '2027-02-01', 'dev')[0]!.status).toBe('exempt');
    expect(use('search', '1.0.0', '2027-02-01', 'prod')[0]!.status).toBe('violation');
  });

  it('other templates are not affected', () => {
    expect(evaluateTemplatePolicies(policySet(policy), { service: 'x', environment: 'prod', template: 'worker', version: '0.1.0', asOf: '2027-02-01' })).toEqual([]);
  });

  it('a bad range or date is a problem naming the field', () => {
    const set = policySet(policy.replace('">=2.0.0"', '">=two"').replace('"2027-01-15"', '"soon"'));
    expect(set.problems.map((p) => p.field)).toEqual(['spec.allowedVersions', 'spec.rollout[0].from']);
  });
});
