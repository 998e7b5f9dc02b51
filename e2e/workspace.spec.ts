import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Studio } from './support/studio.js';

test.describe('workspace in browser mode', () => {
  test('opens the sample workspace, grouped as Templates / Services / Policies / Other', async ({ page }) => {
    const studio = new Studio(page);
    await studio.openFreshSample('groups');
    for (const group of ['templates', 'services', 'policies', 'other']) {
      await expect(page.locator(`.explorer-group[data-group="${group}"]`)).toBeVisible();
    }
    await expect(studio.explorerFile('paver.yaml')).toBeVisible();
    await expect(page.locator('.explorer-group[data-group="services"] .count')).not.toHaveText('0');
  });

  test('edits a template, saves with Ctrl+S, and the file on disk changes', async ({ page }) => {
    const studio = new Studio(page);
    const root = await studio.openFreshSample('edit');
    const path = 'templates/web-service/Chart.yaml';
    await studio.openFile(path);
    const before = await readFile(join(root, path), 'utf8');
    await studio.typeAtStart('# reviewed in Paver\n');
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved');
    await studio.save();
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await expect.poll(() => readFile(join(root, path), 'utf8')).toBe(`# reviewed in Paver\n${before}`);
  });

  test('an external edit appears in the open editor', async ({ page }) => {
    const studio = new Studio(page);
    const root = await studio.openFreshSample('external');
    const path = 'paver.yaml';
    await studio.openFile(path);
    const original = await readFile(join(root, path), 'utf8');
    await writeFile(join(root, path), `# edited by another program\n${original}`);
    await expect(studio.editorLines()).toContainText('# edited by another program');
    await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
  });

  test('an external edit to a file with unsaved changes shows the conflict and overwrites nothing', async ({ page }) => {
    const studio = new Studio(page);
    const root = await studio.openFreshSample('conflict');
    const path = 'paver.yaml';
    await studio.openFile(path);
    await studio.typeAtStart('# my unsaved line\n');
    const theirs = '# their version\napiVersion: paver.dev/v1alpha1\n';
    await writeFile(join(root, path), theirs);
    await expect(page.getByTestId('conflict-banner')).toBeVisible();
    // Saving now must not overwrite their version.
    await studio.save();
    await expect(page.getByTestId('error-centre')).toContainText('changed on disk');
    expect(await readFile(join(root, path), 'utf8')).toBe(theirs);
    // My text is still in the editor.
    await expect(studio.editorLines()).toContainText('# my unsaved line');
    // Choosing to keep mine writes it, deliberately.
    await page.getByRole('button', { name: 'Keep my version' }).click();
    await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
    await expect.poll(() => readFile(join(root, path), 'utf8')).toContain('# my unsaved line');
  });

  test('a path outside the workspace is refused with a clear error', async ({ page }) => {
    const studio = new Studio(page);
    await studio.openFreshSample('outside');
    const result = await page.evaluate(async (token) => {
      const response = await fetch('/rpc/workspace/readFile', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ args: [{ path: '../../etc/passwd' }] }),
      });
      return response.json() as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
    }, studio.state.token);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('PathOutsideWorkspaceError');
    expect(result.error?.message).toContain('outside the workspace');
    // The same refusal through the UI: quick open cannot reach it, and the error centre names the path.
    await page.getByTestId('workspace-menu').click();
    await page.locator('#menu-open-path').fill('/definitely/not/a/folder');
    await page.locator('#menu-open-path').press('Enter');
    await expect(page.getByTestId('error-centre')).toContainText('/definitely/not/a/folder');
  });

  test('quick open finds a file with Ctrl+P', async ({ page }) => {
    const studio = new Studio(page);
    await studio.openFreshSample('quick');
    await page.keyboard.press('Control+p');
    await page.getByTestId('quick-open-input').fill('checkout');
    await page.getByTestId('quick-open-input').press('Enter');
    await expect(studio.editor()).toHaveAttribute('data-path', /services\/.*checkout.*\.yaml/);
  });

  test('areas not built yet say so honestly', async ({ page }) => {
    const studio = new Studio(page);
    await studio.openFreshSample('areas');
    await page.locator('[data-activity="cluster"]').click();
    await expect(page.getByTestId('coming-soon')).toContainText('coming');
  });
});

test('YAML is checked against Paver\'s schemas as you type', async ({ page }) => {
  const studio = new Studio(page);
  await studio.openFreshSample('schema');
  await studio.openFile('paver.yaml');
  await studio.typeAtStart('notAWorkspaceField: true\n');
  await expect(page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first()).toBeVisible();
});
