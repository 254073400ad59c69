import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../contract/events.ts';
import { createCoreApi, type CoreApi } from '../../../main/api/core-api.ts';
import { openCore, type Core } from '../../../main/core.ts';
import { silentLogger } from '../../../main/log.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestSite, type TestSite } from '../../support/test-site/test-site.ts';
import { unwrap } from '../../support/unwrap-result.ts';
import { waitFor } from '../../support/wait-for.ts';

describe('pipeline calls', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let api: CoreApi;
  let site: TestSite;
  const received: Array<{ event: EventName; payload: unknown }> = [];

  const eventsOf = <E extends EventName>(event: E) =>
    received
      .filter((entry) => entry.event === event)
      .map((entry) => entry.payload as EventPayload<E>);

  beforeAll(async () => {
    dir = await makeTempDir();
    site = await startTestSite({ crawlDelaySeconds: 0.01, slowPageDelayMs: 1000 });
    core = await openCore({
      dataDir: join(dir.path, 'data'),
      logger: silentLogger,
      pollMs: 50,
      crawlerOverrides: { pageTimeoutMs: 500, retryBaseDelayMs: 20, politenessDelayMs: 0 },
    });
    api = await createCoreApi(core, { assetUrl: (path) => `/files/${path}` });
    api.subscribe((event, payload) => received.push({ event, payload }));
    await core.engine.start();
  });

  afterAll(async () => {
    api.close();
    await core.close();
    await site.close();
    await dir.remove();
  });

  it('imports a feed with an edited mapping', async () => {
    const feed = join(dir.path, 'fliesen.csv');
    await writeFile(
      feed,
      'Bezeichnung;Code;Preis;Farbe\nEgeo Blanco 20x20;EB-20;12,50 €;weiß\nSoft Grey;SG-60;n. a.;grau\n',
    );
    const started = unwrap(
      await api.call('imports:start', {
        path: feed,
        mapping: { name: 'Bezeichnung', sku: 'Code', price: 'Preis', color: 'Farbe' },
        sourceName: 'fliesen-gmbh',
        saveAsTemplate: true,
      }),
    );
    await waitFor(
      () =>
        eventsOf('imports:changed').some(
          ({ importJob }) =>
            importJob.id === started.importJob.id && importJob.status === 'completed',
        ),
      { what: 'the import to complete' },
    );
    const { materials } = unwrap(await api.call('materials:list', { jobId: started.job.id }));
    expect(materials.map((material) => material.color)).toContain('weiß');
  });

  it('lists imports and their failed rows as CSV', async () => {
    const { imports } = unwrap(await api.call('imports:list', {}));
    const failures = unwrap(
      await api.call('imports:failures', { importId: imports[0]!.id, format: 'csv' }),
    );
    expect(imports[0]?.processed_products).toBe(1);
    expect(failures.total).toBe(1);
    expect(failures.failures[0]?.raw_value).toBe('n. a.');
    expect(failures.csv?.split('\r\n')[0]).toBe('row_number,line,field,reason,raw_value');
  });

  it('offers the saved template in the next preview', async () => {
    const feed = join(dir.path, 'fliesen-2.csv');
    await writeFile(feed, 'Bezeichnung;Code;Preis;Farbe\nArtico Beige;AB-30;19,90 €;beige\n');
    const preview = unwrap(
      await api.call('imports:preview', { path: feed, sourceName: 'fliesen-gmbh' }),
    );
    const { templates } = unwrap(await api.call('imports:templates', { supplier: 'fliesen-gmbh' }));
    expect(templates).toHaveLength(1);
    expect(preview.template?.supplier).toBe('fliesen-gmbh');
    expect(preview.mapping.find((entry) => entry.target === 'color')?.source).toBe('Farbe');
  });

  it('scrapes a site and reports its session', async () => {
    const started = unwrap(
      await api.call('scrapes:start', { url: `${site.url}/`, maxPages: 200, maxDepth: 10 }),
    );
    await waitFor(
      () =>
        eventsOf('scrapes:changed').some(
          ({ session }) => session.id === started.session.id && session.status === 'completed',
        ),
      { what: 'the scrape to complete', timeoutMs: 60_000 },
    );
    const detail = unwrap(await api.call('scrapes:get', { id: started.session.id }));
    const { sessions } = unwrap(await api.call('scrapes:list', {}));
    expect(detail.session.completed_pages).toBeGreaterThan(5);
    expect(
      detail.pages.some((page) => page.status === 'skipped' && /robots/.test(page.error ?? '')),
    ).toBe(true);
    expect(sessions.map((session) => session.id)).toContain(started.session.id);
  });

  it('pauses and resumes a pending session', async () => {
    await core.engine.stop();
    const started = unwrap(
      await api.call('scrapes:start', { url: `${site.url}/`, maxPages: 5, maxDepth: 1 }),
    );
    const paused = unwrap(await api.call('scrapes:pause', { ids: [started.session.id] }));
    const pausedDetail = unwrap(await api.call('scrapes:get', { id: started.session.id }));
    const resumed = unwrap(await api.call('scrapes:resume', { ids: [started.session.id] }));
    const resumedAgain = unwrap(await api.call('scrapes:resume', { ids: [started.session.id] }));
    expect(paused.changed).toBe(1);
    expect(pausedDetail.session.status).toBe('paused');
    expect(resumed.changed).toBe(1);
    expect(resumedAgain.changed).toBe(0);
    const cancelled = unwrap(await api.call('scrapes:cancel', { ids: [started.session.id] }));
    expect(cancelled.changed).toBe(1);
  });

  it('starts a paused session paused', async () => {
    const started = unwrap(
      await api.call('scrapes:start', { url: `${site.url}/`, maxPages: 5, maxDepth: 1 }),
    );
    unwrap(await api.call('scrapes:pause', { ids: [started.session.id] }));
    await core.engine.start();
    const sessionOf = async () =>
      unwrap(await api.call('scrapes:get', { id: started.session.id })).session;
    await waitFor(async () => (await core.engine.isActive(started.job.id)) || undefined, {
      what: 'the paused scrape to be claimed',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await sessionOf()).status).toBe('paused');
    unwrap(await api.call('scrapes:resume', { ids: [started.session.id] }));
    await waitFor(async () => (await sessionOf()).status === 'completed', {
      what: 'the resumed scrape to complete',
      timeoutMs: 60_000,
    });
  });
});
