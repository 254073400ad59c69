/**
 * Thickness expressions: a bare measure (`8 mm`), a labelled one (`espesor 8,5 mm`,
 * `Vastagság (mm): 12`, `thickness 10mm`) or a tolerance (`6.1 ± 0.3`).
 */

import { parseLocaleNumber } from './numbers.ts';

/** A thickness found in text. */
export interface Thickness {
  /** Normalised form with dot decimals: `8.5 mm`, `6.1 ± 0.3 mm`, `6.1 ± 0.3` without a unit. */
  text: string;
  value: number;
  /** Plus-or-minus tolerance in the same unit, when the source gives one. */
  tolerance: number | null;
  /** `mm` or `cm`, null when the source gives none. */
  unit: string | null;
}

/** Thickness labels in Spanish, English, Hungarian, French, Italian and German. */
export const THICKNESS_LABEL = String.raw`(?:espesor(?:\s+nominal)?|grosor|(?:nominal\s+)?thickness|(?:fal)?vastagság|épaisseur|spessore|stärke|dicke)`;

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const MEASURE = String.raw`(${NUMBER})(?:\s*(?:±|\+\/-)\s*(${NUMBER}))?(?:\s*(mm|cm)(?![\p{L}]))?`;

const BARE = new RegExp(String.raw`^\s*${MEASURE}\s*$`, 'iu');
const LABELLED = new RegExp(
  String.raw`(?<![\p{L}])${THICKNESS_LABEL}\s*(?:\((mm|cm)\))?\s*[:=]?\s*${MEASURE}`,
  'iu',
);
const SUFFIXED = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(${NUMBER})\s*(mm|cm)\s+(?:thick|thickness|vastag|de\s+espesor)(?![\p{L}])`,
  'iu',
);
const SHORT_LABEL = new RegExp(
  String.raw`(?<![\p{L}])e\s*=\s*(${NUMBER})\s*(mm|cm)(?![\p{L}])`,
  'iu',
);

/**
 * Parses the thickness in `text`: the whole text as a measure, else the first labelled,
 * suffixed (`8 mm thick`) or `e=8 mm` form. A bare measure must carry `mm` or `cm`, or a
 * tolerance, so that a lone number is never taken for a thickness.
 */
export function parseThickness(text: string): Thickness | null {
  const bare = BARE.exec(text);
  if (bare && (bare[2] !== undefined || bare[3] !== undefined)) {
    return buildThickness(bare[1]!, bare[2], bare[3]);
  }
  const labelled = LABELLED.exec(text);
  if (labelled) return buildThickness(labelled[2]!, labelled[3], labelled[4] ?? labelled[1]);
  const suffixed = SUFFIXED.exec(text) ?? SHORT_LABEL.exec(text);
  if (suffixed) return buildThickness(suffixed[1]!, undefined, suffixed[2]);
  return null;
}

function buildThickness(
  rawValue: string,
  rawTolerance: string | undefined,
  rawUnit: string | undefined,
): Thickness | null {
  const value = parseLocaleNumber(rawValue.replace(',', '.'));
  const tolerance =
    rawTolerance === undefined ? null : parseLocaleNumber(rawTolerance.replace(',', '.'));
  if (value === null || value <= 0) return null;
  const unit = rawUnit ? rawUnit.toLowerCase() : null;
  const measure = tolerance === null ? String(value) : `${value} ± ${tolerance}`;
  return { text: unit ? `${measure} ${unit}` : measure, value, tolerance, unit };
}
