import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { AppNotification } from '../../../contract/notifications.ts';
import { createNotificationRouter } from '../../../main/shell/notification-router.ts';

const notice: AppNotification = {
  id: 'notice-1',
  kind: 'job_failed',
  title: 'Job failed: catalog.pdf',
  body: 'catalog.pdf: This PDF is encrypted and needs a password to open.',
  target: { kind: 'job', jobId: '00000000-0000-4000-8000-000000000001' },
  createdAt: '2025-01-01T00:00:00.000Z',
};

function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

describe('unit', () => {
  it('supported platform routes to the OS', () => {
    const { logger } = capturingLogger();
    const route = createNotificationRouter({ osSupported: () => true, logger });
    expect(route(notice)).toBe('os');
  });

  it('unsupported platform routes in-app', () => {
    const { logger } = capturingLogger();
    const route = createNotificationRouter({ osSupported: () => false, logger });
    expect(route(notice)).toBe('in_app');
  });

  it('missing support is logged once', () => {
    const { logger, lines } = capturingLogger();
    const route = createNotificationRouter({ osSupported: () => false, logger });
    route(notice);
    route(notice);
    route(notice);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('OS notifications are not supported');
  });
});
