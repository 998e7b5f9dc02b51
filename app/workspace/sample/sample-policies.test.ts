// The sample's policies must all load in Paver's policy engine, and the
// TemplatePolicies must tell the dated story the sample README promises.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createPolicySet, evaluateTemplatePolicies, type KubeObject } from '../../policy/index.js';
import { defaultSampleDir } from './resources-dir.js';

const policiesDir = join(defaultSampleDir(), 'policies');
const objects = readdirSync(policiesDir).sort().flatMap((file) =>
  parseAllDocuments(readFileSync(join(policiesDir, file), 'utf8')).map((document) => document.toJS() as KubeObject));
const set = createPolicySet(objects);

function outcome(service: string, template: string, version: string, asOf: string) {
  const outcomes = evaluateTemplatePolicies(set, { service, environment: 'prod', template, version, asOf });
  return outcomes.map((result) => `${result.policy}: ${result.status}${result.action ? ` ${result.action}` : ''}`);
}

describe('the sample policies in Paver\'s policy engine', () => {
  it('all compile, and every admission policy has a binding or constraint', () => {
    expect(set.problems).toEqual([]);
    expect(set.unboundPolicies).toEqual([]);
    expect(set.templatePolicies.map((policy) => policy.name).sort()).toEqual(['web-service-v2', 'worker-supported']);
  });

  it('warns about web-service 1.x from 2026-12-01 and blocks it from 2027-01-15', () => {
    expect(outcome('search-api', 'web-service', '1.2.0', '2026-11-27')).toEqual(['web-service-v2: inactive']);
    expect(outcome('search-api', 'web-service', '1.2.0', '2026-12-01')).toEqual(['web-service-v2: violation Warn']);
    expect(outcome('status-page', 'web-service', '1.0.0', '2027-01-15')).toEqual(['web-service-v2: violation Deny']);
    expect(outcome('checkout', 'web-service', '2.0.0', '2027-01-15')).toEqual(['web-service-v2: pass']);
  });

  it('exempts legacy-billing until 2027-03-01 and blocks it the day after', () => {
    expect(outcome('legacy-billing', 'web-service', '1.2.0', '2027-03-01')).toEqual(['web-service-v2: exempt']);
    expect(outcome('legacy-billing', 'web-service', '1.2.0', '2027-03-02')).toEqual(['web-service-v2: violation Deny']);
  });

  it('warns about worker 1.0.0 today, because search-crawler\'s exemption has run out', () => {
    expect(outcome('search-crawler', 'worker', '1.0.0', '2026-11-27')).toEqual(['worker-supported: violation Warn']);
    expect(outcome('search-crawler', 'worker', '1.0.0', '2026-11-15')).toEqual(['worker-supported: exempt']);
    expect(outcome('search-indexer', 'worker', '1.1.1', '2026-11-27')).toEqual(['worker-supported: pass']);
  });
});
