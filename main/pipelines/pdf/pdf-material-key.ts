import { createHash } from 'node:crypto';
import type { MaterialDraft } from '../../materials/material-draft.ts';

/**
 * Returns the dedupe key of a PDF material: its document plus its code, or plus its page and
 * normalised name when it has no code. The same file always yields the same keys.
 */
export function pdfMaterialKey(documentId: string, draft: MaterialDraft): string {
  const identity = draft.sku
    ? `sku:${draft.sku.trim().toLowerCase()}`
    : `name:${draft.pageNumber ?? 0}:${draft.name.trim().toLowerCase().replace(/\s+/g, ' ')}:${draft.dimensions ?? ''}`;
  const digest = createHash('sha256').update(identity).digest('hex').slice(0, 32);
  return `pdf:${documentId}:${digest}`;
}
