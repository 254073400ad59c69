import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JobEngine } from '../../../main/jobs/job-engine.ts';
import { InputError, TransientError } from '../../../main/jobs/job-errors.ts';
import type { JobRunContext, JobRunner } from '../../../main/jobs/job-runner.ts';
import { silentLogger } from '../../../main/log.ts';
import { openDatabase, type Database } from '../../../main/store/database.ts';
import { jobsRepository } from '../../../main/store/jobs-repository.ts';
import { stageEventsRepository } from '../../../main/store/stage-events-repository.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

type Behaviour = (context: JobRunContext) => Promise<void>;

/** Builds a runner whose behaviour each test picks with the job's metadata `behaviour` key. */
function scriptedRunner(behaviours: Record<string, Behaviour>): JobRunner {
  return {
    jobType: 'xml_import',
    run: (context) => behaviours[String(context.job.metadata.behaviour)]!(context),
  };
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

describe('job engine', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let database: Database;
  let engine: JobEngine | undefined;
  const seenProgress: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const attemptsSeen = new Map<string, number[]>();

  const behaviours: Record<string, Behaviour> = {
    twoStages: async (context) => {
      for (const stage of ['first', 'second']) {
        if (context.completedStages.has(stage)) continue;
        await context.beginStage(stage);
        await context.setProgress(stage === 'first' ? 60 : 90);
        await context.setProgress(10);
        const row = await jobsRepository.get(database.sql, context.job.id);
        seenProgress.push(row!.progress);
        await context.completeStage(stage, { ok: true });
      }
    },
    flakyOnce: async (context) => {
      attemptsSeen.set(context.job.id, [
        ...(attemptsSeen.get(context.job.id) ?? []),
        context.attempt,
      ]);
      if (context.attempt === 1) throw new TransientError('timeout', 'The upstream timed out.');
    },
    alwaysTransient: async () => {
      throw new TransientError('timeout', 'The upstream timed out.');
    },
    badInput: async () => {
      throw new InputError('not_a_pdf', {
        source: 'feed.xml',
        problem: 'The file is not valid.',
        fix: 'Export it again.',
      });
    },
    waitForever: async (context) => {
      await context.beginStage('waiting');
      await untilAborted(context.signal);
    },
    hangAfterCheckpoint: async (context) => {
      if (!context.completedStages.has('first')) {
        await context.beginStage('first');
        await context.completeStage('first');
        await context.beginStage('second');
        // Neither touch() nor any context call: the engine stops writing heartbeats.
        await untilAborted(context.signal);
      }
      await context.beginStage('second');
      await context.completeStage('second');
    },
    countConcurrency: async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      running -= 1;
    },
  };

  function startEngine(options: Partial<ConstructorParameters<typeof JobEngine>[0]> = {}) {
    engine = new JobEngine({
      database,
      logger: silentLogger,
      runners: [scriptedRunner(behaviours)],
      heartbeatMs: 40,
      stallAfterMs: 200,
      pollMs: 20,
      maxAttempts: 3,
      backoff: { baseMs: 10, maxMs: 40 },
      ...options,
    });
    return engine.start().then(() => engine!);
  }

  async function enqueue(behaviour: string) {
    return engine!.enqueue({ jobType: 'xml_import', metadata: { behaviour } });
  }

  async function finished(id: string) {
    await engine!.waitForIdle([id]);
    return (await jobsRepository.get(database.sql, id))!;
  }

  beforeAll(async () => {
    dir = await makeTempDir();
    database = await openDatabase(dir.path);
  });

  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
  });

  afterAll(async () => {
    await database.close();
    await dir.remove();
  });

  it('completes a job and stores its checkpoints', async () => {
    await startEngine();
    const job = await enqueue('twoStages');
    const done = await finished(job.id);
    const stages = await stageEventsRepository.completedStages(database.sql, job.id);
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(100);
    expect(done.completed_at).not.toBeNull();
    expect(done.started_at).not.toBeNull();
    expect([...stages].sort()).toEqual(['first', 'second']);
  });

  it('never moves progress backwards', async () => {
    expect(seenProgress).toEqual([60, 90]);
  });

  it('retries a transient failure after backoff', async () => {
    await startEngine();
    const job = await enqueue('flakyOnce');
    const done = await finished(job.id);
    const events = await stageEventsRepository.list(database.sql, job.id);
    expect(done.status).toBe('completed');
    expect(done.retry_count).toBe(1);
    expect(attemptsSeen.get(job.id)).toEqual([1, 2]);
    expect(events.map((event) => event.event)).toEqual(['failed', 'retry_scheduled']);
  });

  it('fails after the last attempt', async () => {
    await startEngine();
    const job = await enqueue('alwaysTransient');
    const done = await finished(job.id);
    expect(done.status).toBe('failed');
    expect(done.retry_count).toBe(3);
    expect(done.failed_at).not.toBeNull();
    expect(done.error).toBe('The upstream timed out.');
  });

  it('fails bad input without retrying', async () => {
    await startEngine();
    const job = await enqueue('badInput');
    const done = await finished(job.id);
    expect(done.status).toBe('failed');
    expect(done.retry_count).toBe(0);
    expect(done.error).toContain('feed.xml');
  });

  it('cancels a running job', async () => {
    await startEngine();
    const job = await enqueue('waitForever');
    await waitForStatus(job.id, 'processing');
    expect(await engine!.cancel(job.id)).toBe(true);
    const done = await finished(job.id);
    const events = await stageEventsRepository.list(database.sql, job.id);
    expect(done.status).toBe('cancelled');
    expect(events.at(-1)?.event).toBe('cancelled');
  });

  it('retries a cancelled job from its checkpoints', async () => {
    await startEngine();
    const job = await enqueue('twoStages');
    await finished(job.id);
    await database.sql.query("update background_jobs set status = 'cancelled' where id = $1", [
      job.id,
    ]);
    expect(await engine!.retry(job.id)).toBe(true);
    const done = await finished(job.id);
    const events = await stageEventsRepository.list(database.sql, job.id);
    expect(done.status).toBe('completed');
    expect(events.filter((event) => event.event === 'started')).toHaveLength(2);
  });

  it('requeues a stalled job and resumes after its checkpoint', async () => {
    await startEngine();
    const job = await enqueue('hangAfterCheckpoint');
    const done = await finished(job.id);
    const events = await stageEventsRepository.list(database.sql, job.id);
    const kinds = events.map((event) => `${event.stage}:${event.event}`);
    expect(done.status).toBe('completed');
    expect(kinds).toContain('second:stalled');
    expect(kinds.filter((kind) => kind === 'first:started')).toHaveLength(1);
    expect(done.retry_count).toBe(1);
  });

  it('recovers a job left processing by a dead process', async () => {
    const orphan = await jobsRepository.insert(database.sql, {
      jobType: 'xml_import',
      metadata: { behaviour: 'twoStages' },
    });
    await database.sql.query(
      "update background_jobs set status = 'processing', current_stage = 'first' where id = $1",
      [orphan.id],
    );
    await startEngine();
    const done = await finished(orphan.id);
    const events = await stageEventsRepository.list(database.sql, orphan.id);
    expect(done.status).toBe('completed');
    expect(events[0]?.event).toBe('recovered');
    expect(done.retry_count).toBe(0);
  });

  it('runs at most the configured number of jobs at once', async () => {
    await startEngine({ concurrency: 2 });
    const jobs = await Promise.all([1, 2, 3, 4, 5].map(() => enqueue('countConcurrency')));
    await engine!.waitForIdle(jobs.map((job) => job.id));
    expect(maxRunning).toBe(2);
  });

  it('returns running jobs to pending on stop', async () => {
    await startEngine();
    const job = await enqueue('waitForever');
    await waitForStatus(job.id, 'processing');
    await engine!.stop();
    const row = await jobsRepository.get(database.sql, job.id);
    expect(row?.status).toBe('pending');
    await database.sql.query("update background_jobs set status = 'cancelled' where id = $1", [
      job.id,
    ]);
  });

  async function waitForStatus(id: string, status: string) {
    for (let i = 0; i < 500; i += 1) {
      const row = await jobsRepository.get(database.sql, id);
      if (row?.status === status) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`Job ${id} never reached ${status}.`);
  }
});
