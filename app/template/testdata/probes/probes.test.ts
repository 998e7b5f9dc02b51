// Conformance: every shared probe case (expected outputs from Go 1.26
// text/template, Helm mode) must match, except the ids in KNOWN-FAILURES.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRequest, type EvalRequest } from '../../eval/evaluate.js';
import { registeredFuncSets } from '../../eval/func-sets.js';
// Registers the "sprig" and "helm" maps (Engineer B's app/template/funcs) with the evaluator.
import '../../funcs/index.js';

interface Probe extends EvalRequest {
  id: string;
  expected?: string;
  expectError?: boolean;
  expectedError?: string;
  partialOutput?: string;
}

function load(file: string): Probe[] {
  return JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Probe[];
}

const knownFailures = new Set(
  [...readFileSync(new URL('./KNOWN-FAILURES.md', import.meta.url), 'utf8').matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]),
);

function expectation(c: Probe): string {
  if (c.expectError) return `output=${JSON.stringify(c.partialOutput ?? '')} error=${JSON.stringify(c.expectedError)}`;
  return `output=${JSON.stringify(c.expected)} error=""`;
}

function outcome(c: Probe): { ok: boolean; got: string } {
  const r = evaluateRequest(c, registeredFuncSets);
  const got = `output=${JSON.stringify(c.expectError && c.partialOutput === undefined ? '' : r.output)} error=${JSON.stringify(r.error)}`;
  return { ok: got === expectation(c), got };
}

describe('helm-core-probes.json (Go text/template core, Helm mode)', () => {
  const cases = load('./helm-core-probes.json');
  it('has all 1,297 cases', () => expect(cases.length).toBe(1297));
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { ok, got } = outcome(c);
    if (knownFailures.has(c.id)) {
      expect(ok, `${c.id} is listed in KNOWN-FAILURES.md but passes now: remove it from the list`).toBe(false);
    } else {
      expect(got, `template ${JSON.stringify(c.template)}`).toBe(expectation(c));
    }
  });
});

const funcsAvailable = registeredFuncSets('sprig') !== undefined && registeredFuncSets('helm') !== undefined;

describe('helm-funcs-probes.json (Sprig + Helm functions)', () => {
  const cases = load('./helm-funcs-probes.json');
  it('has all 105 cases', () => expect(cases.length).toBe(105));
  // Skipped only while app/template/funcs has not registered its "sprig"/"helm" maps.
  it.skipIf(!funcsAvailable).each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { ok, got } = outcome(c);
    if (knownFailures.has(c.id)) {
      expect(ok, `${c.id} is listed in KNOWN-FAILURES.md but passes now: remove it from the list`).toBe(false);
    } else {
      expect(got, `template ${JSON.stringify(c.template)}`).toBe(expectation(c));
    }
  });
});
