/** Browser mode: the core headless with its engine running, served to a browser tab. */
import { resolve } from 'node:path';
import { createCoreApi, type CoreApi } from '../api/core-api.ts';
import type { Core } from '../core.ts';
import { createAccessToken } from './access-token.ts';
import { browserAssetUrl, startBrowserServer, type BrowserServer } from './browser-server.ts';

/** The built renderer, relative to this file in the source tree. */
export const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

export interface BrowserModeOptions {
  host?: string;
  port?: number;
  rendererDir?: string;
  /** Defaults to a fresh random token. */
  token?: string;
}

export interface BrowserMode {
  readonly api: CoreApi;
  readonly server: BrowserServer;
  readonly token: string;
  /** Stops the server and the API; the caller closes the core. */
  stop(): Promise<void>;
}

/** Starts the engine, the API and the HTTP server over an open core. */
export async function startBrowserMode(
  core: Core,
  options: BrowserModeOptions = {},
): Promise<BrowserMode> {
  const token = options.token ?? createAccessToken();
  const api = await createCoreApi(core, { assetUrl: browserAssetUrl });
  let server: BrowserServer;
  try {
    server = await startBrowserServer({
      api,
      logger: core.logger.child({ component: 'server' }),
      token,
      rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
      dataDir: core.database.dataDir,
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
    });
  } catch (error) {
    api.close();
    throw error;
  }
  await core.engine.start();

  return {
    api,
    server,
    token,
    async stop() {
      await server.close();
      api.close();
    },
  };
}
