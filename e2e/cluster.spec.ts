import { expect, test } from '@playwright/test';
import { Studio } from './support/studio.js';

test('the status bar picks a cluster: the demo cluster starts with the app and is reachable', async ({ page }) => {
  const studio = new Studio(page);
  await studio.openFreshSample('cluster');
  const picker = page.getByTestId('cluster-picker');
  await expect(picker).toBeVisible();
  await picker.click();
  const demo = page.locator('[data-testid="cluster-menu"] li[data-context="paver-demo"]');
  // The demo cluster starts in the background; "Check again" until it answers.
  await expect(async () => {
    const again = page.getByRole('button', { name: 'Check again' });
    if (await again.isEnabled()) await again.click();
    await expect(demo.locator('.dot.up')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await demo.locator('button').click();
  await expect(picker).toContainText('paver-demo');
});
