import { expect } from '@playwright/test';
import { Studio } from './studio.js';

/** The Studio page object plus the Git, Templates and Services views. */
export class GitStudio extends Studio {
  async showActivity(id: 'templates' | 'services' | 'git'): Promise<void> {
    await this.page.locator(`.activity-bar button[data-activity="${id}"]`).click();
    await expect(this.page.getByTestId(`${id}-panel`)).toBeVisible();
  }

  /** Publishes a template's draft from the Templates panel with the given bump and changelog. */
  async publish(template: string, bump: 'major' | 'minor' | 'patch', changelog: string): Promise<void> {
    await this.showActivity('templates');
    await this.page.getByTestId(`publish-${template}`).click();
    const dialog = this.page.getByTestId('publish-dialog');
    await expect(dialog.getByTestId('suggested-bump')).toBeVisible();
    await dialog.getByTestId(`bump-${bump}`).check();
    await expect(dialog.getByTestId('render-check')).toContainText('Renders for');
    await dialog.getByTestId('publish-message').fill(changelog);
    await dialog.getByTestId('publish-confirm').click();
    await expect(dialog.getByTestId('publish-result')).toBeVisible({ timeout: 30_000 });
  }

  /** Ticks services in the service table and opens the upgrade assistant. */
  async openUpgrade(services: string[]): Promise<void> {
    await this.showActivity('services');
    await this.page.getByTestId('open-services-table').click();
    const table = this.page.getByTestId('services-table');
    for (const service of services) await table.locator(`tr[data-service="${service}"]`).first().getByTestId('choose-service').check();
    await this.page.getByTestId('open-upgrade').click();
    await expect(this.page.getByTestId('upgrade-view')).toBeVisible();
  }

  /** Clicks Push (or Pull/Fetch), signing in when the remote asks. */
  async remote(operation: 'fetch' | 'pull' | 'push', credentials?: { username: string; password: string }): Promise<void> {
    await this.showActivity('git');
    await this.page.getByTestId(`git-${operation}`).click();
    if (credentials) {
      const prompt = this.page.getByTestId('git-credentials');
      await expect(prompt).toBeVisible({ timeout: 20_000 });
      await prompt.getByTestId('git-username').fill(credentials.username);
      await prompt.getByTestId('git-password').fill(credentials.password);
      await prompt.getByTestId('git-credentials-submit').click();
    }
  }
}
