import type { MaterialTargetField } from '../../../contract/vocabulary.ts';
import { MATERIAL_TARGET_FIELDS } from '../../../contract/vocabulary.ts';

/** Feed field per materials column, the shape `imports:start` takes. */
export type FlatMapping = Partial<Record<MaterialTargetField, string>>;

/** A stored mapping read back for `imports:start`. */
export interface StoredMapping {
  mapping: FlatMapping;
  recordPath: string | null;
}

function firstSource(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (Array.isArray(value)) {
    const first: unknown = value.find((entry) => typeof entry === 'string' && entry !== '');
    return typeof first === 'string' ? first : null;
  }
  return null;
}

/**
 * Reads a `field_mappings` object (of an import or a supplier template) back into a flat
 * mapping. The importer stores `{ version, recordPath, fields: { name: { source } } }`; a
 * flat `{ name: 'designation' }` object is read as it is. Unknown columns are dropped.
 * NOTE: a field with several sources keeps only its first, since `imports:start` takes one
 * feed field per column.
 */
export function readStoredMapping(fieldMappings: Record<string, unknown>): StoredMapping {
  const fields = fieldMappings.fields;
  const nested = typeof fields === 'object' && fields !== null && !Array.isArray(fields);
  const mapping: FlatMapping = {};
  for (const target of MATERIAL_TARGET_FIELDS) {
    const entry = nested ? (fields as Record<string, unknown>)[target] : fieldMappings[target];
    const source = nested
      ? firstSource((entry as { source?: unknown } | undefined)?.source)
      : firstSource(entry);
    if (source) mapping[target] = source;
  }
  const recordPath = fieldMappings.recordPath;
  return { mapping, recordPath: typeof recordPath === 'string' ? recordPath : null };
}
