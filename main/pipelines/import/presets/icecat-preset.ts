import type { FeedRecord, RecordFields } from '../feed-types.ts';
import { feedInputError } from '../feed-errors.ts';
import { getFieldGroups, getFirstText } from '../record-fields.ts';
import type { FeedPreset } from './preset-types.ts';

/**
 * Icecat product data-sheets (`ICECAT-interface/Product`). An Icecat error response (a
 * Product with `Code="-1"` and an ErrorMessage) raises an InputError instead of becoming an
 * empty product.
 */
export const icecatPreset: FeedPreset = {
  id: 'icecat',
  label: 'Icecat data-sheet',
  detect: (sniff) => sniff.format === 'xml' && sniff.xml?.rootName === 'ICECAT-interface',
  recordPath: () => 'ICECAT-interface/Product',
  fields: {
    name: ['@Title', '@Name'],
    sku: '@Prod_id',
    description: ['ProductDescription.@LongDesc', 'SummaryDescription.LongSummaryDescription'],
    category: 'Category.Name.@Value',
    manufacturer: 'Supplier.@Name',
    image_urls: '_image_urls',
    product_url: 'ProductDescription.@URL',
    barcode: 'EANCode.@EAN',
  },
  async *transform(records, source) {
    for await (const record of records) {
      rejectErrorResponse(record, source);
      yield { ...record, fields: deriveFields(record.fields) };
    }
  },
};

function rejectErrorResponse(record: FeedRecord, source: string): void {
  const message = getFirstText(record.fields, '@ErrorMessage');
  if (getFirstText(record.fields, '@Code') !== '-1' && !message) return;
  throw feedInputError(
    'feed_error_response',
    source,
    record.line === undefined ? undefined : { line: record.line },
    `The file is an Icecat error response, not a data-sheet: ${message ?? 'Code -1'}`,
    'Check the product code and language of the Icecat request; the response holds no product.',
  );
}

function deriveFields(fields: RecordFields): RecordFields {
  const derived: RecordFields = { ...fields };
  const images = [getFirstText(fields, '@HighPic')];
  for (const picture of getFieldGroups(fields, 'ProductGallery.ProductPicture')) {
    images.push(getFirstText(picture, '@Pic'));
  }
  const unique = [...new Set(images.filter((url): url is string => url !== null))];
  if (unique.length > 0) derived['_image_urls'] = unique;
  const features: Record<string, string> = {};
  for (const feature of getFieldGroups(fields, 'ProductFeature')) {
    const name = getFirstText(feature, 'Feature.Name.@Value');
    const value = getFirstText(feature, '@Presentation_Value');
    if (name && value) features[name] = value;
  }
  if (Object.keys(features).length > 0) derived['_features'] = features;
  return derived;
}
