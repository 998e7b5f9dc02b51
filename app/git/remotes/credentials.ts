// Credentials for HTTP(S) remotes. They stay in the core and are never sent to
// the renderer. Browser mode keeps them in memory only; the desktop app backs
// the store with Electron's safeStorage through the SecretCipher interface.
import { readFile, chmod } from 'node:fs/promises';
import { InvalidRequestError } from '../../errors/index.js';
import { writeFileAtomic } from '../../workspace/files/atomic-write.js';

/** Basic auth (username + password) or a token (sent as the basic-auth password). */
export type GitCredentials = { username: string; password: string } | { token: string; username?: string };

/** Where credentials are kept, keyed by the remote's origin (`https://host:port`). */
export interface CredentialStore {
  get(url: string): Promise<GitCredentials | undefined>;
  set(url: string, credentials: GitCredentials): Promise<void>;
  delete(url: string): Promise<void>;
}

/** The key credentials are stored under: scheme, host and port of the remote URL. */
export function credentialKey(url: string): string {
  try { return new URL(url).origin; } catch { return url; }
}

/** Username and password as isomorphic-git's onAuth wants them. */
export function toBasicAuth(credentials: GitCredentials): { username: string; password: string } {
  return 'token' in credentials ? { username: credentials.username ?? 'x-access-token', password: credentials.token } : credentials;
}

/**
 * Credentials kept in memory for the life of the process (browser mode).
 * @example const store = new InMemoryCredentialStore(); await store.set('https://git.acme.dev/platform.git', { token: 't0k3n' });
 */
export class InMemoryCredentialStore implements CredentialStore {
  private readonly entries = new Map<string, GitCredentials>();
  async get(url: string): Promise<GitCredentials | undefined> { return this.entries.get(credentialKey(url)); }
  async set(url: string, credentials: GitCredentials): Promise<void> { this.entries.set(credentialKey(url), credentials); }
  async delete(url: string): Promise<void> { this.entries.delete(credentialKey(url)); }
}

/** The part of Electron's `safeStorage` the encrypted store needs (injected: app/ never imports Electron). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Credentials encrypted with the OS keychain (Electron `safeStorage`) in a file the app owns.
 * @example const store = new EncryptedFileCredentialStore(path.join(app.getPath('userData'), 'git-credentials.json'), safeStorage);
 */
export class EncryptedFileCredentialStore implements CredentialStore {
  constructor(private readonly file: string, private readonly cipher: SecretCipher) {}

  private async readAll(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, string>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  private async writeAll(entries: Record<string, string>): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(entries, null, 2));
    await chmod(this.file, 0o600);
  }

  async get(url: string): Promise<GitCredentials | undefined> {
    const sealed = (await this.readAll())[credentialKey(url)];
    return sealed === undefined ? undefined : JSON.parse(this.cipher.decryptString(Buffer.from(sealed, 'base64'))) as GitCredentials;
  }

  async set(url: string, credentials: GitCredentials): Promise<void> {
    if (!this.cipher.isEncryptionAvailable()) {
      throw new InvalidRequestError('The OS keychain is not available, so Paver will not save Git credentials to disk; enter them again for each session.', { field: 'credentials' });
    }
    const entries = await this.readAll();
    entries[credentialKey(url)] = this.cipher.encryptString(JSON.stringify(credentials)).toString('base64');
    await this.writeAll(entries);
  }

  async delete(url: string): Promise<void> {
    const entries = await this.readAll();
    delete entries[credentialKey(url)];
    await this.writeAll(entries);
  }
}
