/** Decides whether an IPC message comes from the app's own window and page. */

export interface SenderInfo {
  /** `webContents.id` of the sender. */
  webContentsId: number;
  /** URL of the sending frame, or null when the frame is gone. */
  frameUrl: string | null;
}

export interface TrustedOrigin {
  /** `webContents.id` of the main window. */
  webContentsId: number;
  /** The renderer's entry: a `file://` URL of index.html, or the dev server's URL. */
  rendererUrl: string;
}

/**
 * Returns true when the sender is the main window and its frame shows the app's own page:
 * for `file:` the same index.html, otherwise the same origin as the dev server.
 */
export function isTrustedSender(sender: SenderInfo, trusted: TrustedOrigin): boolean {
  if (sender.webContentsId !== trusted.webContentsId || !sender.frameUrl) return false;
  let frame: URL;
  let expected: URL;
  try {
    frame = new URL(sender.frameUrl);
    expected = new URL(trusted.rendererUrl);
  } catch {
    return false;
  }
  if (expected.protocol === 'file:') {
    return frame.protocol === 'file:' && frame.pathname === expected.pathname;
  }
  return frame.origin === expected.origin;
}
