// cel-go lists extension v3 (Kubernetes 1.34, Kyverno): documented semantics.
import { describe, expect, it } from 'vitest';
import { compileCel } from './cel-environment.js';
import { toCelValue } from './to-cel-value.js';
import { createPolicySet } from '../policy-set.js';
import { yamlObjects } from '../testing/policy-fixtures.js';

const run = (expression: string, object: unknown = {}) => compileCel(expression).evaluate({ object: toCelValue(object) });

describe('lists extension', () => {
  it('slices, flattens, dedupes and reverses', () => {
    expect(run('[1, 2, 3, 4].slice(1, 3)')).toEqual([2n, 3n]);
    expect(() => run('[1, 2].slice(1, 3)')).toThrow(/list is length 2/);
    expect(() => run('[1, 2].slice(2, 1)')).toThrow(/start index must be less than or equal to end index/);
    expect(run('[1, [2, [3, [4]]]].flatten()')).toEqual([1n, 2n, [3n, [4n]]]);
    expect(run('[1, [2, [3, [4]]]].flatten(2)')).toEqual([1n, 2n, 3n, [4n]]);
    expect(run("[1, 2, 1, 'a', 'a'].distinct()")).toEqual([1n, 2n, 'a']);
    expect(run('object.items.reverse()', { items: ['a', 'b'] })).toEqual(['b', 'a']);
    expect(run('object.name.reverse()', { name: 'ab' })).toBe('ba');
    expect(run('lists.range(3)')).toEqual([0n, 1n, 2n]);
  });

  it('sorts comparable elements, and sorts by a key expression', () => {
    expect(run("['b', 'c', 'a'].sort()")).toEqual(['a', 'b', 'c']);
    expect(run('[2.5, 1.0].sort()')).toEqual([1, 2.5]);
    expect(() => run("[1, 'a'].sort()")).toThrow(/same type/);
    const containers = { containers: [{ name: 'b', cpu: 2 }, { name: 'a', cpu: 3 }, { name: 'c', cpu: 1 }] };
    expect(run('object.containers.sortBy(c, c.cpu).map(c, c.name)', containers)).toEqual(['c', 'b', 'a']);
    expect(run('object.containers.sortBy(c, c.name)[0].cpu', containers)).toBe(3n);
  });

  it('is flagged for clusters older than Kubernetes 1.34', () => {
    const policy = yamlObjects(`
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: p }
spec:
  matchConstraints: { resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: ["*"], resources: [deployments] }] }
  validations: [{ expression: "object.spec.template.spec.containers.map(c, c.name).distinct().size() > 0" }]`);
    expect(createPolicySet(policy, { kubeVersion: '1.33' }).problems[0]!.message).toContain('uses lists extension, which needs Kubernetes 1.34');
    expect(createPolicySet(policy, { kubeVersion: '1.34' }).problems).toEqual([]);
  });
});
