/** A mapping confidence in three bands, each with a colour and a text label. */
export type ConfidenceLevel = 'high' | 'medium' | 'low';

/**
 * Returns the band of a confidence in [0, 1]: high from 0.8, medium from 0.5, low below.
 * NOTE: the bands are a UI choice, not the mapper's; change them if it reports
 * calibrated probabilities.
 */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}

/** Returns the label shown next to the colour, so the band never rests on colour alone. */
export function confidenceLabel(confidence: number): string {
  const level = confidenceLevel(confidence);
  return `${level[0]!.toUpperCase()}${level.slice(1)} (${Math.round(confidence * 100)}%)`;
}
