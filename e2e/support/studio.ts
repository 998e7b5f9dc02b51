import { expect, type Page, type Request } from '@playwright/test';
import { e2eState } from './state.js';

/** Page object for the Paver studio in browser mode. */
export class Studio {
  readonly requests: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request: Request) => this.requests.push(request.url()));
  }

  get state() {
    return e2eState();
  }

  /** Calls the core the way the app does, for test set-up. */
  async rpc<T>(service: string, method: string, request?: unknown): Promise<T> {
    const response = await this.page.request.post(`${this.state.url}/rpc/${service}/${method}`, {
      headers: { Authorization: `Bearer ${this.state.token}` },
      data: { args: request === undefined ? [] : [request] },
    });
    const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value as T;
  }

  /** Creates a fresh copy of the sample workspace, makes it the open one, and loads the app. */
  async openFreshSample(name: string): Promise<string> {
    const path = `${this.state.base}/workspaces/${name}-${Date.now()}`;
    await this.rpc('workspace', 'createSampleWorkspace', { path });
    await this.page.goto(`${this.state.url}/?token=${encodeURIComponent(this.state.token)}`);
    await expect(this.page.locator('.app[data-ready="true"]')).toBeVisible();
    await expect(this.page.getByTestId('status-workspace')).toContainText(path);
    return path;
  }

  explorerFile(path: string) {
    return this.page.locator(`.explorer .tree-item.file[data-path="${path}"]`);
  }

  /** Opens a file by clicking through the explorer's folders. */
  async openFile(path: string): Promise<void> {
    const parts = path.split('/');
    // Files of the Templates, Services and Policies groups are shown without their top folder.
    const first = ['templates', 'services', 'policies'].includes(parts[0]!) ? 1 : 0;
    for (let i = first; i < parts.length - 1; i++) {
      const folder = this.page.locator(`.explorer .tree-item.folder[data-path="${parts.slice(0, i + 1).join('/')}"]`).first();
      if ((await folder.getAttribute('aria-expanded')) === 'false') await folder.click();
    }
    await this.explorerFile(path).click();
    await expect(this.editor()).toHaveAttribute('data-path', path);
    await expect(this.editorLines()).not.toBeEmpty();
  }

  editor() {
    return this.page.getByTestId('editor');
  }

  editorLines() {
    return this.editor().locator('.view-lines');
  }

  /** Puts the cursor at the very start of the open file and types there. */
  async typeAtStart(text: string): Promise<void> {
    await this.editorLines().click();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.type(text);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
  }
}
