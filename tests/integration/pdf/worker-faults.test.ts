import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../main/core.ts';
import { silentLogger } from '../../../main/log.ts';
import { jobsRepository } from '../../../main/store/jobs-repository.ts';
import { stageEventsRepository } from '../../../main/store/stage-events-repository.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const fixtures = new URL('../../fixtures/pdf/', import.meta.url).pathname;
const leier = join(fixtures, 'leier-arlista-2024-building-materials-price-list-hu.pdf');
const corona = join(fixtures, 'corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf');

describe('pdf worker faults', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;

  beforeAll(async () => {
    dir = await makeTempDir();
    core = await openCore({
      dataDir: dir.path,
      logger: silentLogger,
      concurrency: 1,
      heartbeatMs: 500,
      stallAfterMs: 3_000,
      workerPingMs: 100,
      maxAttempts: 2,
      pollMs: 50,
      backoff: { baseMs: 10, maxMs: 20 },
    });
    await core.engine.start();
  });

  afterAll(async () => {
    await core.close();
    await dir.remove();
  });

  it('retries a job whose worker crashed and completes it', async () => {
    let killed = false;
    core.engine.on('worker:started', (_jobId, pid) => {
      if (killed) return;
      killed = true;
      setTimeout(() => process.kill(pid, 'SIGKILL'), 300);
    });

    const job = await core.ingestPdf(corona);
    await core.engine.waitForIdle([job.id]);
    const done = await jobsRepository.get(core.database.sql, job.id);
    const events = await stageEventsRepository.list(core.database.sql, job.id);
    core.engine.removeAllListeners('worker:started');

    expect(done?.status).toBe('completed');
    expect(done?.retry_count).toBe(1);
    expect(events.find((event) => event.event === 'failed')?.detail.code).toBe('worker_crashed');
  });

  it('fails a job whose worker hangs, then runs the next job', async () => {
    core.engine.on('worker:ready', (_jobId, pid) => {
      setTimeout(() => process.kill(pid, 'SIGSTOP'), 300);
    });
    const hung = await core.ingestPdf(leier);
    await core.engine.waitForIdle([hung.id]);
    core.engine.removeAllListeners('worker:ready');

    const failed = await jobsRepository.get(core.database.sql, hung.id);
    const events = await stageEventsRepository.list(core.database.sql, hung.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toMatch(/no heartbeat/);
    expect(events.filter((event) => event.event === 'stalled')).toHaveLength(2);

    const next = await core.ingestPdf(
      join(fixtures, 'corona-tile-spec-sheet-adriatico-azul-20x20-es-en.pdf'),
    );
    await core.engine.waitForIdle([next.id]);
    expect((await jobsRepository.get(core.database.sql, next.id))?.status).toBe('completed');
  });
});
