// Starts browser mode once for the whole run (from the built CLI, as a user
// would run it) with a throw-away user data folder, and stops it afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eStateFile, type E2eState } from './support/state.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const base = mkdtempSync(join(tmpdir(), 'paver-e2e-'));
  const token = `e2e-${Math.random().toString(36).slice(2)}`;
  const env = { ...process.env, PAVER_USER_DATA_DIR: join(base, 'user-data'), PAVER_WEB_TOKEN: token };
  const startWorkspace = join(base, 'workspaces', 'start');
  const init = spawnSync(process.execPath, ['out/cli/paver.js', 'init', '--sample', startWorkspace], { env, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`paver init --sample failed:\n${init.stdout}${init.stderr}`);
  const server = spawn(process.execPath, ['out/cli/paver.js', 'web', '--workspace', startWorkspace], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stderr.on('data', (c) => (output += c));
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    server.on('exit', (code) => reject(new Error(`paver web exited with ${code}:\n${output}`)));
  });
  const state: E2eState = { url, token, base };
  writeFileSync(e2eStateFile, JSON.stringify(state));
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(base, { recursive: true, force: true });
    rmSync(e2eStateFile, { force: true });
  };
}
