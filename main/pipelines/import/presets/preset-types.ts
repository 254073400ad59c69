import type { FeedFormat, FeedRecord } from '../feed-types.ts';
import type { PresetId } from '../feed-mapping.ts';
import type { TargetField } from '../mapping-dictionary.ts';
import type { XmlStructure } from '../xml-structure.ts';

/** Facts about a feed gathered before reading records, from which presets are detected. */
export interface FeedSniff {
  source: string;
  format: FeedFormat;
  /** Root element, namespaces and repeating elements of an XML feed. */
  xml?: XmlStructure;
  /** Column names of a CSV feed. */
  csvColumns?: string[];
}

/**
 * A known feed layout. Presets supply the record path and a mapping, and may rewrite the
 * record stream: adding derived fields whose names start with `_`, merging rows that belong to
 * one product, or raising for error responses.
 */
export interface FeedPreset {
  id: PresetId;
  label: string;
  detect(sniff: FeedSniff): boolean;
  /** Record path for XML feeds; without it the repeating element is detected. */
  recordPath?(sniff: FeedSniff): string;
  /** Sources for material fields, used when they occur in the records. */
  fields: Partial<Record<TargetField, string | string[]>>;
  transform?(records: AsyncIterable<FeedRecord>, source: string): AsyncGenerator<FeedRecord>;
}

/**
 * Record field a preset sets on records that describe no product (a DATANORM product group),
 * with the reason as its value. Such records are skipped when reading products.
 */
export const NOT_A_PRODUCT_FIELD = '_not_a_product';
