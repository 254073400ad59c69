/**
 * The `kai-asset://data/<path>` protocol: serves files inside the data folder (tile images)
 * to the window, and nothing outside it.
 */
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { resolveAssetPath } from '../main/api/asset-paths.ts';
import type { Logger } from '../main/log.ts';
import { ASSET_SCHEME } from '../main/shell/app-identity.ts';

/** Declares the scheme; must run before the app is ready. */
export function registerAssetScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the scheme from `dataDir`; call once the app is ready. */
export function handleAssetProtocol(dataDir: string, logger: Logger): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    const url = new URL(request.url);
    let requestPath: string;
    try {
      requestPath = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Malformed path.', { status: 400 });
    }
    const path = url.host === 'data' ? await resolveAssetPath(dataDir, requestPath) : null;
    if (!path) {
      logger.warn({ url: request.url }, 'Asset request outside the data folder rejected.');
      return new Response('Not found.', { status: 404 });
    }
    return net.fetch(pathToFileURL(path).toString());
  });
}
