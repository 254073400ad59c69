import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { applyMigrations, defaultMigrationSources, type MigrationSource } from './migrations.ts';

/** Anything that runs SQL: the database itself or an open transaction. */
export type Sql = PGlite | Transaction;

/** The embedded Postgres store of one data folder. */
export interface Database {
  readonly sql: PGlite;
  readonly dataDir: string;
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Migration folders; defaults to `supabase/migrations` and the local-only folder. */
  migrationSources?: MigrationSource[];
}

/**
 * Opens (creating when missing) the PGlite database in `<dataDir>/pgdata`, takes the data
 * folder's lock so no second process writes to it, and applies pending migrations.
 */
export async function openDatabase(
  dataDir: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir);

  let sql: PGlite;
  try {
    sql = await PGlite.create(`${dataDir}/pgdata`, { extensions: { vector } });
    await applyMigrations(sql, options.migrationSources ?? defaultMigrationSources());
  } catch (error) {
    await lock.release();
    throw error;
  }

  return createDatabase(sql, dataDir, lock);
}

function createDatabase(sql: PGlite, dataDir: string, lock: DataDirLock): Database {
  let closed = false;
  return {
    sql,
    dataDir,
    transaction: (work) => sql.transaction(work),
    async close() {
      if (closed) return;
      closed = true;
      await sql.close();
      await lock.release();
    },
  };
}
