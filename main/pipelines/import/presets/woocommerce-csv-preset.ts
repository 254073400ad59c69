import type { FeedRecord, RecordFields } from '../feed-types.ts';
import { scoreFieldName } from '../mapping-dictionary.ts';
import { valueToText } from '../record-fields.ts';
import type { FeedPreset } from './preset-types.ts';

/** Parent columns a variation leaves blank because WooCommerce shows the parent's value. */
const INHERITED_COLUMNS = [
  'Categories',
  'Description',
  'Short description',
  'Images',
  'Brands',
  'Tags',
];

// Upper bound on remembered parents; a catalogue with more variable products than this loses
// inheritance for the oldest parents instead of growing without limit.
const MAX_REMEMBERED_PARENTS = 100_000;

/**
 * WooCommerce product CSV export. Every row is a product; a `variation` row names its parent
 * by SKU or `id:<ID>` in the Parent column and inherits the parent's blank-in-the-variation
 * fields. Parents come before their variations in WooCommerce exports.
 */
export const woocommerceCsvPreset: FeedPreset = {
  id: 'woocommerce_csv',
  label: 'WooCommerce product CSV',
  detect: (sniff) => {
    const columns = new Set(sniff.csvColumns ?? []);
    return (
      sniff.format === 'csv' &&
      ['Type', 'SKU', 'Name'].every((c) => columns.has(c)) &&
      (columns.has('Regular price') || columns.has('Parent'))
    );
  },
  fields: {
    name: 'Name',
    sku: 'SKU',
    description: ['Description', 'Short description'],
    category: 'Categories',
    price: 'Regular price',
    image_urls: 'Images',
    stock: 'Stock',
    product_url: 'External URL',
    manufacturer: ['Brands', 'Brand'],
    barcode: ['GTIN, UPC, EAN, or ISBN', 'EAN'],
    dimensions: ['Length (cm)', 'Width (cm)', 'Height (cm)'],
    color: '_color',
  },
  transform: inheritFromParents,
};

async function* inheritFromParents(records: AsyncIterable<FeedRecord>): AsyncGenerator<FeedRecord> {
  const parents = new Map<string, RecordFields>();
  for await (const record of records) {
    const fields = { ...record.fields };
    const type = valueToText(fields['Type']) ?? '';
    if (type.includes('variation')) inherit(fields, parents);
    else remember(parents, fields);
    const attributes = readAttributes(fields);
    if (Object.keys(attributes).length > 0) fields['_attributes'] = attributes;
    const color = Object.entries(attributes).find(([name]) => scoreFieldName('color', name) >= 0.8);
    if (color) fields['_color'] = color[1];
    yield { ...record, fields };
  }
}

function remember(parents: Map<string, RecordFields>, fields: RecordFields): void {
  if (parents.size >= MAX_REMEMBERED_PARENTS) {
    const oldest = parents.keys().next().value;
    if (oldest !== undefined) parents.delete(oldest);
  }
  const sku = valueToText(fields['SKU']);
  const id = valueToText(fields['ID']);
  if (sku) parents.set(sku, fields);
  if (id) parents.set(`id:${id}`, fields);
}

function inherit(fields: RecordFields, parents: Map<string, RecordFields>): void {
  const parentKey = valueToText(fields['Parent']);
  const parent = parentKey ? parents.get(parentKey) : undefined;
  if (!parentKey) return;
  fields['_parent'] = parentKey;
  if (!parent) return;
  for (const column of INHERITED_COLUMNS) {
    if (valueToText(fields[column]) === null && valueToText(parent[column]) !== null) {
      fields[column] = parent[column];
    }
  }
}

// `Attribute 1 name` = Color and `Attribute 1 value(s)` = Red become { Color: 'Red' }.
function readAttributes(fields: RecordFields): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (let index = 1; `Attribute ${index} name` in fields; index++) {
    const name = valueToText(fields[`Attribute ${index} name`]);
    const value = valueToText(fields[`Attribute ${index} value(s)`]);
    if (name && value) attributes[name] = value;
  }
  return attributes;
}
