import { z } from 'zod';
import { defineCall } from '../call-spec.ts';
import type { MaterialRow } from '../rows.ts';
import { idSchema } from './common-schemas.ts';

export interface MaterialsListOutput {
  materials: MaterialRow[];
}

export const materialsCalls = {
  'materials:list': defineCall<MaterialsListOutput>()(
    z.strictObject({
      jobId: idSchema.optional(),
      documentId: idSchema.optional(),
      /** Full-text query over name, SKU, category and the other text columns. */
      search: z.string().trim().min(1).max(200).optional(),
      limit: z.number().int().min(1).max(5_000).default(500),
    }),
  ),
};
