import { copyFileSync, mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Studio } from './support/studio.js';

test.describe('policy simulation in browser mode', () => {
  test('simulates every service, filters, drills down to the template line, and exports', async ({ page }) => {
    const studio = new Studio(page);
    await studio.openFreshSample('simulate');
    await page.locator('[data-activity="policies"]').click();
    // Every policy with its engine and what it does; one Paver cannot evaluate offline says why.
    const policies = page.getByTestId('policy-list');
    await expect(policies.locator('[data-policy="prod-min-replicas"]')).toContainText('VAP');
    await expect(policies.locator('[data-policy="web-service-v2"]')).toContainText('Deny from 2027-01-15');
    await expect(policies.locator('[data-policy="k8sallowedrepos"]')).toContainText('not evaluated offline: needs OPA');
    await page.getByTestId('run-simulation').click();
    const matrix = page.getByTestId('simulation-matrix');
    await expect(matrix).toBeVisible({ timeout: 60_000 });
    await expect(matrix.locator('.matrix-row')).not.toHaveCount(0);

    // After the run, each policy shows how many service-environments it denies or warns.
    await expect(policies.locator('[data-policy="prod-min-replicas"] .policy-counts')).toContainText('deny');

    // Only the denied rows.
    await page.getByTestId('outcome-filter').selectOption('deny');
    const denied = matrix.locator('.matrix-row');
    await expect(denied.first()).toBeVisible();
    const deniedServices = await denied.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-service')}/${r.getAttribute('data-environment')}`));
    expect(deniedServices).toContain('search-frontend/prod');

    // Drill down: the finding, the rendered YAML, and a click through to the template file.
    await matrix.locator('.matrix-row[data-service="search-frontend"][data-environment="prod"] [data-policy="prod-min-replicas"]').click();
    const finding = page.getByTestId('finding').first();
    await expect(finding).toContainText('replica');
    await page.getByTestId('outcome-filter').selectOption('');
    // Clicking a cell scrolled the matrix sideways; the screenshot shows it from its first column.
    await matrix.evaluate((element) => {
      for (let node: Element | null = element; node; node = node.parentElement) if (node.scrollLeft) node.scrollLeft = 0;
      for (const node of element.querySelectorAll('*')) if (node.scrollLeft) node.scrollLeft = 0;
    });
    const shot = test.info().outputPath('simulation.png');
    await page.screenshot({ path: shot });
    if (process.env.PAVER_UPDATE_SCREENSHOT) {
      mkdirSync('docs', { recursive: true });
      copyFileSync(shot, 'docs/simulation.png');
    }
    // The rendered YAML opens at the failing field.
    await expect(page.getByTestId('rendered-yaml')).toContainText('replicas: 1');
    await page.getByTestId('open-template-line').first().click();
    await expect(studio.editor()).toHaveAttribute('data-path', 'templates/web-service/templates/deployment.yaml');

    // Back to the simulation tab: the timeline names the day web-service 1.x is blocked.
    await page.locator('.view-tab[data-view="simulation"] .tab-title').click();
    await page.getByTestId('tab-timeline').click();
    await expect(page.getByTestId('timeline')).toContainText('On 2027-01-15');

    // Export a report.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-markdown').click();
    expect((await download).suggestedFilename()).toMatch(/^paver-simulation-\d{4}-\d{2}-\d{2}\.md$/);
  });
});
