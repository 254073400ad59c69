import { randomUUID } from 'node:crypto';
import type { MaterialDraft } from '../materials/material-draft.ts';
import type { Sql } from './database.ts';
import type { MaterialRow } from '../../contract/rows.ts';

// The row types are defined once, in the contract the UI shares; this module writes them.
export type { MaterialRow };

/** The origin of a batch of materials. */
export interface MaterialSource {
  sourceType: MaterialRow['source_type'];
  sourceName?: string | null;
  documentId?: string | null;
  jobId?: string | null;
}

export interface MaterialFilter {
  jobId?: string;
  documentId?: string;
  sourceType?: MaterialRow['source_type'];
  search?: string;
  limit?: number;
}

const MATERIAL_COLUMNS = `id, dedupe_key, name, sku, category, material_type, dimensions,
  thickness, finish, color, price::float8 as price, currency, manufacturer, source_type,
  source_name, source_url, document_id, page_number, job_id, confidence, attributes,
  to_json(created_at)#>>'{}' as created_at, to_json(updated_at)#>>'{}' as updated_at`;

/** All writes to `materials` and `material_tiles`. */
export const materialsRepository = {
  /**
   * Inserts or updates one material on its dedupe key and returns its id, so a rerun of the
   * same source updates rows in place instead of adding new ones.
   */
  async upsert(
    sql: Sql,
    dedupeKey: string,
    draft: MaterialDraft,
    source: MaterialSource,
  ): Promise<string> {
    const result = await sql.query<{ id: string }>(
      `insert into materials (id, dedupe_key, name, sku, category, material_type, dimensions,
         thickness, finish, color, price, currency, manufacturer, source_type, source_name,
         source_url, document_id, page_number, job_id, confidence, attributes)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
         $19, $20, $21)
       on conflict (dedupe_key) do update set name = excluded.name, sku = excluded.sku,
         category = excluded.category, material_type = excluded.material_type,
         dimensions = excluded.dimensions, thickness = excluded.thickness,
         finish = excluded.finish, color = excluded.color, price = excluded.price,
         currency = excluded.currency, manufacturer = excluded.manufacturer,
         source_name = excluded.source_name, source_url = excluded.source_url,
         document_id = excluded.document_id, page_number = excluded.page_number,
         job_id = excluded.job_id, confidence = excluded.confidence,
         attributes = excluded.attributes, updated_at = now()
       returning id`,
      [
        randomUUID(),
        dedupeKey,
        draft.name,
        draft.sku,
        draft.category,
        draft.materialType,
        draft.dimensions,
        draft.thickness,
        draft.finish,
        draft.color,
        draft.price,
        draft.currency,
        draft.manufacturer,
        source.sourceType,
        source.sourceName ?? null,
        draft.sourceUrl ?? null,
        source.documentId ?? null,
        draft.pageNumber ?? null,
        source.jobId ?? null,
        Math.max(0, Math.min(1, draft.confidence)),
        draft.attributes,
      ],
    );
    return result.rows[0]!.id;
  },

  /**
   * Updates only the price and currency of an existing material (a price-update feed such as
   * BMEcat T_UPDATE_PRICES). Returns false when no material has that key.
   */
  async updatePrice(
    sql: Sql,
    dedupeKey: string,
    fields: { price: number | null; currency: string | null; jobId: string | null },
  ): Promise<boolean> {
    const result = await sql.query(
      `update materials set price = $2, currency = coalesce($3, currency), job_id = $4,
         updated_at = now()
       where dedupe_key = $1`,
      [dedupeKey, fields.price, fields.currency, fields.jobId],
    );
    return (result.affectedRows ?? 0) > 0;
  },

  async list(sql: Sql, filter: MaterialFilter = {}): Promise<MaterialRow[]> {
    const result = await sql.query<MaterialRow>(
      `select ${MATERIAL_COLUMNS} from materials
       where ($1::uuid is null or job_id = $1) and ($2::uuid is null or document_id = $2)
         and ($3::text is null or source_type = $3)
         and ($4::text is null or search @@ plainto_tsquery('simple', $4))
       order by document_id, page_number nulls last, name, id limit $5`,
      [
        filter.jobId ?? null,
        filter.documentId ?? null,
        filter.sourceType ?? null,
        filter.search ?? null,
        filter.limit ?? 100_000,
      ],
    );
    return result.rows;
  },

  async listForDocument(
    sql: Sql,
    documentId: string,
  ): Promise<Array<{ id: string; page_number: number | null }>> {
    const result = await sql.query<{ id: string; page_number: number | null }>(
      'select id, page_number from materials where document_id = $1',
      [documentId],
    );
    return result.rows;
  },

  async linkTile(sql: Sql, materialId: string, tileId: string): Promise<void> {
    await sql.query(
      `insert into material_tiles (id, material_id, tile_id) values ($1, $2, $3)
       on conflict (material_id, tile_id) do nothing`,
      [randomUUID(), materialId, tileId],
    );
  },

  async countTileLinks(sql: Sql, documentId: string): Promise<number> {
    const result = await sql.query<{ count: number }>(
      `select count(*)::int as count from material_tiles mt
       join materials m on m.id = mt.material_id where m.document_id = $1`,
      [documentId],
    );
    return result.rows[0]!.count;
  },
};

/** Removes a document's PDF materials whose keys a new extraction no longer produced. */
export async function deleteStaleDocumentMaterials(
  sql: Sql,
  documentId: string,
  keptKeys: string[],
): Promise<number> {
  const result = await sql.query(
    `delete from materials where document_id = $1 and source_type = 'pdf'
       and not (dedupe_key = any($2::text[]))`,
    [documentId, keptKeys],
  );
  return result.affectedRows ?? 0;
}
