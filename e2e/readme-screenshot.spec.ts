// Takes the README's screenshot from the real app. It is written to
// test-results/ on every run; set PAVER_UPDATE_SCREENSHOT=1 to refresh the
// committed copy in docs/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Studio } from './support/studio.js';

test('README screenshot: a template open beside the grouped explorer', async ({ page }) => {
  const studio = new Studio(page);
  await studio.openFreshSample('screenshot');
  await studio.openFile('templates/web-service/templates/deployment.yaml');
  await expect(studio.editorLines()).toContainText('kind: Deployment');
  // Chart templates are Go templates: the YAML validator must not flag their {{ }} actions.
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  const file = test.info().outputPath('paver.png');
  await page.screenshot({ path: file });
  if (process.env.PAVER_UPDATE_SCREENSHOT) {
    mkdirSync('docs', { recursive: true });
    copyFileSync(file, 'docs/paver.png');
  }
});
