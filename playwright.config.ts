import { defineConfig } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';

// One id per run, inherited by the workers: concurrent runs keep separate state files.
process.env.PAVER_E2E_RUN ??= randomUUID();

// End-to-end tests drive browser mode in Debian's Chromium (Playwright cannot
// download its own browsers here). e2e/global-setup.ts starts `paver web`.
// PAVER_CHROMIUM, else Debian's Chromium, else Playwright's own browser (where `npx playwright install` could run).
const chromium = process.env.PAVER_CHROMIUM ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
});
