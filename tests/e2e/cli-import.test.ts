import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataImportJobRow, ImportRowFailureRow } from '../../main/store/imports-repository.ts';
import type { BackgroundJobRow } from '../../main/store/jobs-repository.ts';
import type { MaterialRow } from '../../main/store/materials-repository.ts';
import { parseJson, runKai } from '../support/run-kai.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const rss = join(fixtures, 'xml/google-merchant-rss-pallmann-parquet-fr.xml');
const atom = join(fixtures, 'xml/google-merchant-atom-pallmann-parquet-fr.xml');

type ImportedJob = BackgroundJobRow & { data_import_job: DataImportJobRow };

/** Writes a semicolon CSV of `rows` tiles; every 100th row has a price that is not a number. */
async function writeTileFeed(path: string, rows: number): Promise<void> {
  const lines = ['Artikelnummer;Bezeichnung;Format;Preis'];
  for (let index = 1; index <= rows; index += 1) {
    const price =
      index % 100 === 0
        ? 'auf Anfrage'
        : `${10 + (index % 50)},${String(index % 100).padStart(2, '0')} €`;
    lines.push(
      `T-${String(index).padStart(5, '0')};Feinsteinzeug Fliese ${index};60x60 cm;${price}`,
    );
  }
  await writeFile(path, `${lines.join('\r\n')}\r\n`);
}

