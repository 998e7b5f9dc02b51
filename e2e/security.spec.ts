import { expect, test } from '@playwright/test';
import { Studio } from './support/studio.js';
import { e2eState } from './support/state.js';

test.describe('browser-mode security', () => {
  test('the page makes no request outside 127.0.0.1 (Monaco is bundled, no CDN)', async ({ page }) => {
    const studio = new Studio(page);
    await studio.openFreshSample('offline');
    await studio.openFile('paver.yaml');
    // Exercise the YAML language worker (schema validation, hover) too.
    await studio.typeAtStart('x');
    await expect(page.locator('.monaco-editor')).toBeVisible();
    const origin = new URL(studio.state.url).origin;
    const foreign = studio.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(studio.requests.length).toBeGreaterThan(3);
  });

  test('a request without the token gets 401', async ({ request }) => {
    const { url } = e2eState();
    const response = await request.post(`${url}/rpc/workspace/listFiles`, { data: { args: [] } });
    expect(response.status()).toBe(401);
    const events = await request.get(`${url}/events`);
    expect(events.status()).toBe(401);
  });

  test('a request with a foreign Origin gets 403, even with the token', async ({ request }) => {
    const { url, token } = e2eState();
    const response = await request.post(`${url}/rpc/workspace/listFiles`, {
      headers: { Authorization: `Bearer ${token}`, Origin: 'https://attacker.example' },
      data: { args: [] },
    });
    expect(response.status()).toBe(403);
  });
});
