/**
 * A material found by a pipeline (PDF, feed import or scrape) before it is stored. Every
 * pipeline produces this shape and `materials-repository.ts` is the only code that writes it.
 */
export interface MaterialDraft {
  name: string;
  sku: string | null;
  category: string | null;
  materialType: string | null;
  /** Normalised dimensions as written on the source, e.g. `600 x 1200 mm`. */
  dimensions: string | null;
  thickness: string | null;
  finish: string | null;
  color: string | null;
  /** Decimal price; comma decimals are already converted (`1.234,50` becomes 1234.5). */
  price: number | null;
  /** ISO 4217 code, e.g. `EUR`, `HUF`. */
  currency: string | null;
  manufacturer: string | null;
  /** 0-1, how sure the extractor is that this is a real product record. */
  confidence: number;
  /** Anything else the source carried: units, barcodes, image URLs, raw fields. */
  attributes: Record<string, unknown>;
  /** 1-based page in the source document, for PDF materials. */
  pageNumber?: number;
  sourceUrl?: string;
}
