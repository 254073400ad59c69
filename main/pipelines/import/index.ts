/**
 * Public API of the feed import: preview a feed, then stream its products with a mapping.
 * The modules behind it are split by concept (format and encoding detection, one reader per
 * format, field profiling, the mapping dictionary, presets and record-to-material mapping).
 */
export { previewFeed, type FeedPreview, type PreviewFeedOptions } from './feed-preview.ts';
export {
  readFeedProducts,
  readFeedRecords,
  type FeedProduct,
  type ReadFeedProductsOptions,
} from './feed-products.ts';
export { openFeed, type OpenedFeed, type OpenFeedOptions } from './feed-source.ts';
export {
  emptyMapping,
  parseFeedMapping,
  PRESET_IDS,
  type FeedMapping,
  type FieldMapping,
  type PresetId,
} from './feed-mapping.ts';
export {
  applyMapping,
  UPDATE_ONLY_FIELD,
  type MappingResult,
  type RowFailure,
} from './record-to-material.ts';
export { productKey } from './product-key.ts';
export { proposeMapping } from './mapping-proposal.ts';
export { profileFields, DEFAULT_PROFILE_RECORDS, type FieldProfile } from './field-profile.ts';
export { TARGET_FIELDS, type TargetField } from './mapping-dictionary.ts';
export type { EncodingInfo } from './encoding-detection.ts';
export type {
  ByteProgress,
  FeedFormat,
  FeedRecord,
  ImportType,
  ProgressCallback,
  ReadControl,
  RecordFields,
  RecordIssue,
} from './feed-types.ts';
