import { createHash } from 'node:crypto';
import type { MaterialDraft } from '../../materials/material-draft.ts';

// Fields that identify a product. Price, currency, stock and confidence change between feed
// runs without making it another product, so they stay out of the hash.
const IDENTITY_FIELDS = [
  'name',
  'manufacturer',
  'category',
  'materialType',
  'dimensions',
  'thickness',
  'finish',
  'color',
] as const;

function normalizeKeyText(value: string | null): string {
  return (value ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Returns the stable key for upserting a feed material: `sku:<source>:<sku>` when the material
 * has a SKU, otherwise `hash:<source>:<sha256>` over its normalised identity fields. The source
 * name (a supplier or feed name) keeps equal SKUs of different suppliers apart.
 */
export function productKey(sourceName: string, material: MaterialDraft): string {
  const sku = material.sku?.trim();
  if (sku) return `sku:${sourceName}:${sku}`;
  const identity = IDENTITY_FIELDS.map((field) => normalizeKeyText(material[field]));
  const digest = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  return `hash:${sourceName}:${digest.slice(0, 32)}`;
}
