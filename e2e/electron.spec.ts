// Drives the real Electron shell where an Electron binary exists. On machines
// without one (the binary cannot be downloaded here) it skips with that reason.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../scripts/electron-binary.mjs';

// Only looks for an installed binary; `npm start` is what downloads one where the internet is reachable.
const binary = findElectronBinary();

test('the desktop shell opens the sample workspace in a sandboxed window', async () => {
  test.skip(!binary.path, `Skipped because Electron's binary is not available here (${binary.reason}); the browser-mode specs cover the same UI.`);
  const userData = mkdtempSync(join(tmpdir(), 'paver-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: ['out/main/index.js', `--user-data-dir=${userData}`],
    env: { ...process.env, PAVER_USER_DATA_DIR: userData },
  });
  const window = await app.firstWindow();
  await expect(window.locator('.app[data-ready="true"]')).toBeVisible();
  await expect(window.locator('.explorer-group[data-group="templates"]')).toBeVisible();
  // The renderer sees the preload's two functions and no Node.
  const exposed = await window.evaluate(() => ({ keys: Object.keys((window as unknown as { paver: object }).paver).sort(), node: typeof (globalThis as { require?: unknown }).require }));
  expect(exposed).toEqual({ keys: ['call', 'subscribe'], node: 'undefined' });
  await app.close();
});
