import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A folder of numbered SQL migrations (`0001_name.sql`). `supabase/migrations` contains the
 * schema shared with Supabase; `main/store/local-migrations` contains tables that exist only in
 * the embedded store. Each source keeps its own version sequence.
 */
export interface MigrationSource {
  name: 'shared' | 'local';
  directory: string;
}

export interface Migration {
  source: MigrationSource['name'];
  version: number;
  name: string;
  sql: string;
}

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  readonly code = 'schema_too_new';

  constructor(source: string, databaseVersion: number, appVersion: number) {
    super(
      `The database's ${source} schema is at version ${databaseVersion}, but this build of KAI ` +
        `Console knows only up to ${appVersion}. Upgrade KAI Console, or open another data folder.`,
    );
  }
}

export function defaultMigrationSources(): MigrationSource[] {
  return [
    {
      name: 'shared',
      directory: fileURLToPath(new URL('../../supabase/migrations/', import.meta.url)),
    },
    { name: 'local', directory: fileURLToPath(new URL('./local-migrations/', import.meta.url)) },
  ];
}

/** Reads a source's migrations in version order; a missing folder has none. */
export async function readMigrations(source: MigrationSource): Promise<Migration[]> {
  const files = await readdir(source.directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });

  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d+)_([\w-]+)\.sql$/.exec(file);
    if (!match) continue;
    const sql = await readFile(`${source.directory}/${file}`, 'utf8');
    migrations.push({ source: source.name, version: Number(match[1]), name: match[2]!, sql });
  }

  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i += 1) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`Two ${source.name} migrations share version ${migrations[i]!.version}.`);
    }
  }
  return migrations;
}

/**
 * Applies every pending migration, each in its own transaction together with its row in
 * `kai_schema_migrations`, so a crash leaves the schema at a whole version. Rejects a
 * database that has a version this build does not know.
 */
export async function applyMigrations(sql: PGlite, sources: MigrationSource[]): Promise<number> {
  await sql.exec(`
    create table if not exists kai_schema_migrations (
      source text not null,
      version integer not null,
      name text not null,
      applied_at timestamptz not null default now(),
      primary key (source, version)
    )`);

  let applied = 0;
  for (const source of sources) {
    const migrations = await readMigrations(source);
    const done = await sql.query<{ version: number }>(
      'select version from kai_schema_migrations where source = $1',
      [source.name],
    );
    const doneVersions = new Set(done.rows.map((row) => row.version));
    const newestKnown = migrations.at(-1)?.version ?? 0;
    const newestApplied = Math.max(0, ...doneVersions);
    if (newestApplied > newestKnown) {
      throw new SchemaTooNewError(source.name, newestApplied, newestKnown);
    }

    for (const migration of migrations) {
      if (doneVersions.has(migration.version)) continue;
      await sql.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query(
          'insert into kai_schema_migrations (source, version, name) values ($1, $2, $3)',
          [migration.source, migration.version, migration.name],
        );
      });
      applied += 1;
    }
  }
  return applied;
}
