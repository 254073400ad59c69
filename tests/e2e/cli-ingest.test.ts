import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_STAGES } from '../../main/jobs/job-vocabulary.ts';
import type { BackgroundJobRow } from '../../main/store/jobs-repository.ts';
import type { MaterialRow } from '../../main/store/materials-repository.ts';
import { parseJson, runKai } from '../support/run-kai.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const fixtures = new URL('../fixtures/pdf/', import.meta.url).pathname;
const corona = join(fixtures, 'corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf');
const coronaBlue = join(fixtures, 'corona-tile-spec-sheet-adriatico-azul-20x20-es-en.pdf');

interface JobDetail extends BackgroundJobRow {
  stages: Array<{
    name: string;
    status: string;
    started_at: string | null;
    completed_at: string | null;
  }>;
  outputs: { pages: number; chunks: number; tiles: number; materials: number };
}

describe('kai ingest', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let baseline: JobDetail;

  beforeAll(async () => {
    dir = await makeTempDir();
    dataDir = join(dir.path, 'data');
  });

  afterAll(async () => {
    await dir.remove();
  });

  const kai = (args: string[], env: Record<string, string> = {}) =>
    runKai([...args, '--data-dir', dataDir], env);

  it('completes a Corona sheet with nine ordered stages', async () => {
    const run = await kai(['ingest', corona, '--json']);
    const [job] = parseJson<BackgroundJobRow[]>(run);
    expect(run.code).toBe(0);
    expect(job?.status).toBe('completed');
    expect(job?.progress).toBe(100);

    baseline = parseJson<JobDetail>(await kai(['job', job!.id, '--json']));
    expect(baseline.stages.map((stage) => stage.name)).toEqual([...PDF_STAGES]);
    expect(baseline.stages.every((stage) => stage.status === 'completed')).toBe(true);
    const completedAt = baseline.stages.map((stage) => stage.completed_at!);
    expect([...completedAt].sort()).toEqual(completedAt);
    expect(baseline.outputs.pages).toBe(2);
    expect(baseline.outputs.tiles).toBeGreaterThan(0);
    expect(baseline.outputs.chunks).toBeGreaterThan(0);
  });

  it('stores Corona materials with their dimensions', async () => {
    const materials = parseJson<MaterialRow[]>(await kai(['materials', '--json']));
    expect(materials.length).toBeGreaterThan(0);
    expect(
      materials.some((material) => /20[.,]5\s*x\s*20[.,]5/i.test(material.dimensions ?? '')),
    ).toBe(true);
    expect(materials.every((material) => material.page_number !== null)).toBe(true);
  });

  it('lists jobs as background_jobs rows', async () => {
    const jobs = parseJson<BackgroundJobRow[]>(
      await kai(['jobs', '--json', '--status', 'completed']),
    );
    expect(jobs).toHaveLength(1);
    expect(Object.keys(jobs[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'job_type',
        'status',
        'progress',
        'current_stage',
        'last_heartbeat',
        'document_id',
        'filename',
        'metadata',
        'created_at',
        'started_at',
        'completed_at',
        'failed_at',
        'updated_at',
        'error',
        'retry_count',
      ]),
    );
  });

  it.each(PDF_STAGES.slice(0, -1).map((stage) => [stage]))(
    'resumes after a kill -9 following %s',
    async (stage) => {
      const killed = await kai(['ingest', corona], { KAI_TEST_KILL_AFTER_STAGE: stage });
      expect(killed.signal).toBe('SIGKILL');

      const resumed = await kai(['ingest', corona, '--json']);
      const [job] = parseJson<BackgroundJobRow[]>(resumed);
      expect(job?.status).toBe('completed');

      const detail = parseJson<JobDetail>(await kai(['job', job!.id, '--json']));
      expect(detail.outputs).toEqual(baseline.outputs);
      const events = detail.stages.map((entry) => entry.status);
      expect(events.every((status) => status === 'completed')).toBe(true);

      const history = parseJson<Array<{ stage: string; event: string }>>(
        await kai(['job', job!.id, '--json', '--events']),
      );
      const upTo = PDF_STAGES.slice(0, PDF_STAGES.indexOf(stage) + 1);
      for (const done of upTo) {
        const starts = history.filter((event) => event.stage === done && event.event === 'started');
        expect(starts, `${done} ran again after resuming`).toHaveLength(1);
      }
      expect(history.some((event) => event.event === 'recovered')).toBe(true);
    },
  );

  it('adds no duplicate materials after reruns', async () => {
    const materials = parseJson<MaterialRow[]>(await kai(['materials', '--json']));
    const keys = materials.map((material) => material.dedupe_key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(materials.length).toBe(baseline.outputs.materials);
  });

  it('fails bad files clearly and still runs the next one', async () => {
    const notPdf = join(dir.path, 'price-list.pdf');
    await writeFile(notPdf, 'Artikel;Preis\n100;12,50\n');
    const empty = join(dir.path, 'empty.pdf');
    await copyFile(join(fixtures, 'pdfplumber-empty-zero-bytes.pdf'), empty);
    const corrupt = join(fixtures, 'pdfjs-redhat-1531897-0-no-trailer-bad-stream-length.pdf');

    const run = await kai(['ingest', notPdf, empty, corrupt, coronaBlue, '--json']);
    const jobs = parseJson<BackgroundJobRow[]>(run);
    const byName = new Map(jobs.map((job) => [job.filename, job]));
    expect(run.code).toBe(1);
    expect(byName.get('corona-tile-spec-sheet-adriatico-azul-20x20-es-en.pdf')?.status).toBe(
      'completed',
    );
    for (const name of [
      'price-list.pdf',
      'empty.pdf',
      'pdfjs-redhat-1531897-0-no-trailer-bad-stream-length.pdf',
    ]) {
      const job = byName.get(name);
      expect(job?.status, name).toBe('failed');
      expect(job?.retry_count, name).toBe(0);
      expect(job?.error, name).toContain(name);
    }
    expect(byName.get('price-list.pdf')?.error).toMatch(/not a PDF/i);
    expect(byName.get('empty.pdf')?.error).toMatch(/empty|zero/i);
  });

  it('keeps stored materials after failures', async () => {
    const materials = parseJson<MaterialRow[]>(await kai(['materials', '--json']));
    const documents = new Set(materials.map((material) => material.document_id));
    expect(documents.size).toBe(2);
  });

  it('asks for a password and retries with it', async () => {
    const encrypted = join(fixtures, 'pdfjs-issue3371-user-password.pdf');
    const first = await kai(['ingest', encrypted, '--json']);
    const [job] = parseJson<BackgroundJobRow[]>(first);
    expect(first.code).toBe(1);
    expect(job?.status).toBe('failed');
    expect(job?.error).toMatch(/password/i);
    expect(job?.error).toContain('--password');

    const retried = await kai(['retry', job!.id, '--password', 'ELXRTQWS', '--json']);
    const row = parseJson<BackgroundJobRow>(retried);
    expect(retried.code).toBe(0);
    expect(row.status).toBe('completed');
  });

  it('completes an image-only page with a warning', async () => {
    const run = await kai(['ingest', join(fixtures, 'pdfjs-cmykjpeg-image.pdf'), '--json']);
    const [job] = parseJson<BackgroundJobRow[]>(run);
    expect(job?.status).toBe('completed');
    expect(job?.metadata.pages_without_text_layer).toEqual([1]);
  });

  it('rejects an id that is not a UUID', async () => {
    const run = await kai(['retry', 'nonexistent']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"nonexistent" is not an ID');
  });

  it('rejects a folder passed as a file', async () => {
    const run = await kai(['ingest', dir.path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('This is a folder, not a file.');
  });

  it('rejects cancelling a completed job', async () => {
    const jobs = parseJson<BackgroundJobRow[]>(await kai(['jobs', '--json']));
    const done = jobs.find((job) => job.status === 'completed')!;
    const run = await kai(['cancel', done.id]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('only pending or processing jobs can be cancelled');
  });
});
