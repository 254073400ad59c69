/** Serves the built renderer and data-folder assets (tile images). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { resolveAssetPath } from '../api/asset-paths.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Sends the file at `requestPath` under `root`, or returns false when it is missing or
 * outside `root` (the caller then sends 404). `requestPath` is URL-decoded and `/`-separated.
 */
export async function sendFile(
  response: ServerResponse,
  root: string,
  requestPath: string,
  headers: Record<string, string>,
  method: string,
): Promise<boolean> {
  const path = await resolveAssetPath(root, requestPath);
  if (!path) return false;
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return false;

  response.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
  });
  if (method === 'HEAD') {
    response.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(path);
    stream.on('error', () => {
      response.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(response);
  });
  return true;
}

/** Decodes a URL path, returning null for malformed percent-encoding. */
export function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}
