import { randomUUID } from 'node:crypto';
import type { Sql } from './database.ts';
import type {
  DataImportJobRow,
  ImportRowFailureRow,
  ImportMappingTemplateRow,
} from '../../contract/rows.ts';
import type { ImportType } from '../../contract/vocabulary.ts';

// The row types are defined once, in the contract the UI shares; this module writes them.
export type { DataImportJobRow, ImportRowFailureRow, ImportMappingTemplateRow, ImportType };

export interface ImportRowFailure {
  rowNumber: number;
  line?: number | null;
  field: string;
  reason: string;
  rawValue?: string | null;
}

const TEMPLATE_COLUMNS = `id, supplier, field_signature, import_type, field_mappings,
  to_json(created_at)#>>'{}' as created_at, to_json(updated_at)#>>'{}' as updated_at`;

const IMPORT_COLUMNS = `id, background_job_id, source_name, import_type, status, file_path, encoding,
  preset, total_products, processed_products, failed_products, last_committed_row,
  field_mappings, to_json(created_at)#>>'{}' as created_at,
  to_json(updated_at)#>>'{}' as updated_at, error_message`;

/** All writes to `data_import_jobs`, `import_row_failures` and `import_mapping_templates`. */
export const importsRepository = {
  async insert(
    sql: Sql,
    fields: {
      backgroundJobId: string;
      sourceName: string;
      importType: ImportType;
      filePath: string;
      encoding?: string | null;
      preset?: string | null;
      fieldMappings: Record<string, unknown>;
    },
  ): Promise<DataImportJobRow> {
    const result = await sql.query<DataImportJobRow>(
      `insert into data_import_jobs (id, background_job_id, source_name, import_type, file_path,
         encoding, preset, field_mappings)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${IMPORT_COLUMNS}`,
      [
        randomUUID(),
        fields.backgroundJobId,
        fields.sourceName,
        fields.importType,
        fields.filePath,
        fields.encoding ?? null,
        fields.preset ?? null,
        fields.fieldMappings,
      ],
    );
    return result.rows[0]!;
  },

  async getByJob(sql: Sql, backgroundJobId: string): Promise<DataImportJobRow | undefined> {
    const result = await sql.query<DataImportJobRow>(
      `select ${IMPORT_COLUMNS} from data_import_jobs where background_job_id = $1`,
      [backgroundJobId],
    );
    return result.rows[0];
  },

  async list(sql: Sql, limit = 500): Promise<DataImportJobRow[]> {
    const result = await sql.query<DataImportJobRow>(
      `select ${IMPORT_COLUMNS} from data_import_jobs order by created_at desc limit $1`,
      [limit],
    );
    return result.rows;
  },

  async setStatus(
    sql: Sql,
    id: string,
    status: DataImportJobRow['status'],
    errorMessage: string | null = null,
  ): Promise<void> {
    await sql.query(
      `update data_import_jobs set status = $2, error_message = $3, updated_at = now() where id = $1`,
      [id, status, errorMessage],
    );
  },

  /**
   * Records a committed batch: counters only grow, and the resume cursor moves to the last
   * row of the batch. Runs in the batch's transaction.
   */
  async recordBatch(
    sql: Sql,
    id: string,
    batch: { processed: number; failed: number; lastRow: number; totalProducts?: number },
  ): Promise<void> {
    await sql.query(
      `update data_import_jobs set processed_products = processed_products + $2,
         failed_products = failed_products + $3,
         last_committed_row = greatest(last_committed_row, $4),
         total_products = greatest(total_products, coalesce($5, 0),
           processed_products + $2 + failed_products + $3),
         updated_at = now()
       where id = $1`,
      [id, batch.processed, batch.failed, batch.lastRow, batch.totalProducts ?? null],
    );
  },

  async setTotal(sql: Sql, id: string, total: number): Promise<void> {
    await sql.query(
      `update data_import_jobs set total_products = $2, updated_at = now() where id = $1`,
      [id, total],
    );
  },

  async addFailure(sql: Sql, importId: string, failure: ImportRowFailure): Promise<boolean> {
    const result = await sql.query(
      `insert into import_row_failures (id, data_import_job_id, row_number, line, field, reason,
         raw_value)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (data_import_job_id, row_number, field) do nothing`,
      [
        randomUUID(),
        importId,
        failure.rowNumber,
        failure.line ?? null,
        failure.field,
        failure.reason,
        failure.rawValue ?? null,
      ],
    );
    return (result.affectedRows ?? 0) > 0;
  },

  async listFailures(sql: Sql, importId: string): Promise<ImportRowFailureRow[]> {
    const result = await sql.query<ImportRowFailureRow>(
      `select id, data_import_job_id, row_number, line, field, reason, raw_value,
         to_json(created_at)#>>'{}' as created_at, to_json(updated_at)#>>'{}' as updated_at
       from import_row_failures
       where data_import_job_id = $1 order by row_number, field`,
      [importId],
    );
    return result.rows;
  },

  async saveTemplate(
    sql: Sql,
    template: {
      supplier: string;
      fieldSignature: string;
      importType: ImportType;
      fieldMappings: Record<string, unknown>;
    },
  ): Promise<void> {
    await sql.query(
      `insert into import_mapping_templates (id, supplier, field_signature, import_type,
         field_mappings)
       values ($1, $2, $3, $4, $5)
       on conflict (supplier, field_signature) do update set
         field_mappings = excluded.field_mappings, import_type = excluded.import_type,
         updated_at = now()`,
      [
        randomUUID(),
        template.supplier,
        template.fieldSignature,
        template.importType,
        template.fieldMappings,
      ],
    );
  },

  async findTemplate(
    sql: Sql,
    supplier: string,
    fieldSignature: string,
  ): Promise<ImportMappingTemplateRow | undefined> {
    const result = await sql.query<ImportMappingTemplateRow>(
      `select ${TEMPLATE_COLUMNS} from import_mapping_templates
       where supplier = $1 and field_signature = $2`,
      [supplier, fieldSignature],
    );
    return result.rows[0];
  },

  async listTemplates(sql: Sql, supplier?: string): Promise<ImportMappingTemplateRow[]> {
    const result = await sql.query<ImportMappingTemplateRow>(
      `select ${TEMPLATE_COLUMNS} from import_mapping_templates
       where ($1::text is null or supplier = $1) order by supplier, updated_at desc`,
      [supplier ?? null],
    );
    return result.rows;
  },

  async get(sql: Sql, id: string): Promise<DataImportJobRow | undefined> {
    const result = await sql.query<DataImportJobRow>(
      `select ${IMPORT_COLUMNS} from data_import_jobs where id = $1 or background_job_id = $1`,
      [id],
    );
    return result.rows[0];
  },
};
