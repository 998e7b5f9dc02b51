// `paver simulate` as CI runs it: on the sample workspace, gating on outcomes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPaver } from '../testing/run-paver.js';

let root: string;

function paver(...argv: string[]) {
  return runPaver(argv, { cwd: root });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'paver-simulate-cli-'));
  expect((await paver('init', '--sample', 'acme')).code).toBe(0);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('paver simulate', () => {
  it('prints the matrix and the timeline, and exits 0 without --fail-on', async () => {
    const { code, stdout } = await paver('simulate', '--workspace', 'acme', '--as-of', '2026-12-05');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^SERVICE\s+ENV\s+VERSION/);
    expect(stdout).toMatch(/On 2027-01-15, \d+ services? becomes? blocked/);
  });

  it('exits 1 with --fail-on deny once a rollout blocks a service', async () => {
    const { code, stdout } = await paver('simulate', '--workspace', 'acme', '--as-of', '2027-01-20', '--fail-on', 'deny', '--format', 'markdown');
    expect(code).toBe(1);
    expect(stdout).toContain('# Policy simulation (as of 2027-01-20)');
    expect(stdout).toMatch(/\| deny \| status-page \| prod \| web-service-v2 \|/);
  });

  it('writes JSON, SARIF and JUnit reports to a file', async () => {
    for (const format of ['json', 'sarif', 'junit']) {
      const out = join(root, `report.${format}`);
      const { code, stderr } = await paver('simulate', '--workspace', 'acme', '--baseline', 'HEAD', '--format', format, '--output', out);
      expect(code, stderr).toBe(0);
      const text = await readFile(out, 'utf8');
      if (format === 'junit') expect(text).toContain('<testsuites name="paver simulate">');
      else expect(JSON.parse(text)).toBeTruthy();
    }
  });

  it('says what is wrong with bad arguments', async () => {
    const format = await paver('simulate', '--workspace', 'acme', '--format', 'pdf');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of');
    const date = await paver('simulate', '--workspace', 'acme', '--as-of', 'soon');
    expect(date.code).toBe(1);
    expect(date.stderr).toContain("The as-of date 'soon' is not a date; write YYYY-MM-DD.");
    const ref = await paver('simulate', '--workspace', 'acme', '--baseline', 'no-such-branch');
    expect(ref.code).toBe(1);
    expect(ref.stderr).toContain("'no-such-branch' is not a branch, tag or commit");
  });
});
