import type { FeedRecord, RecordFields } from '../feed-types.ts';
import { getFieldGroups, getFirstText } from '../record-fields.ts';
import { UPDATE_ONLY_FIELD } from '../record-to-material.ts';
import { isBmecatNamespace } from '../xml-names.ts';
import { materialFieldsFromFeatures, readBmecatFeatures } from './bmecat-features.ts';
import { chooseBmecatPrice, readBmecatPrices } from './bmecat-prices.ts';
import type { FeedPreset } from './preset-types.ts';

const HEADER = 'BMECAT.HEADER.CATALOG';

/** Element names of BMEcat 1.x (ARTICLE) and BMEcat 2005 (PRODUCT) records. */
interface BmecatVocabulary {
  id: string;
  details: string;
  prices: string;
  features: string;
}

const ARTICLE: BmecatVocabulary = {
  id: 'SUPPLIER_AID',
  details: 'ARTICLE_DETAILS',
  prices: 'ARTICLE_PRICE_DETAILS.ARTICLE_PRICE',
  features: 'ARTICLE_FEATURES',
};
const PRODUCT: BmecatVocabulary = {
  id: 'SUPPLIER_PID',
  details: 'PRODUCT_DETAILS',
  prices: 'PRODUCT_PRICE_DETAILS.PRODUCT_PRICE',
  features: 'PRODUCT_FEATURES',
};

/**
 * BMEcat 1.01, 1.2 and 2005 catalogues (new catalogue, product update and price update
 * transactions). Names and descriptions are taken in the catalogue's first language.
 */
export const bmecatPreset: FeedPreset = {
  id: 'bmecat',
  label: 'BMEcat',
  detect: (sniff) =>
    sniff.format === 'xml' &&
    (sniff.xml?.rootName === 'BMECAT' || isBmecatNamespace(sniff.xml?.rootUri ?? '')),
  recordPath: () => 'BMECAT/*/ARTICLE|PRODUCT',
  fields: {
    name: '_name',
    sku: '_sku',
    description: '_description',
    price: '_price',
    currency: '_currency',
    manufacturer: '_manufacturer',
    image_urls: '_image_urls',
    product_url: '_product_url',
    barcode: '_barcode',
    color: '_color',
    finish: '_finish',
    material_type: '_material_type',
    thickness: '_thickness',
    dimensions: '_dimensions',
  },
  async *transform(records) {
    for await (const record of records) yield { ...record, fields: deriveFields(record) };
  },
};

function deriveFields(record: FeedRecord): RecordFields {
  const fields = record.fields;
  const context = record.context ?? {};
  const words = fields[PRODUCT.id] !== undefined ? PRODUCT : ARTICLE;
  const language = context[`${HEADER}.LANGUAGE`] ?? null;
  const currency = context[`${HEADER}.CURRENCY`] ?? null;
  const derived: RecordFields = { ...fields };
  const set = (key: string, value: unknown) => {
    if (value !== null && value !== undefined && value !== '') derived[key] = value;
  };
  set('_sku', getFirstText(fields, words.id));
  set('_name', inLanguage(fields, `${words.details}.DESCRIPTION_SHORT`, language));
  set('_description', inLanguage(fields, `${words.details}.DESCRIPTION_LONG`, language));
  set('_manufacturer', getFirstText(fields, `${words.details}.MANUFACTURER_NAME`));
  set('_barcode', readBarcode(fields, words.details));
  const prices = readBmecatPrices(fields, words.prices, currency);
  const price = chooseBmecatPrice(prices, currency);
  set('_price', price?.amount);
  set('_currency', price?.currency ?? currency);
  if (prices.length > 0) derived['_prices'] = prices;
  Object.assign(derived, readMedia(fields, context[`${HEADER}.MIME_ROOT`] ?? null));
  const features = readBmecatFeatures(fields, words.features);
  if (features.length > 0) derived['_features'] = features;
  for (const [target, value] of Object.entries(materialFieldsFromFeatures(features))) {
    set(`_${target}`, value);
  }
  if (record.path?.includes('/T_UPDATE_PRICES/'))
    derived[UPDATE_ONLY_FIELD] = ['price', 'currency'];
  return derived;
}

function inLanguage(fields: RecordFields, path: string, language: string | null): string | null {
  const groups = getFieldGroups(fields, path);
  const catalogLanguage = language?.toLowerCase();
  const match = groups.find(
    (group) => catalogLanguage && getFirstText(group, '@lang')?.toLowerCase() === catalogLanguage,
  );
  return getFirstText(match ?? groups[0] ?? {}, '#text');
}

function readBarcode(fields: RecordFields, details: string): string | null {
  const ean = getFirstText(fields, `${details}.EAN`);
  if (ean) return ean;
  const ids = getFieldGroups(fields, `${details}.INTERNATIONAL_PID`);
  const gtin = ids.find((g) => /gtin|ean/i.test(getFirstText(g, '@type') ?? ''));
  return getFirstText(gtin ?? ids[0] ?? {}, '#text');
}

// MIME entries with an image type become images, `url` and `text/html` entries the product
// page. Relative sources are resolved against MIME_ROOT when that is an http(s) URL.
function readMedia(fields: RecordFields, mimeRoot: string | null): RecordFields {
  const images: string[] = [];
  let productUrl: string | null = null;
  for (const mime of getFieldGroups(fields, 'MIME_INFO.MIME')) {
    const source = getFirstText(mime, 'MIME_SOURCE');
    const type = (getFirstText(mime, 'MIME_TYPE') ?? '').toLowerCase();
    if (!source) continue;
    if (type.startsWith('image/')) images.push(resolveMime(source, mimeRoot));
    else if ((type === 'url' || type === 'text/html') && !productUrl) productUrl = source;
  }
  const media: RecordFields = {};
  if (images.length > 0) media['_image_urls'] = [...new Set(images)];
  if (productUrl) media['_product_url'] = productUrl;
  return media;
}

function resolveMime(source: string, mimeRoot: string | null): string {
  if (!mimeRoot || !/^https?:\/\//i.test(mimeRoot) || /^[a-z]+:\/\//i.test(source)) return source;
  return `${mimeRoot.replace(/\/+$/, '')}/${source.replace(/^\/+/, '')}`;
}
