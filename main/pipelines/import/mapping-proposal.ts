import type { FieldProfile } from './field-profile.ts';
import { emptyMapping, type FeedMapping, type PresetId } from './feed-mapping.ts';
import {
  TARGET_FIELDS,
  normalizeFieldName,
  scoreFieldName,
  type TargetField,
} from './mapping-dictionary.ts';
import type { ValueKind } from './value-patterns.ts';
import { normalizeCurrencyCode } from './value-normalization.ts';

/** Minimum confidence for a proposed source; weaker candidates stay unmapped. */
export const MIN_PROPOSAL_CONFIDENCE = 0.3;

/**
 * Minimum confidence for a field a preset does not map itself. Preset layouts are known, so
 * only strong name matches are added to them.
 */
export const MIN_PRESET_EXTRA_CONFIDENCE = 0.75;

/** A preset's contribution to a proposal. */
export interface PresetProposal {
  id: PresetId;
  fields: Partial<Record<TargetField, string | string[]>>;
}

export interface ProposalOptions {
  preset?: PresetProposal | null;
  recordPath?: string | null;
}

/**
 * Proposes a source for every material field from the profiled fields: names are scored
 * with the multilingual dictionary, values with patterns (numbers for prices, image URLs,
 * GTIN checksums), and each source is used for one field only. A preset's own mapping wins
 * for the fields it names when those fields occur in the records.
 */
export function proposeMapping(
  profiles: FieldProfile[],
  options: ProposalOptions = {},
): FeedMapping {
  const mapping = emptyMapping();
  mapping.preset = options.preset?.id ?? null;
  mapping.recordPath = options.recordPath ?? null;
  const used = applyPresetFields(mapping, profiles, options.preset);
  const reserved = new Set(Object.keys(options.preset?.fields ?? {}) as TargetField[]);
  const minimum = options.preset ? MIN_PRESET_EXTRA_CONFIDENCE : MIN_PROPOSAL_CONFIDENCE;
  assignGreedily(mapping, profiles, used, { reserved, minimum });
  useDescriptionAsName(mapping);
  composeDimensions(mapping, profiles, used, reserved);
  mapping.options.decimalSeparator = decimalSeparatorOf(mapping, profiles);
  mapping.options.defaultCurrency = currencyFromPriceName(mapping);
  return mapping;
}

function applyPresetFields(
  mapping: FeedMapping,
  profiles: FieldProfile[],
  preset: PresetProposal | null | undefined,
): Set<string> {
  const used = new Set<string>();
  const present = new Set(profiles.map((p) => p.path));
  for (const [target, source] of Object.entries(preset?.fields ?? {})) {
    const sources = (Array.isArray(source) ? source : [source]).filter((s) => present.has(s));
    if (sources.length === 0) continue;
    mapping.fields[target as TargetField] = {
      source: sources.length === 1 ? (sources[0] ?? null) : sources,
      confidence: 1,
    };
    for (const s of sources) used.add(s);
  }
  return used;
}

