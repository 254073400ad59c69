import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/shell/sender-check.ts';

const packaged = { webContentsId: 1, rendererUrl: 'file:///opt/kai/out/renderer/index.html' };
const devServer = { webContentsId: 1, rendererUrl: 'http://localhost:5173/' };

describe('unit', () => {
  it.each([
    ['main window on its page', 1, 'file:///opt/kai/out/renderer/index.html', packaged, true],
    ['page with a hash route', 1, 'file:///opt/kai/out/renderer/index.html#/jobs', packaged, true],
    ['another webContents', 2, 'file:///opt/kai/out/renderer/index.html', packaged, false],
    ['another local file', 1, 'file:///tmp/evil.html', packaged, false],
    ['remote page in the window', 1, 'https://evil.example/', packaged, false],
    ['gone frame', 1, null, packaged, false],
    ['malformed frame URL', 1, 'not a url', packaged, false],
    ['dev server page', 1, 'http://localhost:5173/jobs', devServer, true],
    ['other port on localhost', 1, 'http://localhost:5174/', devServer, false],
  ])('sender check: %s', (_name, webContentsId, frameUrl, trusted, expected) => {
    expect(isTrustedSender({ webContentsId, frameUrl }, trusted)).toBe(expected);
  });
});
