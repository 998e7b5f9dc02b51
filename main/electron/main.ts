// The Electron shell: one window, one IPC handler, the same core as browser mode.
import { app, BrowserWindow, ipcMain, safeStorage, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelRequest } from '../../app/api/index.js';
import { ChannelSession } from '../rpc/channel-session.js';
import { createCore, openStartupWorkspace } from '../services/create-core.js';
import { contentSecurityPolicy } from '../web/static-files.js';
import { EncryptedFileCredentialStore, InMemoryCredentialStore } from '../../app/git/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const sessions = new Map<number, ChannelSession>();

async function start(): Promise<void> {
  await app.whenReady();
  const userDataDir = app.getPath('userData');
  // Git credentials go to the OS keychain through safeStorage; without one, they live in memory only.
  const credentials = safeStorage.isEncryptionAvailable()
    ? new EncryptedFileCredentialStore(join(userDataDir, 'git-credentials.bin.json'), safeStorage)
    : new InMemoryCredentialStore();
  const core = createCore({ userDataDir, mode: 'electron', startDemoCluster: true, credentials, onWarning: (m) => console.warn(m) });
  const requested = process.argv.find((a) => a.startsWith('--workspace='))?.slice('--workspace='.length);
  await openStartupWorkspace(core, userDataDir, requested);

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });

  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Paver',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  const trustedSender = window.webContents;
  const sessionFor = (contents: WebContents) => {
    let channel = sessions.get(contents.id);
    if (!channel) {
      channel = new ChannelSession(core.dispatcher, (message) => { if (!contents.isDestroyed()) contents.send('paver:event', message); });
      sessions.set(contents.id, channel);
      contents.once('destroyed', () => { channel!.dispose(); sessions.delete(contents.id); });
    }
    return channel;
  };

  // The only IPC entry point. It answers the app's own window and nothing else.
  ipcMain.handle('paver:rpc', (event: IpcMainInvokeEvent, request: ChannelRequest) => {
    if (event.sender !== trustedSender || !isAppUrl(event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'InvalidRequestError', message: 'Refused: the request did not come from Paver\'s own window.' } };
    }
    return sessionFor(event.sender).handle(request);
  });

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => { if (!isAppUrl(url)) event.preventDefault(); });
  window.once('ready-to-show', () => window.show());
  await window.loadFile(join(here, '../renderer/index.html'));

  app.on('window-all-closed', () => {
    void core.dispose().finally(() => app.quit());
  });
}

function isAppUrl(url: string): boolean {
  return url.startsWith('file://');
}

void start().catch((error: unknown) => {
  console.error(`Paver could not start: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
});