describe('kai import', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;

  beforeAll(async () => {
    dir = await makeTempDir();
    dataDir = join(dir.path, 'data');
  });

  afterAll(async () => {
    await dir.remove();
  });

  const kai = (args: string[], env: Record<string, string> = {}) =>
    runKai([...args, '--data-dir', dataDir], env);

  it('previews a feed without importing it', async () => {
    const preview = parseJson<{
      importType: string;
      preset: { id: string } | null;
      proposedMapping: { fields: Record<string, { source: unknown; confidence: number }> };
    }>(await kai(['import', rss, '--preview', '--json']));
    const materials = parseJson<MaterialRow[]>(await kai(['materials', '--json']));
    expect(preview.importType).toBe('xml');
    expect(preview.preset?.id).toMatch(/google/);
    expect(preview.proposedMapping.fields.price?.source).not.toBeNull();
    expect(materials).toHaveLength(0);
  });

  it('imports the Google Merchant RSS feed', async () => {
    const run = await kai(['import', rss, '--source', 'pallmann', '--json']);
    const job = parseJson<ImportedJob>(run);
    expect(run.code).toBe(0);
    expect(job.status).toBe('completed');
    expect(job.job_type).toBe('xml_import');
    expect(job.data_import_job.import_type).toBe('xml');
    expect(job.data_import_job.processed_products).toBe(305);
    expect(job.data_import_job.total_products).toBe(305);
  });

  it('updates the same products from the Atom feed in place', async () => {
    const before = parseJson<MaterialRow[]>(await kai(['materials', '--json']));
    const job = parseJson<ImportedJob>(
      await kai(['import', atom, '--source', 'pallmann', '--json']),
    );
    const after = parseJson<MaterialRow[]>(await kai(['materials', '--json']));
    // The feeds share 282 of their 305 g:id values, so 23 products are new.
    expect(job.data_import_job.processed_products).toBe(305);
    expect(before).toHaveLength(305);
    expect(after).toHaveLength(328);
    const changed = after.filter((material) => {
      const old = before.find((candidate) => candidate.id === material.id);
      return old && old.price !== material.price;
    });
    expect(changed.length).toBeGreaterThan(0);
  });

  it('adds nothing when the same feed is imported again', async () => {
    await kai(['import', rss, '--source', 'pallmann']);
    const materials = parseJson<MaterialRow[]>(await kai(['materials', '--json']));
    expect(materials).toHaveLength(328);
  });

  it('resumes a killed import from its last batch', async () => {
    const feed = join(dir.path, 'fliesen.csv');
    await writeTileFeed(feed, 1_800);
    const killed = await kai(['import', feed, '--source', 'fliesen'], {
      KAI_TEST_KILL_AFTER_IMPORT_BATCH: '2',
    });
    expect(killed.signal).toBe('SIGKILL');

    const resumed = parseJson<BackgroundJobRow[]>(await kai(['resume', '--json']));
    expect(resumed).toHaveLength(1);
    expect(resumed[0]?.status).toBe('completed');

    const imports = parseJson<DataImportJobRow[]>(await kai(['imports', '--json']));
    const row = imports.find((entry) => entry.source_name === 'fliesen')!;
    expect(row.processed_products).toBe(1_782);
    expect(row.failed_products).toBe(18);
    expect(row.total_products).toBe(1_800);

    const materials = parseJson<MaterialRow[]>(
      await kai(['materials', '--json', '--search', 'Feinsteinzeug']),
    );
    expect(materials).toHaveLength(1_782);
    expect(new Set(materials.map((material) => material.sku)).size).toBe(1_782);
  });

  it('lists and exports failed rows', async () => {
    const imports = parseJson<DataImportJobRow[]>(await kai(['imports', '--json']));
    const row = imports.find((entry) => entry.source_name === 'fliesen')!;
    const csvPath = join(dir.path, 'failures.csv');
    const failures = parseJson<ImportRowFailureRow[]>(
      await kai(['import-failures', row.background_job_id, '--json', '--csv', csvPath]),
    );
    const csv = await readFile(csvPath, 'utf8');
    expect(failures).toHaveLength(18);
    expect(failures[0]?.row_number).toBe(100);
    expect(failures[0]?.raw_value).toBe('auf Anfrage');
    expect(csv.split('\r\n')[0]).toBe('row_number,line,field,reason,raw_value');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(19);
  });

  it('keeps products read before malformed XML', async () => {
    const run = await kai(['ingest', join(fixtures, 'xml/kai-malformed-catalog.xml'), '--json']);
    const [job] = parseJson<BackgroundJobRow[]>(run);
    const imports = parseJson<DataImportJobRow[]>(await kai(['imports', '--json']));
    const row = imports.find((entry) => entry.background_job_id === job!.id)!;
    expect(run.code).toBe(1);
    expect(job?.status).toBe('failed');
    expect(job?.error).toMatch(/line \d+/);
    expect(job?.error).toContain('kai-malformed-catalog.xml');
    expect(row.status).toBe('failed');
    expect(row.processed_products).toBeGreaterThan(0);
  });

  it('fails an empty feed as a visible job', async () => {
    const empty = join(dir.path, 'empty.csv');
    await writeFile(empty, '');
    const run = await kai(['ingest', empty, '--json']);
    const [job] = parseJson<BackgroundJobRow[]>(run);
    expect(job?.status).toBe('failed');
    expect(job?.error).toContain('empty.csv');
  });

  it('rejects a mapping naming missing fields', async () => {
    const mappingPath = join(dir.path, 'wrong-mapping.json');
    const preview = parseJson<{ proposedMapping: { fields: Record<string, unknown> } }>(
      await kai(['import', rss, '--preview', '--json']),
    );
    const mapping = preview.proposedMapping as {
      fields: Record<string, { source: unknown; confidence: number }>;
    };
    mapping.fields.name = { source: 'no_such_column', confidence: 1 };
    await writeFile(mappingPath, JSON.stringify(mapping));
    const jobsBefore = parseJson<BackgroundJobRow[]>(await kai(['jobs', '--json']));
    const run = await kai(['import', rss, '--mapping', mappingPath]);
    const jobsAfter = parseJson<BackgroundJobRow[]>(await kai(['jobs', '--json']));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"no_such_column"');
    expect(jobsAfter).toHaveLength(jobsBefore.length);
  });

  it('rejects a missing file and an unknown encoding', async () => {
    const missing = await kai(['import', join(dir.path, 'missing.csv')]);
    const encoding = await kai(['import', rss, '--encoding', 'no-such-encoding']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The file does not exist.');
    expect(encoding.code).toBe(1);
    expect(encoding.stderr).toContain('"no-such-encoding" is not known');
  });

  it('imports with an explicit record path', async () => {
    const feed = join(fixtures, 'xml/kai-single-product-no-repeat.xml');
    const run = await kai(['import', feed, '--record-path', 'catalog/product', '--json']);
    const job = parseJson<ImportedJob>(run);
    expect(job.status).toBe('completed');
    expect(job.data_import_job.processed_products).toBe(1);
  });

  it('reuses a saved supplier template', async () => {
    const feed = join(dir.path, 'fliesen-2.csv');
    await writeTileFeed(feed, 10);
    const preview = parseJson<{ proposedMapping: { fields: Record<string, unknown> } }>(
      await kai(['import', feed, '--preview', '--json', '--source', 'fliesen-b']),
    );
    const mapping = preview.proposedMapping as {
      fields: Record<string, { source: unknown; confidence: number }>;
    };
    mapping.fields.category = { source: 'Format', confidence: 1 };
    const mappingPath = join(dir.path, 'mapping.json');
    await writeFile(mappingPath, JSON.stringify(mapping));
    await kai([
      'import',
      feed,
      '--source',
      'fliesen-b',
      '--mapping',
      mappingPath,
      '--save-template',
    ]);

    const again = parseJson<{ template: { fields: Record<string, { source: unknown }> } | null }>(
      await kai(['import', feed, '--preview', '--json', '--source', 'fliesen-b']),
    );
    expect(again.template?.fields.category?.source).toBe('Format');
  });
});
