// Runs an existing policy test suite (Gatekeeper `gator verify` suite.yaml,
// Kyverno CLI kyverno-test.yaml) against the engine; the host finds and reads
// the files, each runner is pure.
import { runGatekeeperSuite } from './gatekeeper-suite.js';
import { runKyvernoTest } from './kyverno-test.js';
import type { SuiteFiles, SuiteKind, SuiteReport, SuiteRunOptions } from './types.js';

export { formatSuiteJson, formatSuiteTable, suiteTotals, type SuiteTotals } from './suite-summary.js';
export type { SuiteCaseResult, SuiteFiles, SuiteKind, SuiteReport, SuiteRunOptions } from './types.js';

type SuiteRunner = (file: string, text: string, files: SuiteFiles, options?: SuiteRunOptions) => SuiteReport;

const runners: Partial<Record<SuiteKind, SuiteRunner>> = {
  gatekeeper: runGatekeeperSuite,
  kyverno: runKyvernoTest,
};

/** The suite kind a file name stands for (suite.yaml: Gatekeeper, kyverno-test.yaml: Kyverno), or undefined. */
export function suiteKindOf(fileName: string): SuiteKind | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  if (base === 'suite.yaml' || base === 'suite.yml') return 'gatekeeper';
  if (base === 'kyverno-test.yaml' || base === 'kyverno-test.yml') return 'kyverno';
  return undefined;
}

/** Runs one suite file of the given kind; a kind without a runner reports that as a problem. */
export function runPolicySuite(kind: SuiteKind, file: string, text: string, files: SuiteFiles, options: SuiteRunOptions = {}): SuiteReport {
  const runner = runners[kind];
  if (!runner) return { file, kind, cases: [], problems: [`${file}: no runner for ${kind} suites in this build`] };
  return runner(file, text, files, options);
}
