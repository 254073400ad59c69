/**
 * Paths of files the UI may load (tile images), relative to the data folder. Browser mode
 * and Electron's asset protocol serve only what `resolveAssetPath` accepts.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Returns `absolute` relative to `dataDir` with `/` separators, or null when outside it. */
export function relativeAssetPath(dataDir: string, absolute: string): string | null {
  const path = relative(resolve(dataDir), resolve(absolute));
  if (!path || path.startsWith('..') || isAbsolute(path)) return null;
  return path.split(sep).join('/');
}

/**
 * Resolves a request path (URL-decoded, `/`-separated, relative to the data folder) to the
 * real file, or null when it leaves the data folder by `..`, an absolute path, a NUL byte
 * or a symbolic link, or when the file does not exist.
 */
export async function resolveAssetPath(
  dataDir: string,
  requestPath: string,
): Promise<string | null> {
  if (requestPath.includes('\0') || requestPath.includes('\\')) return null;
  const segments = requestPath.split('/').filter((segment) => segment !== '');
  if (segments.length === 0 || segments.some((segment) => segment === '..' || segment === '.'))
    return null;

  const root = await realpath(dataDir).catch(() => null);
  if (!root) return null;
  const real = await realpath(resolve(root, ...segments)).catch(() => null);
  if (!real || !isInside(root, real)) return null;
  return real;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
