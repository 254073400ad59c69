/** The tray icon: queue counts in its tooltip and menu, and a way back to the window. */
import { join } from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';
import type { JobCounts } from '../contract/calls/jobs-calls.ts';
import { trayLines } from '../main/shell/queue-status.ts';

export interface QueueTray {
  update(counts: JobCounts): void;
  destroy(): void;
}

export function createQueueTray(actions: { show(): void; quit(): void }): QueueTray {
  const icon = nativeImage
    .createFromPath(join(import.meta.dirname, '../../resources/icon-256.png'))
    .resize({ width: 22, height: 22 });
  const tray = new Tray(icon);

  const render = (lines: string[], tooltip: string) => {
    tray.setToolTip(tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...lines.map((label) => ({ label, enabled: false })),
        { type: 'separator' },
        { label: 'Show KAI Console', click: actions.show },
        { label: 'Quit', click: actions.quit },
      ]),
    );
  };
  render([], 'KAI Console');
  tray.on('click', actions.show);

  return {
    update(counts) {
      const { lines, tooltip } = trayLines(counts);
      render(lines, tooltip);
    },
    destroy: () => tray.destroy(),
  };
}
