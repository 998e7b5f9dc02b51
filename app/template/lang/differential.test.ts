// Randomized differential test: templates generated from a grammar with a
// fixed seed run through this engine and through the Go oracle, compared
// byte for byte. Needs the oracle binary at $PAVER_GO_ORACLE.
import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../eval/evaluate.js';
import { oraclePath, runOracle } from './testing/oracle.js';
import { differsInGo126, generateBrokenCases, generateCases, normalizeGoError, showsGoAddresses } from './testing/random-template.js';

const oracle = oraclePath();

describe('random templates vs the Go oracle', () => {
  if (!oracle) {
    it.skip('skipped: PAVER_GO_ORACLE is unset or missing (build it: go build -o .oracle-bin/gotemplate-oracle ../shared/oracle)', () => {});
    return;
  }
  it.each([
    ['500 generated templates (seed 20261127)', () => generateCases(20261127, 500)],
    ['300 damaged templates: parse errors and their lines (seed 77)', () => generateBrokenCases(77, 300)],
  ] as const)('%s match the oracle exactly', (_name, make) => {
    const cases = make();
    const expected = runOracle(oracle, cases);
    const mismatches: string[] = [];
    cases.forEach((c, i) => {
      const r = evaluateRequest(c);
      const go = expected[i];
      // Go func values in "gotest" data print as addresses that differ per build.
      if (showsGoAddresses(go.output + go.error)) return;
      // Go 1.19 cannot range over integers; Go 1.26 (Helm's) can.
      if (differsInGo126(go.error)) return;
      if (r.output !== go.output || normalizeGoError(r.error) !== normalizeGoError(go.error)) {
        mismatches.push(JSON.stringify({ template: c.template, helper: c.templates, numbers: c.numbers, helm: c.helm, missingkey: c.missingkey, go: { output: go.output, error: go.error }, paver: { output: r.output, error: r.error } }));
      }
    });
    expect(mismatches.slice(0, 5), `${mismatches.length} of ${cases.length} differ`).toEqual([]);
  });
});
