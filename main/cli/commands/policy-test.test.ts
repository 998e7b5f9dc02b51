import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPaver } from '../testing/run-paver.js';

const fixtures = join(import.meta.dirname, '../../../app/policy/suites/testdata/gatekeeper');
const dir = mkdtempSync(join(tmpdir(), 'paver-policy-test-'));
cpSync(fixtures, join(dir, 'suites'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paver policy test', () => {
  it('runs every suite.yaml under a folder, prints one line per case and a summary, and exits 0 when none fails', async () => {
    const { code, stdout } = await runPaver(['policy', 'test', 'suites/replicas'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('PASS  suites/replicas/suite.yaml  cap / five-replicas');
    expect(stdout).toContain('SKIP  suites/replicas/suite.yaml  rego-only / needs-opa  (Rego-only template: needs OPA)');
    expect(stdout.trim().split('\n').at(-1)).toBe('7 passed, 0 failed, 2 skipped in 1 suite file(s)');
  });

  it('exits 1 when a case fails and shows what was expected and what the engine produced', async () => {
    const { code, stdout } = await runPaver(['policy', 'test', 'suites'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL  suites/failing/suite.yaml  wrong-expectations / expects-two\n      expected violations: 2\n      actual   1 violations but want exactly 2');
    expect(stdout.trim().split('\n').at(-1)).toBe('7 passed, 4 failed, 2 skipped in 2 suite file(s)');
  });

  it('writes JSON with every case and the totals', async () => {
    const { code, stdout } = await runPaver(['policy', 'test', 'suites/replicas/suite.yaml', '--format', 'json', '--as-of', '2027-01-01'], { cwd: dir });
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.totals).toEqual({ passed: 7, failed: 0, skipped: 2, problems: 0 });
    expect(output.reports[0].kind).toBe('gatekeeper');
    expect(output.reports[0].cases[0]).toMatchObject({ test: 'cap', name: 'two-replicas', outcome: 'passed' });
  });

  it('never reads a file outside the path it was given', async () => {
    writeFileSync(join(dir, 'outside.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n');
    const suite = join(dir, 'suites', 'escape');
    cpSync(join(fixtures, 'replicas'), suite, { recursive: true });
    writeFileSync(join(suite, 'suite.yaml'), 'kind: Suite\ntests:\n- name: t\n  template: template.yaml\n  constraint: constraint.yaml\n  cases:\n  - name: escape\n    object: ../../outside.yaml\n    assertions: [{violations: no}]\n');
    const { code, stdout } = await runPaver(['policy', 'test', 'suites/escape'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain("../../outside.yaml does not exist (or is outside the suite's folder)");
    rmSync(suite, { recursive: true });
  });

  it('runs one kyverno-test.yaml named directly, reading the policy beside its .kyverno-test folder', async () => {
    cpSync(join(import.meta.dirname, '../../../app/policy/suites/testdata/kyverno/team-label'), join(dir, 'kyverno', 'team-label'), { recursive: true });
    const { code, stdout } = await runPaver(['policy', 'test', 'kyverno/team-label/.kyverno-test/kyverno-test.yaml'], { cwd: dir });
    expect(stdout).not.toContain('not found');
    expect(stdout).toMatch(/\d+ passed, 0 failed, \d+ skipped in 1 suite file\(s\)\n$/);
    expect(code).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    expect((await runPaver(['policy', 'test'], { cwd: dir })).code).toBe(2);
    expect((await runPaver(['policy', 'test', 'suites', '--format', 'xml'], { cwd: dir })).code).toBe(2);
    expect((await runPaver(['policy', 'test', 'missing-folder'], { cwd: dir })).code).toBe(2);
    expect((await runPaver(['policy', 'test', 'suites', '--as-of', 'soon'], { cwd: dir })).code).toBe(2);
  });
});
