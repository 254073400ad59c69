import { z } from 'zod';
import { feedInputError } from './feed-errors.ts';
import { TARGET_FIELDS, type TargetField } from './mapping-dictionary.ts';

/** Presets the importer recognises; `null` in a mapping means a generic feed. */
export const PRESET_IDS = [
  'bmecat',
  'google_merchant',
  'shopify_csv',
  'woocommerce_csv',
  'icecat',
  'datanorm',
] as const;

export type PresetId = (typeof PRESET_IDS)[number];

/** Source of one material field. */
export interface FieldMapping {
  /**
   * A field path, or several tried in order. Several sources are concatenated for
   * `image_urls` and joined with ` x ` for `dimensions`; other fields take the first
   * non-empty value.
   */
  source: string | string[] | null;
  /** 0-1; 1 for preset mappings and choices the user confirmed. */
  confidence: number;
}

/**
 * Rules that turn a feed's records into materials. Plain JSON, stored as `field_mappings` of an
 * import job and reused as a supplier template.
 */
export interface FeedMapping {
  version: 1;
  preset: PresetId | null;
  /** XML element path or JSON array path of the records; null for CSV and DATANORM. */
  recordPath: string | null;
  fields: Record<TargetField, FieldMapping>;
  options: {
    /** Decimal separator for numbers with one ambiguous separator (`1.234`). */
    decimalSeparator: '.' | ',';
    /** Currency for prices that name none. */
    defaultCurrency: string | null;
  };
}

const fieldMappingSchema = z.object({
  source: z.union([z.string().min(1), z.array(z.string().min(1)).min(1), z.null()]),
  confidence: z.number().min(0).max(1),
});

const unmapped: FieldMapping = { source: null, confidence: 0 };

const feedMappingSchema = z.object({
  version: z.literal(1),
  preset: z.enum(PRESET_IDS).nullable().default(null),
  recordPath: z.string().min(1).nullable().default(null),
  fields: z
    .object(Object.fromEntries(TARGET_FIELDS.map((t) => [t, fieldMappingSchema.default(unmapped)])))
    .strict(),
  options: z
    .object({
      decimalSeparator: z.enum(['.', ',']).default('.'),
      defaultCurrency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .nullable()
        .default(null),
    })
    .default({ decimalSeparator: '.', defaultCurrency: null }),
});

/** Returns a mapping with every target field unmapped. */
export function emptyMapping(): FeedMapping {
  const fields = Object.fromEntries(TARGET_FIELDS.map((t) => [t, { ...unmapped }]));
  return {
    version: 1,
    preset: null,
    recordPath: null,
    fields: fields as Record<TargetField, FieldMapping>,
    options: { decimalSeparator: '.', defaultCurrency: null },
  };
}

/**
 * Validates a mapping read from storage (`field_mappings` JSONB or a supplier template) and
 * fills defaults for fields it omits. Raises an InputError naming the first invalid key.
 */
export function parseFeedMapping(value: unknown, source = 'field_mappings'): FeedMapping {
  const result = feedMappingSchema.safeParse(value);
  if (result.success) return result.data as FeedMapping;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') || '(root)';
  throw feedInputError(
    'invalid_mapping',
    source,
    undefined,
    `The feed mapping is invalid at ${path}: ${issue?.message ?? 'unknown problem'}.`,
    `Map only the fields ${TARGET_FIELDS.join(', ')}, each to a field path or null.`,
  );
}
