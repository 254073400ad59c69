import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../main/core.ts';
import { silentLogger } from '../../../main/log.ts';
import { startBrowserMode, type BrowserMode } from '../../../main/server/browser-mode.ts';
import { jobsRepository } from '../../../main/store/jobs-repository.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import {
  ensureRendererBuilt,
  fixture,
  launchChromium,
  openConsole,
  type ConsolePage,
} from './browser-harness.ts';

// A 10-minute heartbeat puts the stall threshold at 30 minutes, so a heartbeat set 40
// minutes back is stalled to the UI while the engine's first sweep is 10 minutes away.
const HEARTBEAT_MS = 600_000;
const CORONA = fixture('pdf/corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf');

let data: Awaited<ReturnType<typeof makeTempDir>>;
let core: Core;
let mode: BrowserMode | undefined;
let browser: Browser;
let view: ConsolePage;
let page: Page;
let port: number;
let token: string;

beforeAll(async () => {
  await ensureRendererBuilt();
  data = await makeTempDir('kai-reconnect-');
  core = await openCore({ dataDir: data.path, heartbeatMs: HEARTBEAT_MS, logger: silentLogger });
  mode = await startBrowserMode(core);
  port = mode.server.port;
  token = mode.token;
  browser = await launchChromium();
  view = await openConsole(browser, mode.server.url);
  page = view.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await mode?.stop();
  await core?.close();
  await data?.remove();
});

afterEach(() => {
  // The socket's failed reconnection attempts log to the console; nothing else may.
  const unexpected = view.errors.filter((error) => !error.includes('WebSocket connection'));
  expect(unexpected).toEqual([]);
});

describe('reconnection in browser mode', () => {
  it('reloads jobs missed while offline', async () => {
    await mode!.stop();
    mode = undefined;
    await page.getByText('The connection to the core was lost').waitFor({ timeout: 15_000 });

    // Changes made while the page cannot hear of them: a new job runs to completion.
    const job = await core.ingestPdf(CORONA);
    for (let waited = 0; waited < 60_000; waited += 200) {
      const row = await jobsRepository.get(core.database.sql, job.id);
      if (row?.status === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await page.locator('[role="row"][data-job-id]').count()).toBe(0);

    mode = await startBrowserMode(core, { port, token });
    await page
      .getByText('The connection to the core was lost')
      .waitFor({ state: 'detached', timeout: 15_000 });
    const row = page.locator(`[role="row"][data-job-id="${job.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-status')).toBe('completed');
  });

  it('marks jobs stalled by the settings threshold', async () => {
    // Scrapes have no runner in this core, so the engine never claims or touches these rows.
    const insertProcessing = async (url: string, heartbeatAge: string) => {
      const job = await jobsRepository.insert(core.database.sql, {
        jobType: 'web_scraping',
        metadata: { url },
      });
      await core.database.sql.query(
        `update background_jobs set status = 'processing', started_at = now() - interval '1 hour',
           last_heartbeat = now() - $2::interval where id = $1`,
        [job.id, heartbeatAge],
      );
      return job.id;
    };
    const stale = await insertProcessing('https://supplier.example/stale', '40 minutes');
    // 20 minutes is stale for the engine's default 90 s threshold but not for a 10-minute
    // heartbeat, so this row proves the badge follows the threshold from settings:get.
    const recent = await insertProcessing('https://supplier.example/recent', '20 minutes');

    // The rows changed behind the engine's back, so no event announces them: a reload does.
    await page.reload();
    const staleRow = page.locator(`[role="row"][data-job-id="${stale}"]`);
    const recentRow = page.locator(`[role="row"][data-job-id="${recent}"]`);
    await staleRow.locator('.badge.stalled').waitFor({ timeout: 15_000 });
    expect(await staleRow.getAttribute('data-status')).toBe('processing');
    expect(await recentRow.getAttribute('data-status')).toBe('processing');
    expect(await recentRow.locator('.badge.stalled').count()).toBe(0);

    const untouched = await jobsRepository.get(core.database.sql, stale);
    expect(untouched?.status).toBe('processing');
  });
});
