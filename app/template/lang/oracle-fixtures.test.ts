// Differential fixtures generated with the Go oracle (testing/generate-fixtures.ts):
// language features the shared probes cover thinly, plus a random sample.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRequest, type EvalRequest } from '../eval/evaluate.js';
import { normalizeGoError } from './testing/random-template.js';

interface Fixture extends EvalRequest {
  id: string;
  expectedOutput: string;
  expectedError: string;
}

const fixtures = JSON.parse(readFileSync(new URL('../testdata/probes/oracle-fixtures.json', import.meta.url), 'utf8')) as Fixture[];

describe('Go oracle fixtures', () => {
  it.each(fixtures.map((f) => [f.id, f] as const))('%s', (_id, f) => {
    const r = evaluateRequest(f);
    // The oracle here is Go 1.19; Go 1.26 appends the operand types to this one message.
    expect({ output: r.output, error: normalizeGoError(r.error) }).toEqual({ output: f.expectedOutput, error: normalizeGoError(f.expectedError) });
  });
});
