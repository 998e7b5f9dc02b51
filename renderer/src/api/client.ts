import { createApiClient, createHttpTransport, type PaverApi, type Transport } from '../../../app/api/index.js';

declare global {
  interface Window {
    /** Exposed by Electron's preload: the IPC transport, and nothing else. */
    paver?: Transport;
  }
}

/** Electron's preload transport when present, else browser mode over HTTP with the launch token. */
function chooseTransport(): Transport {
  if (window.paver) return window.paver;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('paver-token', fromUrl);
    // Keep the token out of the address bar and history.
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  const token = fromUrl ?? sessionStorage.getItem('paver-token') ?? '';
  return createHttpTransport(token);
}

export const api: PaverApi = createApiClient(chooseTransport());
