/**
 * Secrets of the desktop app (the Supabase keys, later) encrypted with the OS keychain via
 * `safeStorage`, stored as base64 in `<userData>/secrets.json`. Nothing is ever written in
 * plain text: without encryption, `set` throws.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { app, safeStorage } from 'electron';

export class SecretStoreUnavailableError extends Error {
  override name = 'SecretStoreUnavailableError';
}

function storePath(): string {
  return join(app.getPath('userData'), 'secrets.json');
}

async function readAll(): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(storePath(), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

async function writeAll(secrets: Record<string, string>): Promise<void> {
  const path = storePath();
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  await writeFile(temporary, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  await rename(temporary, path);
}

/**
 * Returns why secrets cannot be stored safely, or null when they can. On Linux without a
 * keyring, Electron falls back to `basic_text`, a hard-coded key, which counts as unsafe.
 */
export function secretStorageProblem(): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'OS encryption is not available.';
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'No keyring (GNOME Keyring or KWallet) is running, so secrets would be stored unprotected.';
  }
  return null;
}

export const secretStore = {
  async set(name: string, value: string): Promise<void> {
    const problem = secretStorageProblem();
    if (problem) throw new SecretStoreUnavailableError(`Cannot save secret ${name}: ${problem}`);
    const secrets = await readAll();
    secrets[name] = safeStorage.encryptString(value).toString('base64');
    await writeAll(secrets);
  },

  /** Returns the secret, or undefined when none is stored under `name`. */
  async get(name: string): Promise<string | undefined> {
    const encrypted = (await readAll())[name];
    if (encrypted === undefined) return undefined;
    return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
  },

  async delete(name: string): Promise<void> {
    const secrets = await readAll();
    delete secrets[name];
    await writeAll(secrets);
  },
};
