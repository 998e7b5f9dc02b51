// Shared shapes for running existing policy test suites against the engine:
// Gatekeeper's `gator verify` suites (suite.yaml) and the Kyverno CLI's
// `kyverno test` files (kyverno-test.yaml). Pure: the host reads the files.

/** Reads files named relative to the suite file's folder. */
export interface SuiteFiles {
  /** The file's text, or undefined when it does not exist. Never reads outside the suite's root. */
  read(relativePath: string): string | undefined;
}

export type SuiteKind = 'gatekeeper' | 'kyverno';

/** One expectation of a suite, checked. */
export interface SuiteCaseResult {
  /** The test's name in the suite (Gatekeeper test name, Kyverno test name). */
  test: string;
  /** The case: Gatekeeper case name, or `policy/rule resource` for Kyverno. */
  name: string;
  outcome: 'passed' | 'failed' | 'skipped';
  /** What the suite expects, in its own words (e.g. "violations: yes", "result: fail"). */
  expected: string;
  /** What the engine produced (e.g. "2 violations: …", "result: pass"). */
  actual: string;
  /** Why it was skipped (e.g. "the template is Rego-only: needs OPA"). */
  reason?: string;
}

export interface SuiteReport {
  /** The suite file, as the host named it. */
  file: string;
  kind: SuiteKind;
  cases: SuiteCaseResult[];
  /** Problems that stop part of the suite from running (unreadable file, bad YAML), each naming the file. */
  problems: string[];
}

export interface SuiteRunOptions {
  /** As-of date for dated rollouts (YYYY-MM-DD). */
  asOf?: string;
}
