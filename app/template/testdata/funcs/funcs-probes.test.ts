// The 105 shared helm-funcs probes (expected outputs from Go + sprig + Helm's
// function map) run through the engine with app/template/funcs registered.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../funcs/index.js';
import { evaluateRequest, type EvalRequest } from '../../eval/evaluate.js';
import { registeredFuncSets } from '../../eval/func-sets.js';

interface Probe extends EvalRequest {
  id: string;
  expected?: string;
  expectError?: boolean;
  expectedError?: string;
}

const cases = JSON.parse(readFileSync(new URL('../probes/helm-funcs-probes.json', import.meta.url), 'utf8')) as Probe[];

describe('helm-funcs probes through sprigFunctions/helmFunctions', () => {
  it('has all 105 cases', () => expect(cases.length).toBe(105));
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const r = evaluateRequest(c, registeredFuncSets);
    if (c.expectError) expect(r.error).toBe(c.expectedError);
    else expect({ output: r.output, error: r.error }).toEqual({ output: c.expected, error: '' });
  });
});
