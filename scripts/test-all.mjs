// `npm test`: everything CI runs, in order: lint, typecheck, unit and contract
// tests (vitest), the build, then the end-to-end tests (Playwright, browser
// mode). Prints each step's time and a closing "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
for (const stale of ['test-results/vitest.json', 'test-results/playwright.json']) rmSync(stale, { force: true });
const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['unit + contract tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['build', 'node', ['scripts/build.mjs']],
  ['end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' }],
];
const only = process.argv.slice(2);
const chromium = process.env.PAVER_CHROMIUM ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));
if (!chromium && (!only.length || only.some((o) => 'end-to-end tests'.startsWith(o)))) {
  console.log('Note: no Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`), '
    + 'run `npx playwright install chromium`, or set PAVER_CHROMIUM to a Chromium binary.');
}
const timings = [];
let failedStep;
for (const [name, command, args, env] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name} ${seconds}s`);
  if (result.status !== 0) {
    failedStep = name;
    console.error(`\n✖ ${name} failed after ${seconds}s`);
    break;
  }
}

let passed = 0, failed = 0, skipped = 0;
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync('test-results/playwright.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')).stats ?? {};
  passed += (p.expected ?? 0) + (p.flaky ?? 0);
  failed += p.unexpected ?? 0;
  skipped += p.skipped ?? 0;
}
console.log(`\n${failedStep ? `✖ ${failedStep} failed` : '✔ all steps passed'} (${timings.join(', ')})`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStep ? 1 : 0);
