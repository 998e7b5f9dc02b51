import { expect, test } from '@playwright/test';
import { Studio } from './support/studio.js';

test('a remote can be added from the Git panel, and a bad URL is refused with the reason', async ({ page }) => {
  const studio = new Studio(page);
  await studio.openFreshSample('remote');
  await page.locator('[data-activity="git"]').click();
  await page.getByTestId('remote-url').fill('not a url');
  await page.getByTestId('add-remote').click();
  await expect(page.getByTestId('error-centre')).toContainText('is not a Git remote URL');
  await page.getByTestId('remote-url').fill('https://git.example.com/acme/platform.git');
  await page.getByTestId('add-remote').click();
  await expect(page.locator('.git-remote-url')).toHaveText('https://git.example.com/acme/platform.git');
});
