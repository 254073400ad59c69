/** The product record every extractor produces before it becomes a MaterialDraft. */

/** Extraction method that found a product, from most to least reliable. */
export type ExtractionMethod = 'json-ld' | 'microdata' | 'open-graph' | 'listing';

/** One offer of a product: a variant, a seller or a pack size. */
export interface ProductOffer {
  name: string | null;
  sku: string | null;
  price: number | null;
  currency: string | null;
  availability: string | null;
}

/** A product found on one page, with text already decoded and trimmed. */
export interface ProductCandidate {
  method: ExtractionMethod;
  name: string;
  sku: string | null;
  gtin: string | null;
  mpn: string | null;
  brand: string | null;
  category: string | null;
  description: string | null;
  color: string | null;
  /** Lowest price when the product has a range or several offers. */
  price: number | null;
  /** Highest price of a range or of several offers, else null. */
  maxPrice: number | null;
  currency: string | null;
  availability: string | null;
  /** Absolute URL of the product's own page, when the markup names one. */
  productUrl: string | null;
  imageUrls: string[];
  offers: ProductOffer[];
}

/** Returns a candidate with every optional field empty. */
export function emptyCandidate(method: ExtractionMethod, name: string): ProductCandidate {
  return {
    method,
    name,
    sku: null,
    gtin: null,
    mpn: null,
    brand: null,
    category: null,
    description: null,
    color: null,
    price: null,
    maxPrice: null,
    currency: null,
    availability: null,
    productUrl: null,
    imageUrls: [],
    offers: [],
  };
}
