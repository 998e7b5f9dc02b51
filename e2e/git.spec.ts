import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startGitHttpBackend, type GitHttpBackend } from '../app/testing/git-http-backend.js';
import { GitStudio } from './support/git-studio.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
// The remote is served from this process, so talking to it must not block the event loop.
const gitAsync = async (cwd: string, ...args: string[]) => (await promisify(execFile)('git', args, { cwd, encoding: 'utf8' })).stdout;

let remote: GitHttpBackend;
test.beforeAll(async () => { remote = await startGitHttpBackend({ users: { alice: 's3cret' } }); });
test.afterAll(async () => { await remote.close(); });

test.describe('Git, templates and services in browser mode', () => {
  test('publish a version, upgrade two services, commit an edit and push to an HTTP remote', async ({ page }) => {
    test.setTimeout(180_000);
    const studio = new GitStudio(page);
    const root = await studio.openFreshSample('git');
    const url = await remote.createRepository(`acme-${Date.now()}.git`);
    git(root, 'remote', 'add', 'origin', url);
    await studio.rpc('app', 'updateSettings', { gitAuthorName: 'Ada Platform', gitAuthorEmail: 'ada@example.com' });

    // Publish web-service 2.1.0 from its draft.
    await studio.publish('web-service', 'minor', 'Startup probes and a PodDisruptionBudget by default');
    await page.screenshot({ path: test.info().outputPath('publish-dialog.png') });
    await page.getByTestId('publish-close').click();
    const versions = page.getByTestId('template-versions');
    await expect(versions.locator('[data-testid="template-version"]').first()).toHaveAttribute('data-version', '2.1.0');
    await expect(versions).toContainText('Startup probes and a PodDisruptionBudget by default');
    expect(git(root, 'tag', '-l', 'templates/web-service/*')).toContain('templates/web-service/v2.1.0');

    // Upgrade two services from the service table.
    await studio.openUpgrade(['status-page', 'search-api']);
    await page.locator('.tab-title', { hasText: 'Service table' }).click();
    await expect(page.locator('tr[data-service="status-page"] [data-testid="behind-badge"]').first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('services-table.png') });
    await page.locator('.tab-title', { hasText: 'Upgrade web-service' }).click();
    await page.getByTestId('upgrade-to').selectOption('2.1.0');
    await page.getByTestId('upgrade-plan').click();
    await expect(page.getByTestId('upgrade-service-plan')).toHaveCount(2, { timeout: 30_000 });
    await expect(page.locator('[data-testid="upgrade-service-plan"][data-service="status-page"] [data-testid="migration-hints"]')).toBeVisible();
    await page.locator('[data-testid="upgrade-service-plan"][data-service="status-page"] [data-testid="upgrade-env"]').first().click();
    await expect(page.getByTestId('upgrade-diff')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('upgrade-view.png') });
    // Both services need their values migrated for 2.x, so the app asks before committing the version change.
    page.once('dialog', (dialog) => { expect(dialog.message()).toContain('will not render on v2.1.0'); void dialog.accept(); });
    await page.getByTestId('upgrade-apply').click();
    await expect(page.getByTestId('upgrade-done')).toContainText('upgrade/web-service-2.1.0', { timeout: 30_000 });
    expect(await readFile(join(root, 'services/status-page.yaml'), 'utf8')).toContain('version: "2.1.0"');

    // An edit shows up in the Git view with its diff, and is committed from the commit box.
    const file = 'services/search-api.yaml';
    await writeFile(join(root, file), `${await readFile(join(root, file), 'utf8')}# reviewed after the upgrade\n`);
    await studio.showActivity('git');
    await expect(page.getByTestId('git-branch')).toHaveValue('upgrade/web-service-2.1.0');
    const changed = page.locator(`[data-testid="git-file-unstaged"][data-path="${file}"]`);
    await expect(changed).toBeVisible();
    await changed.locator('.git-file-name').click();
    await expect(page.getByTestId('git-diff')).toBeVisible();
    await expect(page.getByTestId('git-diff')).toContainText('# reviewed after the upgrade');
    await page.screenshot({ path: test.info().outputPath('git-diff.png') });
    await changed.getByTestId('git-stage').click();
    await expect(page.locator(`[data-testid="git-file-staged"][data-path="${file}"]`)).toBeVisible();
    await page.getByTestId('git-commit-message').fill('Note the search-api review after the 2.1.0 upgrade');
    await page.getByTestId('git-commit').click();
    await expect(page.getByTestId('git-clean')).toBeVisible();
    expect(git(root, 'log', '-1', '--format=%s')).toContain('Note the search-api review');

    // Push: the remote asks for credentials, then gets the branch and the new version tag.
    await studio.remote('push', { username: 'alice', password: 's3cret' });
    await expect(page.getByTestId('git-notice')).toContainText('Pushed upgrade/web-service-2.1.0', { timeout: 60_000 });
    const refs = await gitAsync(root, 'ls-remote', url.replace('http://', 'http://alice:s3cret@'));
    expect(refs).toContain('refs/heads/upgrade/web-service-2.1.0');
    expect(refs).toContain('refs/tags/templates/web-service/v2.1.0');
    await page.screenshot({ path: test.info().outputPath('git-view.png') });
  });

  test('discard asks first, a new branch is switched to, and the history lists the commits', async ({ page }) => {
    const studio = new GitStudio(page);
    const root = await studio.openFreshSample('discard');
    const file = 'services/checkout.yaml';
    const original = await readFile(join(root, file), 'utf8');
    await writeFile(join(root, file), `${original}# scratch\n`);
    await studio.showActivity('git');
    const row = page.locator(`[data-testid="git-file-unstaged"][data-path="${file}"]`);
    await expect(row).toBeVisible();
    page.once('dialog', (dialog) => void dialog.dismiss());
    await row.locator('.git-file-name').click();
    await row.getByTestId('git-discard').click();
    await expect(row).toBeVisible();
    expect(await readFile(join(root, file), 'utf8')).toBe(`${original}# scratch\n`);
    page.once('dialog', (dialog) => { expect(dialog.message()).toContain('cannot be undone'); void dialog.accept(); });
    await row.getByTestId('git-discard').click();
    await expect(page.getByTestId('git-clean')).toBeVisible();
    expect(await readFile(join(root, file), 'utf8')).toBe(original);

    await page.getByLabel('New branch name').fill('feature/probes');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByTestId('git-branch')).toHaveValue('feature/probes');
    expect(git(root, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('feature/probes');

    await page.getByTestId('git-open-history').click();
    await expect(page.getByTestId('git-history').getByTestId('git-commit-entry').first()).toBeVisible();
    expect(await page.getByTestId('git-commit-entry').count()).toBeGreaterThan(3);
    await page.screenshot({ path: test.info().outputPath('git-history.png') });
  });

  test('a folder without Git offers to initialize a repository instead of reporting errors', async ({ page }) => {
    const studio = new GitStudio(page);
    const path = `${studio.state.base}/workspaces/plain-${Date.now()}`;
    await mkdir(join(path, 'services'), { recursive: true });
    await writeFile(join(path, 'paver.yaml'), 'apiVersion: paver.dev/v1alpha1\nkind: Workspace\nmetadata:\n  name: plain\n');
    await studio.rpc('workspace', 'openWorkspace', { path });
    await page.goto(`${studio.state.url}/?token=${encodeURIComponent(studio.state.token)}`);
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await studio.showActivity('git');
    await page.getByTestId('git-init').click();
    await expect(page.locator('[data-testid="git-file-unstaged"][data-path="paver.yaml"]')).toBeVisible();
    await expect(page.getByTestId('error-centre')).toHaveCount(0);
  });
});
