import { GOOGLE_BASE_NAMESPACE } from '../xml-names.ts';
import type { FeedPreset } from './preset-types.ts';

/**
 * Google Merchant Center product feeds as RSS 2.0 (`rss/channel/item`) or Atom (`feed/entry`).
 * The `g:` elements are recognised by the namespace URI, whatever prefix the file declares.
 */
export const googleMerchantPreset: FeedPreset = {
  id: 'google_merchant',
  label: 'Google Merchant feed',
  detect: (sniff) =>
    sniff.format === 'xml' &&
    Object.values(sniff.xml?.namespaces ?? {}).includes(GOOGLE_BASE_NAMESPACE) &&
    (sniff.xml?.rootName === 'rss' || sniff.xml?.rootName === 'feed'),
  recordPath: (sniff) => (sniff.xml?.rootName === 'feed' ? 'feed/entry' : 'rss/channel/item'),
  fields: {
    name: ['g:title', 'title'],
    sku: ['g:id', 'g:mpn'],
    description: ['g:description', 'description', 'summary', 'content'],
    category: ['g:product_type', 'g:google_product_category'],
    material_type: 'g:material',
    dimensions: ['g:product_length', 'g:product_width', 'g:product_height'],
    color: 'g:color',
    price: 'g:price',
    manufacturer: 'g:brand',
    image_urls: ['g:image_link', 'g:additional_image_link'],
    product_url: ['g:link', 'link', 'link.@href'],
    stock: ['g:quantity', 'g:availability'],
    barcode: 'g:gtin',
  },
};
