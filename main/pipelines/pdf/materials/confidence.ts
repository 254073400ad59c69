/** Confidence scores for drafts, computed from the fields that support each record. */

/** The fields of a draft that count as evidence, and how much each counts. */
const FIELD_WEIGHTS = {
  sku: 3,
  price: 3,
  dimensions: 2,
  color: 1,
  finish: 1,
  thickness: 1,
} as const;

const TOTAL_WEIGHT = Object.values(FIELD_WEIGHTS).reduce((sum, weight) => sum + weight, 0);

/** The draft fields that the confidence score counts. */
export type EvidenceFields = Partial<Record<keyof typeof FIELD_WEIGHTS, unknown>>;

/**
 * Scores 0.2 for a named record plus up to 0.8 by the weighted share of supporting fields
 * present (code 3, price 3, dimensions 2, colour, finish and thickness 1 each), rounded to
 * two decimals. A name alone scores 0.2; every field scores 1.
 */
export function scoreConfidence(fields: EvidenceFields): number {
  let present = 0;
  for (const [field, weight] of Object.entries(FIELD_WEIGHTS)) {
    const value = fields[field as keyof typeof FIELD_WEIGHTS];
    if (value !== null && value !== undefined && value !== '') present += weight;
  }
  return Math.round((0.2 + (0.8 * present) / TOTAL_WEIGHT) * 100) / 100;
}
