import type { MaterialDraft } from '../../materials/material-draft.ts';
import type { FeedRecord, ReadControl } from './feed-types.ts';
import { feedInputError } from './feed-errors.ts';
import { parseFeedMapping, type FeedMapping } from './feed-mapping.ts';
import { applyMapping, type RowFailure } from './record-to-material.ts';
import { openFeed, type OpenFeedOptions } from './feed-source.ts';
import { NOT_A_PRODUCT_FIELD } from './presets/preset-types.ts';

/** Options of {@link readFeedProducts}. */
export interface ReadFeedProductsOptions extends ReadControl {
  /** The mapping to apply, e.g. a preview's `proposedMapping` or a stored `field_mappings`. */
  mapping: FeedMapping;
  /** Overrides the detected encoding. */
  encoding?: string;
  /** Overrides `mapping.recordPath`. */
  recordPath?: string;
  /** Overrides the sniffed CSV delimiter. */
  delimiter?: string;
}

/** One record's outcome: a material or a row failure, with the record's row and line. */
export type FeedProduct =
  | { rowNumber: number; line?: number; material: MaterialDraft }
  | { rowNumber: number; line?: number; failure: RowFailure };

/**
 * Streams the materials of a feed file. Memory stays bounded by one record (plus the parents
 * a WooCommerce feed remembers), progress is reported in bytes read, and aborting the signal
 * stops the read with `signal.reason`. Records that cannot be mapped are yielded as failures.
 * A file-level problem (malformed XML, wrong encoding, truncation) raises an InputError after
 * the products read before it.
 */
export async function* readFeedProducts(
  path: string,
  options: ReadFeedProductsOptions,
): AsyncGenerator<FeedProduct> {
  const mapping = parseFeedMapping(options.mapping);
  const feed = await openFeed(path, {
    encoding: options.encoding,
    recordPath: options.recordPath ?? mapping.recordPath ?? undefined,
    preset: mapping.preset,
    delimiter: options.delimiter,
  });
  let read = 0;
  let yielded = 0;
  let skipReason: string | null = null;
  for await (const record of feed.records(options)) {
    read++;
    const notProduct = record.fields[NOT_A_PRODUCT_FIELD];
    if (typeof notProduct === 'string') {
      skipReason = notProduct;
      continue;
    }
    yielded++;
    yield toProduct(record, mapping);
  }
  if (read === 0) throw noRecordsError(path);
  if (yielded === 0 && skipReason) {
    throw feedInputError(
      'no_products',
      path,
      undefined,
      skipReason,
      'Import the file that lists the articles (for DATANORM, the .001 file).',
    );
  }
}

function toProduct(record: FeedRecord, mapping: FeedMapping): FeedProduct {
  const result = applyMapping(record, mapping);
  const product =
    'material' in result
      ? { rowNumber: record.rowNumber, material: result.material }
      : { rowNumber: record.rowNumber, failure: result.failure };
  return record.line === undefined ? product : { ...product, line: record.line };
}

function noRecordsError(path: string) {
  return feedInputError(
    'no_records',
    path,
    undefined,
    'The feed contains no records after its header.',
    'Check that the export contains products.',
  );
}

/** Streams the records of a feed without mapping them, e.g. to inspect a layout. */
export async function* readFeedRecords(
  path: string,
  options: ReadControl & OpenFeedOptions = {},
): AsyncGenerator<FeedRecord> {
  const feed = await openFeed(path, options);
  yield* feed.records(options);
}
