import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../contract/events.ts';
import type { BackgroundJobRow } from '../../../contract/rows.ts';
import { createCoreApi, type CoreApi } from '../../../main/api/core-api.ts';
import { openCore, type Core } from '../../../main/core.ts';
import { silentLogger } from '../../../main/log.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { unwrap } from '../../support/unwrap-result.ts';
import { waitFor } from '../../support/wait-for.ts';

const fixtures = new URL('../../fixtures/pdf/', import.meta.url).pathname;
const corona = join(fixtures, 'corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf');
const emptyPdf = join(fixtures, 'pdfplumber-empty-zero-bytes.pdf');

type Received = { event: EventName; payload: unknown; at: number };

describe('unit', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let api: CoreApi;
  let coronaJob: BackgroundJobRow;
  const received: Received[] = [];

  const eventsOf = <E extends EventName>(event: E) =>
    received
      .filter((entry) => entry.event === event)
      .map((entry) => entry.payload as EventPayload<E>);

  beforeAll(async () => {
    dir = await makeTempDir();
    core = await openCore({ dataDir: join(dir.path, 'data'), logger: silentLogger });
    api = await createCoreApi(core, { assetUrl: (path) => `/files/${path}` });
    api.subscribe((event, payload) => received.push({ event, payload, at: Date.now() }));
  });

  afterAll(async () => {
    api.close();
    await core.close();
    await dir.remove();
  });

  it('invalid input returns invalid_input', async () => {
    const result = await api.dispatch('jobs:list', { limit: -1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.[0]?.path).toBe('limit');
  });

  it('unknown fields are rejected', async () => {
    const result = await api.dispatch('jobs:counts', { everything: true });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
  });

  it('malformed id is rejected', async () => {
    const result = await api.dispatch('jobs:get', { id: '../etc/passwd' });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
  });

  it('unknown call returns not_found', async () => {
    const result = await api.dispatch('jobs:explode', {});
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
  });

  it('missing job returns not_found', async () => {
    const result = await api.call('jobs:get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
  });

  it('imports:preview proposes a mapping', async () => {
    const feed = join(dir.path, 'price-list.csv');
    await writeFile(feed, 'Artikelname;SKU;Preis\nEgeo Blanco 20x20;EB-20;12,50\n');
    const result = await api.call('imports:preview', { path: feed });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.importType).toBe('csv');
    expect(result.value.fields.map((field) => field.path)).toEqual(['Artikelname', 'SKU', 'Preis']);
    const targets = new Map(result.value.mapping.map((entry) => [entry.target, entry.source]));
    expect(targets.get('sku')).toBe('SKU');
    expect(targets.get('price')).toBe('Preis');
  });

  it('imports:preview of a missing file is an input error', async () => {
    const result = await api.call('imports:preview', { path: join(dir.path, 'none.csv') });
    expect(result.ok ? 'ok' : result.error.code).toBe('input_error');
  });

  it('ingest sorts files by kind', async () => {
    const feed = join(dir.path, 'tiles.csv');
    await writeFile(feed, 'name;sku\nEgeo Blanco;EB-20\n');
    const result = await api.call('files:ingest', {
      paths: [corona, feed, join(dir.path, 'notes.docx'), join(dir.path, 'missing.pdf')],
    });
    if (!result.ok) throw new Error(result.error.message);
    const [pdf, csv, docx, missing] = result.value.items;
    expect(pdf?.kind).toBe('job');
    expect(csv).toEqual({ path: feed, kind: 'needs_preview', importType: 'csv' });
    expect(docx?.kind).toBe('rejected');
    expect(docx?.kind === 'rejected' ? docx.error.reason : null).toBe('unsupported_file_type');
    expect(missing?.kind).toBe('rejected');
    expect(missing?.kind === 'rejected' ? missing.error.reason : null).toBe('file_not_found');
    if (pdf?.kind === 'job') coronaJob = pdf.job;
  });

  it('jobs:changed reaches completed', async () => {
    await core.engine.start();
    await waitFor(
      () =>
        eventsOf('jobs:changed').some(
          ({ job }) => job.id === coronaJob.id && job.status === 'completed',
        ),
      { timeoutMs: 120_000, what: 'the Corona job to complete' },
    );
    const statuses = eventsOf('jobs:changed')
      .filter(({ job }) => job.id === coronaJob.id)
      .map(({ job }) => job.status);
    expect(statuses).toContain('processing');
    expect(statuses.at(-1)).toBe('completed');
  }, 150_000);

  it('jobs:changed is coalesced per job', () => {
    const times = received
      .filter((entry) => entry.event === 'jobs:changed')
      .filter((entry) => (entry.payload as { job: BackgroundJobRow }).job.id === coronaJob.id)
      .map((entry) => entry.at);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    // Timers may fire a few ms early relative to Date.now(); 40 ms leaves that margin.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40);
  });

  it('jobs:get returns stages and history', async () => {
    const result = await api.call('jobs:get', { id: coronaJob.id });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.stages).toHaveLength(9);
    expect(result.value.stages.every((stage) => stage.status === 'completed')).toBe(true);
    expect(result.value.outputs.pages).toBe(2);
    expect(result.value.events.filter((event) => event.event === 'completed')).toHaveLength(9);
  });

  it('documents:tiles returns asset URLs', async () => {
    const result = await api.call('documents:tiles', { jobId: coronaJob.id, limit: 2 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.total).toBeGreaterThan(0);
    expect(result.value.tiles).toHaveLength(2);
    expect(result.value.tiles[0]?.url).toMatch(/^\/files\/documents\/[0-9a-f-]+\/tiles\/.+/);
  });

  it('materials:list filters by job', async () => {
    const result = await api.call('materials:list', { jobId: coronaJob.id });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.materials.length).toBeGreaterThan(0);
    expect(result.value.materials.every((row) => row.job_id === coronaJob.id)).toBe(true);
  });

  it('failed job emits notice and badge', async () => {
    const result = await api.call('files:ingest', { paths: [emptyPdf] });
    if (!result.ok) throw new Error(result.error.message);
    const item = result.value.items[0];
    if (item?.kind !== 'job') throw new Error(`expected a job, got ${JSON.stringify(item)}`);
    const failed = await waitFor(
      () => eventsOf('jobs:failed').find(({ job }) => job.id === item.job.id),
      { what: 'jobs:failed for the empty PDF' },
    );
    expect(failed.notification?.target).toEqual({ kind: 'job', jobId: item.job.id });
    expect(failed.unseenFailures).toBe(1);
    expect(eventsOf('notifications:show').at(-1)?.notification.id).toBe(failed.notification?.id);
    expect(eventsOf('notifications:badge').at(-1)?.unseenFailures).toBe(1);
  });

  it('acknowledge clears unseen failures', async () => {
    const result = await api.call('notifications:acknowledge', {});
    expect(unwrap(result).unseenFailures).toBe(0);
    expect(eventsOf('notifications:badge').at(-1)?.unseenFailures).toBe(0);
  });

  it('jobs:list filters by status', async () => {
    const result = await api.call('jobs:list', { statuses: ['failed'] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.total).toBe(1);
    expect(result.value.jobs[0]?.filename).toBe('pdfplumber-empty-zero-bytes.pdf');
  });

  it('jobs:list searches filename and error', async () => {
    const byName = await api.call('jobs:list', { search: 'EGEO' });
    const byError = await api.call('jobs:list', { search: 'empty' });
    expect(unwrap(byName).jobs.map((job) => job.id)).toEqual([coronaJob.id]);
    expect(unwrap(byError).total).toBeGreaterThanOrEqual(1);
  });

  it('jobs:list treats wildcards literally', async () => {
    const result = await api.call('jobs:list', { search: '%' });
    expect(unwrap(result).total).toBe(0);
  });

  it('jobs:list filters by created range', async () => {
    const past = await api.call('jobs:list', { createdTo: '2000-01-01T00:00:00Z' });
    const recent = await api.call('jobs:list', { createdFrom: '2000-01-01T00:00:00Z', limit: 1 });
    expect(unwrap(past).total).toBe(0);
    expect(unwrap(recent).total).toBe(2);
    expect(unwrap(recent).jobs).toHaveLength(1);
  });

  it('jobs:counts groups status and type', async () => {
    const result = await api.call('jobs:counts');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.total).toBe(2);
    expect(result.value.byStatus.completed).toBe(1);
    expect(result.value.byStatus.failed).toBe(1);
    expect(result.value.byType.pdf_processing).toBe(2);
    expect(result.value.byType.web_scraping).toBe(0);
  });

  it('jobs:stats buckets the current hour', async () => {
    const result = await api.call('jobs:stats', { hours: 6 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.buckets).toHaveLength(6);
    expect(result.value.buckets.at(-1)?.completed).toBe(1);
    expect(result.value.buckets.at(-1)?.failed).toBe(1);
  });

  it('retry, cancel and delete count changes', async () => {
    const failed = await api.call('jobs:list', { statuses: ['failed'] });
    if (!failed.ok) throw new Error(failed.error.message);
    const id = failed.value.jobs[0]!.id;
    await core.engine.stop();

    const retried = await api.call('jobs:retry', { ids: [id, coronaJob.id] });
    expect(unwrap(retried)).toEqual({ changed: 1, ids: [id] });
    const cancelled = await api.call('jobs:cancel', { ids: [id] });
    expect(unwrap(cancelled).changed).toBe(1);
    const deleted = await api.call('jobs:delete', { ids: [id] });
    expect(unwrap(deleted).changed).toBe(1);
    await waitFor(() => eventsOf('jobs:deleted').some((payload) => payload.ids.includes(id)));
    const after = await api.call('jobs:get', { id });
    expect(after.ok ? 'ok' : after.error.code).toBe('not_found');
  });

  it('settings:set persists and flags restart', async () => {
    const result = await api.call('settings:set', {
      concurrency: 4,
      notifications: { doNotDisturb: true },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.concurrency).toBe(4);
    expect(result.value.restartRequired).toBe(true);
    expect(result.value.notifications).toEqual({ enabled: true, doNotDisturb: true });
    const saved = JSON.parse(await readFile(join(core.database.dataDir, 'settings.json'), 'utf8'));
    expect(saved.concurrency).toBe(4);
  });

  it('files:upload saves inside uploads', async () => {
    const result = await api.call('files:upload', {
      name: '../../outside.csv',
      dataBase64: Buffer.from('name\nTile\n').toString('base64'),
    });
    if (!result.ok) throw new Error(result.error.message);
    const item = result.value.items[0]!;
    expect(item.kind).toBe('needs_preview');
    expect(item.path.startsWith(join(core.database.dataDir, 'uploads'))).toBe(true);
    expect(item.path.endsWith('outside.csv')).toBe(true);
    expect(await readFile(item.path, 'utf8')).toBe('name\nTile\n');
  });
});
