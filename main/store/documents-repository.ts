import { randomUUID } from 'node:crypto';
import type { Sql } from './database.ts';
import type { DocumentCounts, TileRow } from '../../contract/rows.ts';

// The row types are defined once, in the contract the UI shares; this module writes them.
export type { DocumentCounts, TileRow };

export interface DocumentRow {
  id: string;
  sha256: string;
  filename: string;
  file_size: number;
  page_count: number | null;
  encrypted: boolean;
  metadata: Record<string, unknown>;
}

export interface PageRow {
  page_number: number;
  text: string;
  has_text_layer: boolean;
  width: number | null;
  height: number | null;
  image_path: string | null;
  warnings: string[];
}

export interface NewPage {
  pageNumber: number;
  text: string;
  hasTextLayer: boolean;
  width: number;
  height: number;
  warnings: string[];
}

export interface NewChunk {
  chunkIndex: number;
  pageNumber: number;
  text: string;
  charStart: number;
  charEnd: number;
}

export interface NewTile {
  pageNumber: number;
  filePath: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Formats a vector for pgvector's text input. */
function vectorLiteral(vector: number[]): string {
  return `[${vector.join(',')}]`;
}

/**
 * All writes to `documents`, `document_pages`, `document_chunks` and `document_tiles`. Every
 * write is an upsert on the table's natural key, so a stage that runs twice writes nothing
 * new.
 */
export const documentsRepository = {
  async upsert(
    sql: Sql,
    document: { sha256: string; filename: string; fileSize: number },
  ): Promise<DocumentRow> {
    const result = await sql.query<DocumentRow>(
      `insert into documents (id, sha256, filename, file_size) values ($1, $2, $3, $4)
       on conflict (sha256) do update set updated_at = now()
       returning id, sha256, filename, file_size, page_count, encrypted, metadata`,
      [randomUUID(), document.sha256, document.filename, document.fileSize],
    );
    return result.rows[0]!;
  },

  async get(sql: Sql, id: string): Promise<DocumentRow | undefined> {
    const result = await sql.query<DocumentRow>(
      `select id, sha256, filename, file_size, page_count, encrypted, metadata
       from documents where id = $1`,
      [id],
    );
    return result.rows[0];
  },

  async setLoaded(
    sql: Sql,
    id: string,
    fields: { pageCount: number; encrypted: boolean; metadata: Record<string, unknown> },
  ): Promise<void> {
    await sql.query(
      `update documents set page_count = $2, encrypted = $3, metadata = $4, updated_at = now()
       where id = $1`,
      [id, fields.pageCount, fields.encrypted, fields.metadata],
    );
  },

  async upsertPage(sql: Sql, documentId: string, page: NewPage): Promise<void> {
    await sql.query(
      `insert into document_pages
         (id, document_id, page_number, text, has_text_layer, width, height, warnings)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (document_id, page_number) do update set text = excluded.text,
         has_text_layer = excluded.has_text_layer, width = excluded.width,
         height = excluded.height, warnings = excluded.warnings, updated_at = now()`,
      [
        randomUUID(),
        documentId,
        page.pageNumber,
        page.text,
        page.hasTextLayer,
        page.width,
        page.height,
        JSON.stringify(page.warnings),
      ],
    );
  },

  async setPageImage(
    sql: Sql,
    documentId: string,
    pageNumber: number,
    path: string,
  ): Promise<void> {
    await sql.query(
      `update document_pages set image_path = $3, updated_at = now()
       where document_id = $1 and page_number = $2`,
      [documentId, pageNumber, path],
    );
  },

  async listPages(sql: Sql, documentId: string): Promise<PageRow[]> {
    const result = await sql.query<PageRow>(
      `select page_number, text, has_text_layer, width, height, image_path, warnings
       from document_pages where document_id = $1 order by page_number`,
      [documentId],
    );
    return result.rows;
  },

  /** Replaces the document's chunks: rows past the new last index are removed. */
  async replaceChunks(sql: Sql, documentId: string, chunks: NewChunk[]): Promise<void> {
    for (const chunk of chunks) {
      await sql.query(
        `insert into document_chunks
           (id, document_id, chunk_index, page_number, text, char_start, char_end)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (document_id, chunk_index) do update set page_number = excluded.page_number,
           text = excluded.text, char_start = excluded.char_start, char_end = excluded.char_end,
           embedding = null, updated_at = now()`,
        [
          randomUUID(),
          documentId,
          chunk.chunkIndex,
          chunk.pageNumber,
          chunk.text,
          chunk.charStart,
          chunk.charEnd,
        ],
      );
    }
    await sql.query('delete from document_chunks where document_id = $1 and chunk_index >= $2', [
      documentId,
      chunks.length,
    ]);
  },

  async listChunks(
    sql: Sql,
    documentId: string,
  ): Promise<Array<{ id: string; chunk_index: number; text: string; page_number: number }>> {
    const result = await sql.query<{
      id: string;
      chunk_index: number;
      text: string;
      page_number: number;
    }>(
      `select id, chunk_index, text, page_number from document_chunks
       where document_id = $1 order by chunk_index`,
      [documentId],
    );
    return result.rows;
  },

  async setChunkEmbedding(sql: Sql, id: string, vector: number[], model: string): Promise<void> {
    await sql.query(
      `update document_chunks set embedding = $2::vector, embedding_model = $3, updated_at = now()
       where id = $1`,
      [id, vectorLiteral(vector), model],
    );
  },

  async upsertTile(sql: Sql, documentId: string, tile: NewTile): Promise<void> {
    await sql.query(
      `insert into document_tiles
         (id, document_id, page_number, file_path, x, y, width, height)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (document_id, page_number, x, y) do update set file_path = excluded.file_path,
         width = excluded.width, height = excluded.height, updated_at = now()`,
      [
        randomUUID(),
        documentId,
        tile.pageNumber,
        tile.filePath,
        tile.x,
        tile.y,
        tile.width,
        tile.height,
      ],
    );
  },

  async listTiles(sql: Sql, documentId: string): Promise<TileRow[]> {
    const result = await sql.query<TileRow>(
      `select id, page_number, file_path, x, y, width, height from document_tiles
       where document_id = $1 order by page_number, y, x`,
      [documentId],
    );
    return result.rows;
  },

  async setTileEmbedding(sql: Sql, id: string, vector: number[], model: string): Promise<void> {
    await sql.query(
      `update document_tiles set embedding = $2::vector, embedding_model = $3, updated_at = now()
       where id = $1`,
      [id, vectorLiteral(vector), model],
    );
  },

  async counts(sql: Sql, documentId: string): Promise<DocumentCounts> {
    const result = await sql.query<DocumentCounts>(
      `select
         (select count(*)::int from document_pages where document_id = $1) as pages,
         (select count(*)::int from document_chunks where document_id = $1) as chunks,
         (select count(*)::int from document_tiles where document_id = $1) as tiles,
         (select count(*)::int from materials where document_id = $1) as materials`,
      [documentId],
    );
    return result.rows[0]!;
  },
};
