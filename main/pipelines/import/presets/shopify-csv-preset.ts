import type { FeedRecord, RecordFields } from '../feed-types.ts';
import { scoreFieldName } from '../mapping-dictionary.ts';
import { valueToText } from '../record-fields.ts';
import type { FeedPreset } from './preset-types.ts';

/** Columns that describe one variant or one image row rather than the product. */
const ROW_LEVEL = /^(?:Variant |Option\d |Image |Cost per item)/;

interface ProductGroup {
  handle: string;
  first: FeedRecord;
  images: string[];
  variants: RecordFields[];
}

/**
 * Shopify product CSV (admin export and import template). Rows that share a Handle are one
 * product: the first row carries the product, later rows add variants or only images, and
 * their blank product-level cells mean "same as the first row".
 */
export const shopifyCsvPreset: FeedPreset = {
  id: 'shopify_csv',
  label: 'Shopify product CSV',
  detect: (sniff) => {
    const columns = new Set(sniff.csvColumns ?? []);
    return (
      sniff.format === 'csv' &&
      columns.has('Handle') &&
      columns.has('Title') &&
      (columns.has('Variant Price') || columns.has('Variant SKU'))
    );
  },
  fields: {
    name: 'Title',
    sku: 'Variant SKU',
    description: 'Body (HTML)',
    category: ['Product Category', 'Type'],
    manufacturer: 'Vendor',
    price: 'Variant Price',
    image_urls: 'Image Src',
    stock: 'Variant Inventory Qty',
    barcode: 'Variant Barcode',
    color: '_color',
  },
  transform: groupByHandle,
};

// NOTE: rows are grouped while consecutive, as Shopify exports them; a handle that reappears
// after other products starts a second product with the same handle.
async function* groupByHandle(records: AsyncIterable<FeedRecord>): AsyncGenerator<FeedRecord> {
  let group: ProductGroup | null = null;
  for await (const record of records) {
    const handle = valueToText(record.fields['Handle']);
    if (record.issue || handle === null) {
      yield handle === null && !record.issue ? withoutHandle(record) : record;
      continue;
    }
    if (group && group.handle === handle) {
      addRow(group, record);
      continue;
    }
    if (group) yield finishGroup(group);
    group = { handle, first: record, images: [], variants: [] };
    addRow(group, record);
  }
  if (group) yield finishGroup(group);
}

function withoutHandle(record: FeedRecord): FeedRecord {
  return {
    ...record,
    issue: {
      field: 'Handle',
      reason: 'The row has no Handle, so it belongs to no product.',
      rawValue: '',
    },
  };
}

function addRow(group: ProductGroup, record: FeedRecord): void {
  for (const column of ['Image Src', 'Variant Image']) {
    const image = valueToText(record.fields[column]);
    if (image && !group.images.includes(image)) group.images.push(image);
  }
  const fields = record.fields;
  const isVariant = ['Variant SKU', 'Variant Price', 'Option1 Value'].some((c) =>
    valueToText(fields[c]),
  );
  if (isVariant) group.variants.push(variantOf(fields, group.first.fields));
}

function variantOf(fields: RecordFields, first: RecordFields): RecordFields {
  const variant: RecordFields = {};
  for (const [column, value] of Object.entries(first)) {
    if (!ROW_LEVEL.test(column) || column.startsWith('Image ')) continue;
    const own = valueToText(fields[column]);
    // Option names are given on the first row only; other variant cells are the row's own.
    const inherited = /^Option\d Name$/.test(column) ? valueToText(value) : null;
    const text = own ?? inherited;
    if (text !== null) variant[column] = text;
  }
  return variant;
}

function finishGroup(group: ProductGroup): FeedRecord {
  const fields: RecordFields = { ...group.first.fields };
  fields['Image Src'] = group.images;
  if (group.variants.length > 0) fields['_variants'] = group.variants;
  const color = optionValue(group.first.fields, 'color');
  if (color && group.variants.length === 1) fields['_color'] = color;
  return { ...group.first, fields };
}

function optionValue(fields: RecordFields, target: 'color'): string | null {
  for (const index of [1, 2, 3]) {
    const name = valueToText(fields[`Option${index} Name`]);
    if (name && scoreFieldName(target, name) >= 0.8)
      return valueToText(fields[`Option${index} Value`]);
  }
  return null;
}
