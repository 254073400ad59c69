import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_STATUSES, JOB_TYPES } from '../../../main/jobs/job-vocabulary.ts';
import { openDatabase, type Database } from '../../../main/store/database.ts';
import { DataDirLockedError } from '../../../main/store/data-dir-lock.ts';
import {
  defaultMigrationSources,
  readMigrations,
  SchemaTooNewError,
} from '../../../main/store/migrations.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('migrations', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let database: Database;

  beforeAll(async () => {
    dir = await makeTempDir();
    database = await openDatabase(dir.path);
  });

  afterAll(async () => {
    await database.close();
    await dir.remove();
  });

  it('applies every shared migration once', async () => {
    const shared = await readMigrations(defaultMigrationSources()[0]!);
    const applied = await database.sql.query<{ version: number }>(
      "select version from kai_schema_migrations where source = 'shared' order by version",
    );
    expect(applied.rows.map((row) => row.version)).toEqual(shared.map((m) => m.version));
  });

  it('creates every platform column of background_jobs', async () => {
    const result = await database.sql.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'background_jobs'",
    );
    const columns = result.rows.map((row) => row.column_name);
    for (const column of [
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
    ]) {
      expect(columns).toContain(column);
    }
  });

  it('gives every table a uuid id and updated_at', async () => {
    const result = await database.sql.query<{ table_name: string; columns: string[] }>(
      `select table_name, array_agg(column_name::text || ':' || data_type::text) as columns
       from information_schema.columns where table_schema = 'public'
         and table_name <> 'kai_schema_migrations'
       group by table_name`,
    );
    expect(result.rows.length).toBeGreaterThan(5);
    for (const table of result.rows) {
      expect(table.columns, table.table_name).toContain('id:uuid');
      expect(table.columns, table.table_name).toContain('updated_at:timestamp with time zone');
    }
  });

  it('checks the statuses and types the core defines', async () => {
    const definition = async (name: string) => {
      const result = await database.sql.query<{ definition: string }>(
        'select pg_get_constraintdef(oid) as definition from pg_constraint where conname = $1',
        [name],
      );
      return result.rows[0]?.definition ?? '';
    };
    const statuses = await definition('background_jobs_status_check');
    const types = await definition('background_jobs_job_type_check');
    for (const status of JOB_STATUSES) expect(statuses).toContain(`'${status}'`);
    for (const type of JOB_TYPES) expect(types).toContain(`'${type}'`);
    expect(statuses.match(/'[a-z_]+'/g)).toHaveLength(JOB_STATUSES.length);
  });

  it('rejects a status outside the vocabulary', async () => {
    await expect(
      database.sql.query(
        "insert into background_jobs (id, job_type, status) values (gen_random_uuid(), 'pdf_processing', 'stalled')",
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('rejects a second opener of the data folder', async () => {
    await expect(openDatabase(dir.path)).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it('rejects a database newer than the app', async () => {
    const other = await makeTempDir();
    const migrationsDir = join(other.path, 'migrations');
    await mkdir(migrationsDir);
    await writeFile(
      join(migrationsDir, '0001_first.sql'),
      'create table t1 (id uuid primary key);',
    );
    await writeFile(
      join(migrationsDir, '0002_second.sql'),
      'create table t2 (id uuid primary key);',
    );
    const first = await openDatabase(join(other.path, 'data'), {
      migrationSources: [{ name: 'shared', directory: migrationsDir }],
    });
    await first.close();

    const olderAppDir = join(other.path, 'older');
    await mkdir(olderAppDir);
    await writeFile(join(olderAppDir, '0001_first.sql'), 'create table t1 (id uuid primary key);');
    await expect(
      openDatabase(join(other.path, 'data'), {
        migrationSources: [{ name: 'shared', directory: olderAppDir }],
      }),
    ).rejects.toBeInstanceOf(SchemaTooNewError);
    await other.remove();
  });

  it('rolls back a failing migration whole', async () => {
    const other = await makeTempDir();
    const migrationsDir = join(other.path, 'migrations');
    await mkdir(migrationsDir);
    await writeFile(
      join(migrationsDir, '0001_broken.sql'),
      'create table half (id uuid primary key); select no_such_function();',
    );
    await expect(
      openDatabase(join(other.path, 'data'), {
        migrationSources: [{ name: 'shared', directory: migrationsDir }],
      }),
    ).rejects.toThrow(/no_such_function/);

    await writeFile(join(migrationsDir, '0001_broken.sql'), 'select 1;');
    const reopened = await openDatabase(join(other.path, 'data'), {
      migrationSources: [{ name: 'shared', directory: migrationsDir }],
    });
    const tables = await reopened.sql.query(
      "select 1 from information_schema.tables where table_name = 'half'",
    );
    expect(tables.rows).toHaveLength(0);
    await reopened.close();
    await other.remove();
  });
});
