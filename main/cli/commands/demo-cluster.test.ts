// `paver demo-cluster` as a user runs it: a real process, stopped with Ctrl+C.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../../', import.meta.url).pathname;

describe('paver demo-cluster', () => {
  it('serves in the foreground, writes the kubeconfig, prints how to use it, and stops on SIGINT', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paver-demo-cli-'));
    const kubeconfig = join(dir, 'demo.kubeconfig');
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/paver.ts', 'demo-cluster', '--port', '0', '--seed', 'empty', '--kubeconfig', kubeconfig, '--data-dir', join(dir, 'data')], { cwd: root });
      let stdout = '';
      child.stdout.on('data', (chunk) => { stdout += String(chunk); });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const deadline = Date.now() + 30_000;
      while (!stdout.includes('Press Ctrl+C') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(stdout).toMatch(/listening on https:\/\/127\.0\.0\.1:\d+/);
      expect(stdout).toContain(`kubectl --kubeconfig ${kubeconfig} get pods -A`);
      const config = parse(await readFile(kubeconfig, 'utf8'));
      expect(config['current-context']).toBe('paver-demo');
      expect(config.clusters[0].cluster['certificate-authority-data']).toBeTruthy();
      expect(config.users[0].user.token).toBeTruthy();
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stdout).toContain('Stopped on SIGINT');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown seed with a usage error', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/paver.ts', 'demo-cluster', '--seed', 'bogus'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += String(chunk); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toContain("--seed must be 'sample' or 'empty'");
  });
});
