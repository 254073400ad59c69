import type { RecordFields } from '../feed-types.ts';
import { getFieldGroups, getFirstText } from '../record-fields.ts';
import { parseDecimal } from '../value-normalization.ts';

/** One price of a BMEcat ARTICLE_PRICE or PRODUCT_PRICE element. */
export interface BmecatPrice {
  type: string | null;
  amount: number;
  currency: string | null;
  tax: number | null;
  lowerBound: number | null;
}

// The price shown in a catalogue: list prices before customer prices, net before gross.
const PRICE_TYPE_ORDER = ['net_list', 'gros_list', 'net_customer', 'gros_customer', 'nrp'];

/**
 * Reads a BMEcat number. The standard writes decimals with a dot, but exports also write
 * `17,5`; with no thousands separators in BMEcat, a lone comma is a decimal comma.
 */
export function parseBmecatNumber(text: string | null): number | null {
  if (text === null) return null;
  const value = text.trim();
  if (/^[+-]?\d*,\d+$/.test(value)) return Number(value.replace(',', '.'));
  return parseDecimal(value, '.');
}

/** Reads all prices of an article; a price without PRICE_CURRENCY takes the header currency. */
export function readBmecatPrices(
  fields: RecordFields,
  priceGroupPath: string,
  headerCurrency: string | null,
): BmecatPrice[] {
  const prices: BmecatPrice[] = [];
  for (const group of getFieldGroups(fields, priceGroupPath)) {
    const amount = parseBmecatNumber(getFirstText(group, 'PRICE_AMOUNT'));
    if (amount === null) continue;
    prices.push({
      type: getFirstText(group, '@price_type'),
      amount,
      currency: getFirstText(group, 'PRICE_CURRENCY') ?? headerCurrency,
      tax: parseBmecatNumber(getFirstText(group, 'TAX')),
      lowerBound: parseBmecatNumber(getFirstText(group, 'LOWER_BOUND')),
    });
  }
  return prices;
}

/**
 * Picks the catalogue price: by price type (list before customer prices), then the lowest
 * quantity bound, then the header currency.
 */
export function chooseBmecatPrice(
  prices: BmecatPrice[],
  headerCurrency: string | null,
): BmecatPrice | null {
  const rank = (price: BmecatPrice) => {
    const index = PRICE_TYPE_ORDER.indexOf(price.type ?? '');
    return index === -1 ? PRICE_TYPE_ORDER.length : index;
  };
  const sorted = [...prices].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.lowerBound ?? 0) - (b.lowerBound ?? 0) ||
      Number(b.currency === headerCurrency) - Number(a.currency === headerCurrency),
  );
  return sorted[0] ?? null;
}
