/** `imports:preview` over the feed importer's `previewFeed`, in the contract's shape. */
import type { ImportPreview, ProposedMapping } from '../../contract/calls/imports-calls.ts';
import { MATERIAL_TARGET_FIELDS } from '../../contract/vocabulary.ts';
import { previewFeed } from '../pipelines/import/feed-preview.ts';

/** Reads the start of the feed at `path` and proposes a mapping. */
export async function previewImport(path: string): Promise<ImportPreview> {
  const preview = await previewFeed(path);
  const mapping: ProposedMapping[] = [];
  for (const target of MATERIAL_TARGET_FIELDS) {
    const field = preview.proposedMapping.fields[target];
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
    // TODO: look up a saved template by the feed's field signature once the core exposes
    // the mapping-templates repository.
    template: null,
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
