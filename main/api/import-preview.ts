/** `imports:preview` in the contract's shape. */
import type { ImportPreview, ProposedMapping } from '../../contract/calls/imports-calls.ts';
import { MATERIAL_TARGET_FIELDS } from '../../contract/vocabulary.ts';
import type { ImportPreview as CorePreview } from '../pipelines/import/import-service.ts';

/**
 * Converts the core's preview to the contract's. The mapping shown is the supplier's saved
 * template when one matches the feed's fields, else the proposed mapping.
 */
export function toContractPreview(preview: CorePreview): ImportPreview {
  const proposed = preview.template ?? preview.proposedMapping;
  const mapping: ProposedMapping[] = [];
  for (const target of MATERIAL_TARGET_FIELDS) {
    const field = proposed.fields[target];
    // The importer can try several sources in order; the contract's mapping editor offers
    // one per target, so the first (the best-scored) is proposed.
    const source = Array.isArray(field.source) ? field.source[0] : field.source;
    if (source) mapping.push({ target, source, confidence: field.confidence });
  }
  return {
    path: preview.source,
    importType: preview.importType,
    format: preview.format,
    encoding: preview.encoding.name,
    preset: preview.preset?.id ?? null,
    template: preview.templateRow,
    sampledRecords: preview.recordsProfiled,
    recordPath: preview.recordPath,
    fields: preview.fields.map(({ path: fieldPath, fillRate, samples }) => ({
      path: fieldPath,
      fillRate,
      samples,
    })),
    mapping,
    warnings: preview.warnings,
  };
}
