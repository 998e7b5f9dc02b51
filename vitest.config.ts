import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The same stack the paver binary runs with (see scripts/build.mjs): Helm's 1,000 nested includes fit.
    execArgv: ['--stack-size=3900'],
    reporters: ['default'],
  },
});
