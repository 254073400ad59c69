/**
 * The desktop app's identity. `APP_ID` must equal `appId` in `electron-builder.yml`: Windows
 * groups notifications and taskbar entries by it (`app.setAppUserModelId`), and a
 * mismatch makes notifications of the installed app go missing. A unit test compares them.
 */
export const APP_ID = 'com.kai.console';
export const PRODUCT_NAME = 'KAI Console';

/** Scheme of the custom protocol that serves data-folder files (tiles) to the window. */
export const ASSET_SCHEME = 'kai-asset';

/** Builds the asset URL of a data-folder file for the Electron window. */
export function electronAssetUrl(relativePath: string): string {
  return `${ASSET_SCHEME}://data/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}
