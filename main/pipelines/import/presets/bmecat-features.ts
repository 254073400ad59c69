import type { RecordFields } from '../feed-types.ts';
import { scoreFieldName, type TargetField } from '../mapping-dictionary.ts';
import { getFieldGroups, getFieldValues, getFirstText, valueToText } from '../record-fields.ts';

/** One FEATURE of a BMEcat article or product. */
export interface BmecatFeature {
  name: string;
  value: string;
  unit: string | null;
}

/**
 * Reads the FEATURE elements under `featuresPath` (ARTICLE_FEATURES or PRODUCT_FEATURES).
 * BMEcat 1.x names a feature in FNAME, BMEcat 2005 in FTEMPLATE/FT_NAME; a value is FVALUE
 * (several are joined) or, for a value from a list, FVALUE_DETAILS. Features nested in a
 * FEATURE_GROUP, as Weidmüller exports them, are read too.
 */
export function readBmecatFeatures(fields: RecordFields, featuresPath: string): BmecatFeature[] {
  const features: BmecatFeature[] = [];
  const groups = [
    ...getFieldGroups(fields, `${featuresPath}.FEATURE`),
    ...getFieldGroups(fields, `${featuresPath}.FEATURE_GROUP.FEATURE`),
  ];
  for (const group of groups) {
    const name = getFirstText(group, 'FNAME') ?? getFirstText(group, 'FTEMPLATE.FT_NAME');
    const values = getFieldValues(group, 'FVALUE')
      .map(valueToText)
      .filter((v): v is string => v !== null);
    const value =
      values.length > 0 ? [...new Set(values)].join(', ') : getFirstText(group, 'FVALUE_DETAILS');
    // ECLASS group headers repeat their own name as the value and carry no data.
    if (!name || !value || value === name) continue;
    const unit = getFirstText(group, 'FUNIT') ?? getFirstText(group, 'FTEMPLATE.FT_UNIT');
    features.push({ name, value, unit });
  }
  return features;
}

const FEATURE_TARGETS: TargetField[] = [
  'color',
  'finish',
  'material_type',
  'thickness',
  'dimensions',
];

/**
 * Finds material fields among the features by their names (`Farbe` is a color, `Oberfläche`
 * a finish), with the same dictionary that maps feed columns.
 */
export function materialFieldsFromFeatures(
  features: BmecatFeature[],
): Partial<Record<TargetField, string>> {
  const found: Partial<Record<TargetField, string>> = {};
  for (const target of FEATURE_TARGETS) {
    const feature = features.find((f) => scoreFieldName(target, f.name) >= 0.8);
    if (feature) found[target] = feature.unit ? `${feature.value} ${feature.unit}` : feature.value;
  }
  return found;
}
