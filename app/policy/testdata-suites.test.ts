// Runs the Gatekeeper-library-style and Kyverno-style policies under
// testdata/ against their own test resources (cases.yaml next to each policy).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createPolicySet } from './policy-set.js';
import { evaluateAdmission } from './evaluate-admission.js';
import { namespace, yamlObjects } from './testing/policy-fixtures.js';
import type { AdmissionOperation, KubeObject } from './types.js';

interface Case {
  name: string;
  expect: 'allow' | 'deny' | 'warn' | 'audit' | 'pods-fail' | 'not-evaluated';
  message?: string;
  violations?: number;
  operation?: AdmissionOperation;
  namespaceLabels?: Record<string, string>;
  object: KubeObject;
}

const root = join(import.meta.dirname, 'testdata');

for (const engine of readdirSync(root)) {
  for (const policy of readdirSync(join(root, engine))) {
    const dir = join(root, engine, policy);
    describe(`${engine}/${policy}`, () => {
      const set = createPolicySet(yamlObjects(readFileSync(join(dir, 'policy.yaml'), 'utf8')));
      it('compiles without problems', () => {
        expect(set.problems).toEqual([]);
      });
      const cases = parse(readFileSync(join(dir, 'cases.yaml'), 'utf8')) as Case[];
      for (const c of cases) {
        it(c.name, () => {
          const ns = c.object.metadata?.namespace;
          const operation = c.operation ?? 'CREATE';
          const result = evaluateAdmission(set, {
            operation, object: c.object, oldObject: operation === 'CREATE' ? null : c.object,
            namespaceObject: ns ? namespace(ns, c.namespaceLabels ?? {}) : null, asOf: '2026-06-01',
          });
          expect(result.errors).toEqual([]);
          const own = result.violations.filter((v) => !v.podTemplate);
          const pods = result.violations.filter((v) => v.podTemplate);
          switch (c.expect) {
            case 'allow': expect(result.violations).toEqual([]); expect(result.allowed).toBe(true); expect(result.notEvaluated).toEqual([]); break;
            case 'deny': expect(result.allowed).toBe(false); break;
            case 'warn': expect(result.allowed).toBe(true); expect(result.warnings.length).toBeGreaterThan(0); break;
            case 'audit': expect(result.allowed).toBe(true); expect(own.map((v) => v.action)).toContain('Audit'); break;
            case 'pods-fail': expect(result.allowed).toBe(true); expect(pods.length).toBeGreaterThan(0); break;
            case 'not-evaluated': expect(result.violations).toEqual([]); expect(result.notEvaluated[0]!.reason).toContain(c.message); return;
          }
          if (c.message) expect(result.violations.map((v) => v.message)).toContain(c.message);
          if (c.violations) expect(result.violations).toHaveLength(c.violations);
        });
      }
    });
  }
}
