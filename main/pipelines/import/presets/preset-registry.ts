import type { PresetId } from '../feed-mapping.ts';
import { bmecatPreset } from './bmecat-preset.ts';
import { datanormPreset } from './datanorm-preset.ts';
import { googleMerchantPreset } from './google-merchant-preset.ts';
import { icecatPreset } from './icecat-preset.ts';
import type { FeedPreset, FeedSniff } from './preset-types.ts';
import { shopifyCsvPreset } from './shopify-csv-preset.ts';
import { woocommerceCsvPreset } from './woocommerce-csv-preset.ts';

/** All presets, in the order they are tried. */
export const FEED_PRESETS: readonly FeedPreset[] = [
  bmecatPreset,
  googleMerchantPreset,
  icecatPreset,
  shopifyCsvPreset,
  woocommerceCsvPreset,
  datanormPreset,
];

/** Returns the first preset that recognises the feed, or null for a generic feed. */
export function detectPreset(sniff: FeedSniff): FeedPreset | null {
  return FEED_PRESETS.find((preset) => preset.detect(sniff)) ?? null;
}

/** Returns the preset with the given id. */
export function getPreset(id: PresetId): FeedPreset {
  const preset = FEED_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`Unknown feed preset "${id}".`);
  return preset;
}