// Fields a preset derives (`_price`) are only mapped by that preset, and targets the preset
// maps are not filled from other columns when the preset's source is absent.
function assignGreedily(
  mapping: FeedMapping,
  profiles: FieldProfile[],
  used: Set<string>,
  limits: { reserved: Set<TargetField>; minimum: number },
): void {
  const candidates: { target: TargetField; path: string; score: number; order: number }[] = [];
  profiles.forEach((profile, order) => {
    if (profile.path.startsWith('_')) return;
    for (const target of TARGET_FIELDS) {
      if (limits.reserved.has(target)) continue;
      const score = scoreCandidate(target, profile);
      if (score >= limits.minimum) candidates.push({ target, path: profile.path, score, order });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const { target, path, score } of candidates) {
    if (mapping.fields[target].source !== null || used.has(path)) continue;
    mapping.fields[target] = { source: path, confidence: Math.round(score * 100) / 100 };
    used.add(path);
  }
}

function share(profile: FieldProfile, ...kinds: ValueKind[]): number {
  const total = Object.values(profile.kinds).reduce((sum, n) => sum + (n ?? 0), 0);
  if (total === 0) return 0;
  return kinds.reduce((sum, kind) => sum + (profile.kinds[kind] ?? 0), 0) / total;
}

/** Scores 0-1 how likely `profile` contains `target`, from its name, values and fill rate. */
export function scoreCandidate(target: TargetField, profile: FieldProfile): number {
  const byName = scoreFieldName(target, profile.path);
  const score = Math.min(1, Math.max(0, adjustByValues(target, profile, byName)));
  if (profile.filled === 0) return 0;
  return score * (0.6 + 0.4 * profile.fillRate);
}

function adjustByValues(target: TargetField, profile: FieldProfile, byName: number): number {
  const numbers = share(profile, 'integer', 'decimal', 'price');
  switch (target) {
    case 'price':
      if (byName === 0) return share(profile, 'price') >= 0.8 ? 0.6 : 0;
      return numbers < 0.5 ? byName * 0.3 : byName;
    case 'image_urls':
      if (share(profile, 'image_url') >= 0.6) return Math.max(byName + 0.15, 0.6);
      return byName * 0.5;
    case 'product_url':
      if (share(profile, 'image_url') >= 0.5) return byName * 0.3;
      if (share(profile, 'url') >= 0.6) return byName > 0 ? byName + 0.1 : 0.5;
      return byName * 0.3;
    case 'barcode':
      if (share(profile, 'gtin') >= 0.8) return Math.max(byName + 0.1, 0.85);
      return byName;
    case 'currency':
      if (share(profile, 'currency_code') >= 0.8) return Math.max(byName, 0.7);
      return byName * 0.5;
    case 'sku':
      if (profile.maxLength > 60) return byName * 0.3;
      return byName;
    case 'name':
    case 'manufacturer':
    case 'category':
      return numbers > 0.5 ? byName * 0.3 : byName;
    case 'description':
      return profile.maxLength > 80 || share(profile, 'html') > 0.3 ? byName + 0.05 : byName;
    default:
      return byName;
  }
}

// Feeds such as price lists (`code;description_en;price_eur`) carry a single text column;
// without a name column it is the best name there is.
function useDescriptionAsName(mapping: FeedMapping): void {
  const { name, description } = mapping.fields;
  if (name.source !== null || description.source === null) return;
  mapping.fields.name = {
    source: description.source,
    confidence: Math.round(description.confidence * 70) / 100,
  };
  mapping.fields.description = { source: null, confidence: 0 };
}

const EXTENT_WORDS = [
  ['width', 'breite', 'largeur', 'ancho', 'larghezza', 'largura', 'ширина', 'szelesseg'],
  ['length', 'lange', 'longueur', 'largo', 'lunghezza', 'comprimento', 'длина', 'hosszusag'],
  ['height', 'hohe', 'hauteur', 'alto', 'altezza', 'altura', 'высота', 'magassag'],
];

// Without a dimensions column, separate width, length and height columns are joined.
function composeDimensions(
  mapping: FeedMapping,
  profiles: FieldProfile[],
  used: Set<string>,
  reserved: Set<TargetField>,
): void {
  if (mapping.fields.dimensions.source !== null || reserved.has('dimensions')) return;
  const sources: string[] = [];
  for (const words of EXTENT_WORDS) {
    const match = profiles.find((p) => {
      if (used.has(p.path) || p.filled === 0 || p.multiValued || p.path.startsWith('_'))
        return false;
      return normalizeFieldName(p.path)
        .split(' ')
        .some((word) => words.includes(word));
    });
    if (match) sources.push(match.path);
  }
  if (sources.length < 2) return;
  mapping.fields.dimensions = { source: sources, confidence: 0.6 };
  for (const source of sources) used.add(source);
}

function decimalSeparatorOf(mapping: FeedMapping, profiles: FieldProfile[]): '.' | ',' {
  const price = mapping.fields.price.source;
  const pricePath = Array.isArray(price) ? price[0] : price;
  const priceProfile = profiles.find((p) => p.path === pricePath);
  if (priceProfile?.decimalSeparator) return priceProfile.decimalSeparator;
  const votes = profiles.filter((p) => p.decimalSeparator !== undefined);
  const commas = votes.filter((p) => p.decimalSeparator === ',').length;
  return commas > votes.length / 2 ? ',' : '.';
}

// Codes common enough in column names that a three-letter word there means the currency;
// rarer ISO codes (ALL, TOP, CUP) are also ordinary words.
const NAMED_CURRENCIES = new Set([
  'eur',
  'usd',
  'gbp',
  'chf',
  'huf',
  'rub',
  'pln',
  'czk',
  'sek',
  'nok',
  'dkk',
  'uah',
  'brl',
]);

// Price columns named `price_eur` or `Preis Euro` state the currency in the name.
function currencyFromPriceName(mapping: FeedMapping): string | null {
  const price = mapping.fields.price.source;
  const path = Array.isArray(price) ? price[0] : price;
  if (!path) return null;
  for (const word of normalizeFieldName(path).split(' ')) {
    if (word === 'euro' || word === 'euros') return 'EUR';
    if (NAMED_CURRENCIES.has(word)) return normalizeCurrencyCode(word);
  }
  return null;
}
